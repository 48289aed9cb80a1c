import * as assert from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { appendFileSync, utimesSync } from 'node:fs';
import { contentHash, DiskSource, Scanner, storeKey } from '../../../src/core';
import { ScanStores } from '../../../src/extension/scanStores';
import { checkFolders } from '../../../src/extension/quickCheckWorker';
import { checkInWorker } from '../../../src/extension/reopenCheck';
import { builtinCatalog, diskWorkspace } from '../helpers';

/** A log that keeps its lines. */
function fakeLog(): vscode.LogOutputChannel & { lines: string[] } {
  const lines: string[] = [];
  const keep = (m: string) => void lines.push(m);
  return { lines, info: keep, warn: keep, error: keep } as unknown as vscode.LogOutputChannel & { lines: string[] };
}

const folder = (root: string, name = 'ws') =>
  ({ name, index: 0, uri: { toString: () => `file://${root}`, fsPath: root } }) as vscode.WorkspaceFolder;

describe('scan stores in workspace storage (ScanStores)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('gives back the map and the store of the same folders, and nothing for others', async () => {
    const storage = mkdtempSync(path.join(os.tmpdir(), 'bsm-storage-'));
    const root = diskWorkspace({ 'package.json': JSON.stringify({ dependencies: { pg: '8.0.0' } }) });
    dirs.push(storage, root);
    const key = storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const map = await scanner.scan({ cache: { key } });
    const log = fakeLog();
    const stores = new ScanStores(storage, log);
    const ws = folder(root);
    stores.schedule([{ folder: ws, scanner }], map, undefined);
    assert.deepStrictEqual(readdirSync(storage), [], 'not written at once');
    await stores.flush();
    assert.strictEqual(readdirSync(storage).filter((f) => f.endsWith('.tmp')).length, 0, 'no temporary file left');
    assert.deepStrictEqual(stores.rememberedMap([ws]), { map: JSON.parse(JSON.stringify(map)) }, 'no check without inputs');
    assert.strictEqual(stores.rememberedMap([folder('/elsewhere')]), undefined);
    assert.strictEqual(stores.rememberedMap([ws, folder('/second', 'b')]), undefined);
    assert.strictEqual((await stores.previous(ws, key))!.files.size, 1);
    const other = storeKey({ engine: 'next', catalog: builtinCatalog(), readSources: true });
    assert.strictEqual(await stores.previous(ws, other), undefined);
    assert.match(log.lines.join('\n'), /scan store not used: it was written by another version/);
  });

  it('shows no remembered map and uses no store when they are damaged, and says so', async () => {
    const storage = mkdtempSync(path.join(os.tmpdir(), 'bsm-storage-'));
    dirs.push(storage);
    const root = diskWorkspace({ 'package.json': '{}' });
    dirs.push(root);
    const key = storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const map = await scanner.scan({ cache: { key } });
    const log = fakeLog();
    const stores = new ScanStores(storage, log);
    const ws = folder(root);
    stores.schedule([{ folder: ws, scanner }], map, 'inputs');
    await stores.flush();
    for (const f of readdirSync(storage)) writeFileSync(path.join(storage, f), readFileSync(path.join(storage, f), 'utf8').slice(0, 40));
    assert.strictEqual(stores.rememberedMap([ws]), undefined);
    assert.strictEqual(await stores.previous(ws, key), undefined);
    const text = log.lines.join('\n');
    assert.match(text, /remembered map not shown: it is damaged/);
    assert.match(text, /scan store not used: it is damaged or not a scan store/);
  });

  it('keeps nothing without a storage folder', async () => {
    const stores = new ScanStores(undefined, fakeLog());
    assert.strictEqual(stores.rememberedMap([folder('/x')]), undefined);
    assert.strictEqual(
      await stores.previous(folder('/x'), storeKey({ engine: 't', catalog: builtinCatalog(), readSources: true })),
      undefined,
    );
  });

  describe('the check a remembered map is kept with', () => {
    /** A folder scanned with a store, a minute after its files were written (their times are clearly older). */
    async function scanned(storage: string) {
      const root = diskWorkspace({ 'package.json': JSON.stringify({ dependencies: { pg: '8.0.0' } }), 'app/worker.py': 'import redis\n' });
      dirs.push(storage, root);
      const old = new Date(Date.now() - 60_000);
      for (const f of ['package.json', 'app/worker.py']) utimesSync(path.join(root, f), old, old);
      const key = storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });
      const scanner = new Scanner(new DiskSource(root), builtinCatalog());
      const realNow = Date.now;
      Date.now = () => realNow() + 60_000; // the scan starts a minute later: the folders are old enough too
      try {
        return { root, scanner, map: await scanner.scan({ cache: { key } }), ws: folder(root) };
      } finally {
        Date.now = realNow;
      }
    }
    const storeFile = (storage: string) =>
      path.join(
        storage,
        readdirSync(storage).find((f) => f.startsWith('scan-'))!,
      );
    const settings = () => ({ excludes: [], includes: [] });

    it('records what the map was made from and the hash of the store written with it; the quick check then finds nothing changed', async () => {
      const storage = mkdtempSync(path.join(os.tmpdir(), 'bsm-storage-'));
      const { root, scanner, map, ws } = await scanned(storage);
      const stores = new ScanStores(storage, fakeLog());
      stores.schedule([{ folder: ws, scanner }], map, 'the inputs');
      await stores.flush();
      const remembered = stores.rememberedMap([ws])!;
      assert.deepStrictEqual(remembered.check, { inputs: 'the inputs', stores: [contentHash(readFileSync(storeFile(storage), 'utf8'))] });
      const job = stores.quickCheckFolders([ws], remembered.check!, settings)!;
      assert.deepStrictEqual(await checkFolders(job), { unchanged: true });
      appendFileSync(path.join(root, 'app/worker.py'), 'import celery\n');
      assert.deepStrictEqual(await checkFolders(job), { unchanged: false, why: 'ws: app/worker.py changed', changed: [['app/worker.py']] });
    });

    it('keeps no check when the scanner changed after the map was made, or the store is not the one recorded', async () => {
      const storage = mkdtempSync(path.join(os.tmpdir(), 'bsm-storage-'));
      const { root, scanner, map, ws } = await scanned(storage);
      const stores = new ScanStores(storage, fakeLog());
      stores.schedule([{ folder: ws, scanner }], map, 'the inputs');
      writeFileSync(path.join(root, 'app/worker.py'), 'import pika\n');
      await scanner.updateFile('app/worker.py'); // in the store now, not in the map scheduled
      await stores.flush();
      assert.strictEqual(stores.rememberedMap([ws])!.check, undefined);

      stores.schedule([{ folder: ws, scanner }], scanner.current(), 'the inputs');
      await stores.flush();
      const check = stores.rememberedMap([ws])!.check!;
      assert.ok(check, 'kept once map and store agree');
      const job = stores.quickCheckFolders([ws], { ...check, stores: ['another'] }, settings)!;
      assert.deepStrictEqual(await checkFolders(job), { unchanged: false, why: 'ws: the scan store is not the one the map was kept with' });
      rmSync(storeFile(storage));
      const gone = await checkFolders(job);
      assert.match(gone.unchanged ? 'unchanged' : gone.why, /^ws: the scan store cannot be read/);
    });

    it('runs the check on a worker thread, and answers for a worker that cannot run', async () => {
      const storage = mkdtempSync(path.join(os.tmpdir(), 'bsm-storage-'));
      const { scanner, map, ws } = await scanned(storage);
      const stores = new ScanStores(storage, fakeLog());
      stores.schedule([{ folder: ws, scanner }], map, 'the inputs');
      await stores.flush();
      const job = stores.quickCheckFolders([ws], stores.rememberedMap([ws])!.check!, settings)!;
      const script = path.join(__dirname, '../../../src/extension/quickCheckWorker.js');
      assert.deepStrictEqual(await checkInWorker(script, job, new AbortController().signal), { unchanged: true });
      const missing = await checkInWorker(path.join(storage, 'no-such-worker.js'), job, new AbortController().signal);
      assert.strictEqual(missing.unchanged, false);
      const starved = await checkInWorker(script, job, new AbortController().signal, {
        maxOldGenerationSizeMb: 2,
        maxYoungGenerationSizeMb: 1,
      });
      assert.ok(!starved.unchanged && /^the check (failed|stopped)/.test(starved.why), JSON.stringify(starved));
      const ctrl = new AbortController();
      ctrl.abort();
      assert.deepStrictEqual(await checkInWorker(script, job, ctrl.signal), { unchanged: false, why: 'cancelled' });
    });
  });
});
