// The least a Node program costs that lists a tree and reads its files: every folder listed (outside
// .git and node_modules) and every file's first 64 KB read into one reused buffer, synchronously,
// with no decoding and no other work. bench.mjs times it as a whole process, beside the scan.
//   node test/bench/node-floor.cjs DIR
'use strict';
const { closeSync, openSync, readSync, readdirSync } = require('node:fs');
const path = require('node:path');

const buffer = Buffer.allocUnsafe(64 * 1024);
let files = 0;
let bytes = 0;
const pending = [process.argv[2]];
while (pending.length) {
  const dir = pending.pop();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') pending.push(full);
    } else if (entry.isFile()) {
      const fd = openSync(full, 'r');
      bytes += readSync(fd, buffer, 0, buffer.length, 0);
      closeSync(fd);
      files++;
    }
  }
}
process.stdout.write(`${files} files, ${bytes} bytes\n`);
