import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskSource, Scanner, type ScanProgress } from '../../../src/core';
import { builtinCatalog, statusOf } from '../helpers';

/** A workspace of `dirs` folders of 100 TypeScript files each, and a manifest proving Databases. */
function bigWorkspace(dirs: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bsm-cancel-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { pg: '^8' } }, null, 2));
  for (let d = 0; d < dirs; d++) {
    const dir = path.join(root, 'src', `m${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, `f${f}.ts`), `import express from 'express';\nexport const x${f} = ${f};\n`);
  }
  return root;
}

/** A DiskSource that counts the reads started after `signal` was aborted. */
class CountingSource extends DiskSource {
  readsAfterAbort = 0;
  reads = 0;
  signal: AbortSignal | undefined;
  override async read(relPath: string) {
    this.reads++;
    if (this.signal?.aborted) this.readsAfterAbort++;
    return super.read(relPath);
  }
}

async function cancelAt(root: string, when: (p: ScanProgress) => boolean, scanner?: Scanner) {
  const source = new CountingSource(root);
  const s = scanner ?? new Scanner(source, builtinCatalog());
  const ctrl = new AbortController();
  (s.source as CountingSource).signal = ctrl.signal;
  let abortedAt = 0;
  const map = await s.scan({
    signal: ctrl.signal,
    sliceMs: 1, // a pause, with its progress report, after every millisecond of work
    onProgress: (p) => {
      if (!abortedAt && when(p)) {
        abortedAt = performance.now();
        ctrl.abort();
      }
    },
  });
  assert.ok(abortedAt > 0, 'the scan was cancelled while running');
  return { map, stopMs: performance.now() - abortedAt, source: s.source as CountingSource, scanner: s };
}

describe('cancelling a scan', function () {
  this.timeout(60000);
  let root: string;
  before(() => {
    root = bigWorkspace(60); // 6,001 files
  });

  it('stops reading within one batch when cancelled while reading sources', async () => {
    const { stopMs, source } = await cancelAt(root, (p) => p.phase === 'imports' && p.done >= 512);
    assert.ok(source.readsAfterAbort <= 24, `${source.readsAfterAbort} reads started after the cancel`);
    assert.ok(source.reads < 1000, `${source.reads} files read in all, of 6,001`);
    assert.ok(stopMs < 1000, `stopped ${stopMs.toFixed(0)} ms after the cancel`);
  });

  it('reads nothing when cancelled while listing, and keeps the last complete map', async () => {
    const source = new CountingSource(root);
    const scanner = new Scanner(source, builtinCatalog());
    const complete = await scanner.scan();
    assert.strictEqual(statusOf(complete, 'databases'), 'practised');
    const readsBefore = source.reads;
    const { stopMs, map } = await cancelAt(root, (p) => p.phase === 'listing', scanner);
    assert.strictEqual(source.reads, readsBefore, 'no file read after a cancel during the listing');
    assert.ok(stopMs < 1000, `stopped ${stopMs.toFixed(0)} ms after the cancel`);
    assert.deepStrictEqual(map.skills, complete.skills);
  });
});

describe('scanning in slices', function () {
  this.timeout(60000);

  it('lets the event loop in at least every 100 ms while scanning 15,000 files', async () => {
    const root = bigWorkspace(150);
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    // A tick late because this process was not given the CPU (a loaded machine) is no block: the gap
    // counts as the lesser of the wall-clock time and the CPU time the process used meanwhile.
    let last = performance.now();
    let lastCpu = process.cpuUsage();
    let longest = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      const cpu = process.cpuUsage();
      const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
      longest = Math.max(longest, Math.min(now - last, cpuMs));
      last = now;
      lastCpu = cpu;
      ticks++;
    }, 2);
    try {
      const map = await scanner.scan();
      assert.strictEqual(statusOf(map, 'databases'), 'practised');
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks >= 3, `${ticks} timer ticks during the scan`);
    assert.ok(longest < 100, `the longest block between two ticks of a 2 ms timer was ${longest.toFixed(0)} ms`);
  });
});
