'use strict';
// The machine's floor for a scan: a Node process that walks the workspace (skipping .git and
// node_modules, as any scan does) and reads every regular file once, doing nothing with the bytes.
// No scanner can list and read the same files faster on this machine.
//   node test/bench/floor.cjs DIR   prints {"files": n, "bytes": n}
const fs = require('node:fs');
const path = require('node:path');

const SKIP = new Set(['.git', 'node_modules']);
let files = 0;
let bytes = 0;
const pending = [process.argv[2]];
while (pending.length) {
  const dir = pending.pop();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) pending.push(full);
    } else if (entry.isFile()) {
      files++;
      bytes += fs.readFileSync(full).length;
    }
  }
}
process.stdout.write(JSON.stringify({ files, bytes }) + '\n');
