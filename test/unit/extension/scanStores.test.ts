import * as assert from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { DiskSource, Scanner, storeKey } from '../../../src/core';
import { ScanStores } from '../../../src/extension/scanStores';
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
    stores.schedule([{ folder: ws, scanner }], map);
    assert.deepStrictEqual(readdirSync(storage), [], 'not written at once');
    await stores.flush();
    assert.strictEqual(readdirSync(storage).filter((f) => f.endsWith('.tmp')).length, 0, 'no temporary file left');
    assert.deepStrictEqual(stores.rememberedMap([ws]), JSON.parse(JSON.stringify(map)));
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
    stores.schedule([{ folder: ws, scanner }], map);
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
});
