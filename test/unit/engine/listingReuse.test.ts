import * as assert from 'node:assert';
import { renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiskSource, openStore, parseStore, Scanner, serializeStore, storeKey, type ScanStore, type SkillMap } from '../../../src/core';
import { folderFresh, isEntryName, type FolderListing } from '../../../src/core/workspace/folderListing';
import { builtinCatalog, diskWorkspace } from '../helpers';
import { ageFiles, later, replaceFolderAndFile, withoutStats } from './storeTestHelpers';

const PKG = (deps: Record<string, string>) => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);
const KEY = () => storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });

interface Scanned {
  map: SkillMap;
  store: ScanStore;
  /** The folders this scan took from the previous store without reading them. */
  reused: string[];
  /** The folders it read. */
  read: string[];
}

async function scanWith(root: string, previous?: ScanStore, source = new DiskSource(root)): Promise<Scanned> {
  const scanner = new Scanner(source, builtinCatalog());
  const map = await scanner.scan({ cache: { key: KEY(), previous } });
  const listed = source.listedFolders()!;
  const reused = [...listed].filter(([rel, l]) => previous?.folders.get(rel) === l).map(([rel]) => rel);
  const read = [...listed.keys()].filter((rel) => !reused.includes(rel));
  return { map, store: parseStore(serializeStore(scanner.store()!)), reused: reused.sort(), read: read.sort() };
}

const files = (map: SkillMap) => [...new Set(map.skills.flatMap((s) => s.evidence.map((e) => e.file)))].sort();

describe('folder listings taken from the scan store', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const workspace = () => {
    const root = diskWorkspace({
      'package.json': PKG({ express: '^4.19.0' }),
      'api/app.ts': "import express from 'express';\n",
      'api/cache.py': 'import redis\n',
      'api/deep/queue.py': 'import pika\n',
      'db/schema.sql': 'CREATE TABLE users (id int);\n',
      'docs/notes.md': 'nothing here\n',
    });
    roots.push(root);
    ageFiles(root);
    return root;
  };

  it('lists no folder again when nothing changed, and gives the same map as a cold scan', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    assert.deepStrictEqual(cold.reused, []);
    assert.deepStrictEqual(cold.read, ['', 'api', 'api/deep', 'db', 'docs']);
    const warm = await scanWith(root, later(cold.store));
    assert.deepStrictEqual(warm.read, []);
    assert.deepStrictEqual(warm.reused, ['', 'api', 'api/deep', 'db', 'docs']);
    assert.strictEqual(warm.map.stats.filesRead, 0);
    assert.strictEqual(withoutStats(warm.map), withoutStats(cold.map));
    const plain = await new Scanner(new DiskSource(root), builtinCatalog()).scan();
    assert.strictEqual(withoutStats(warm.map), withoutStats(plain));
  });

  it('lists again a folder within the margin of the previous scan, however its stamp looks', async () => {
    const root = workspace(); // its folders were made just now, as the scan starts
    const cold = await scanWith(root);
    const warm = await scanWith(root, cold.store);
    assert.deepStrictEqual(warm.reused, [], 'not trusted: changed within 2 s of the scan');
    assert.strictEqual(withoutStats(warm.map), withoutStats(cold.map));
  });

  it('finds a file added, removed or renamed in a folder, and lists that folder alone again', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    writeFileSync(path.join(root, 'api/deep/jobs.py'), 'import redis\n');
    rmSync(path.join(root, 'api/cache.py'));
    renameSync(path.join(root, 'db/schema.sql'), path.join(root, 'db/tables.sql'));
    const warm = await scanWith(root, later(cold.store));
    assert.deepStrictEqual(warm.read, ['api', 'api/deep', 'db']);
    assert.deepStrictEqual(warm.reused, ['', 'docs']);
    const found = files(warm.map);
    assert.ok(found.includes('api/deep/jobs.py'), found.join());
    assert.ok(found.includes('db/tables.sql'), found.join());
    assert.ok(!found.includes('api/cache.py') && !found.includes('db/schema.sql'), found.join());
    const plain = await new Scanner(new DiskSource(root), builtinCatalog()).scan();
    assert.strictEqual(withoutStats(warm.map), withoutStats(plain));
  });

  it('follows a folder replaced by a file of its name, and a file replaced by a folder', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    replaceFolderAndFile(root);
    const warm = await scanWith(root, later(cold.store));
    assert.deepStrictEqual(warm.read, ['', 'api', 'package.json']);
    const found = files(warm.map);
    assert.ok(!found.includes('api/deep/queue.py') && !found.includes('package.json'), found.join());
    assert.ok(found.includes('package.json/worker.py'), found.join());
    assert.ok(!warm.store.folders.has('api/deep'), 'a folder gone leaves the store');
    const plain = await new Scanner(new DiskSource(root), builtinCatalog()).scan();
    assert.strictEqual(withoutStats(warm.map), withoutStats(plain));
  });

  it('applies a changed .gitignore and changed excludes to folders it takes from the store', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    assert.ok(files(cold.map).includes('api/cache.py'));
    // A file's content changes no folder's stamp: the root's listing is taken again, its .gitignore read again.
    writeFileSync(path.join(root, '.gitignore'), 'placeholder\n');
    const withIgnore = await scanWith(root, later(cold.store));
    writeFileSync(path.join(root, '.gitignore'), 'cache.py\n');
    const ignored = await scanWith(root, later(withIgnore.store));
    assert.ok(ignored.reused.includes('') && ignored.reused.includes('api'), ignored.reused.join());
    assert.ok(!files(ignored.map).includes('api/cache.py'), 'ignored now');
    const excluded = await scanWith(root, later(ignored.store), new DiskSource(root, { excludes: ['db/**'] }));
    assert.ok(!files(excluded.map).includes('db/schema.sql'), 'excluded now');
  });

  it('lists a folder a link names once, at its own place, cold and warm', async () => {
    const root = workspace();
    symlinkSync(path.join(root, 'api'), path.join(root, 'linked'));
    const cold = await scanWith(root);
    assert.ok(![...cold.store.folders.keys()].some((rel) => rel.startsWith('linked')), [...cold.store.folders.keys()].join());
    writeFileSync(path.join(root, 'api/deep/more.py'), 'import redis\n');
    const warm = await scanWith(root, later(cold.store));
    assert.ok(files(warm.map).includes('api/deep/more.py'), files(warm.map).join());
    assert.ok(!files(warm.map).some((f) => f.startsWith('linked/')), files(warm.map).join());
    assert.deepStrictEqual(
      warm.map.skipped.map((s) => s.file),
      ['linked'],
    );
  });

  it('refuses a store whose folder listings are damaged, with a reason', async () => {
    const root = workspace();
    const text = serializeStore((await scanWith(root)).store);
    const doc = JSON.parse(text);
    const [, , names, kinds] = doc.folders.api;
    assert.deepStrictEqual(names.split('/').sort(), ['app.ts', 'cache.py', 'deep']);
    assert.strictEqual(kinds.length, 3);
    const damage = [
      (d: any) => (d.folders.api[3] = 'ff'),
      (d: any) => (d.folders.api[3] = 'ffx'),
      (d: any) => (d.folders.api[2] = d.folders.api[2].replace('deep', '..')),
      (d: any) => (d.folders['../outside'] = [1, 1, 'a', 'f']),
      (d: any) => (d.folders.api[0] = 'yesterday'),
      (d: any) => (d.folders.api = [1, 2, 'a']),
      (d: any) => delete d.folders,
    ];
    for (const change of damage) {
      const d = structuredClone(doc);
      change(d);
      assert.match(openStore(JSON.stringify(d), KEY()).problem ?? '', /damaged|folder/, String(JSON.stringify(d.folders)).slice(0, 200));
    }
  });

  it('trusts a stamp only when both times match and are older than the margin', () => {
    const prev: FolderListing = { mtimeMs: 1000, ctimeMs: 2000, names: [], kinds: '' };
    const memory = { time: 10_000, margin: 2000 };
    const stamp = (mtimeMs: number, ctimeMs: number) => ({ mtimeMs, ctimeMs }) as import('node:fs').Stats;
    assert.ok(folderFresh(prev, stamp(1000, 2000), memory));
    assert.ok(!folderFresh(prev, stamp(1001, 2000), memory), 'another modification time');
    assert.ok(!folderFresh(prev, stamp(1000, 2001), memory), 'another change time');
    assert.ok(!folderFresh(prev, stamp(1000, 2000), { time: 4000, margin: 2000 }), 'changed within the margin');
    assert.ok(!folderFresh({ ...prev, mtimeMs: NaN }, stamp(NaN, 2000), memory), 'no stamp');
    for (const bad of ['', '.', '..', 'a/b', 'a\0b']) assert.ok(!isEntryName(bad), bad);
    assert.ok(isEntryName('.gitignore') && isEntryName('..a') && isEntryName('a b'));
  });
});
