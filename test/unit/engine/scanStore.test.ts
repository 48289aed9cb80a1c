import * as assert from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DiskSource,
  loadCatalog,
  openStore,
  openStoreSliced,
  parseStore,
  Scanner,
  serializeStore,
  storeKey,
  StoreError,
  type Catalog,
  type ScanStore,
  type SkillMap,
} from '../../../src/core';
import { builtinCatalog, diskWorkspace, FIXTURES, SKILLS_DIR, statusOf } from '../helpers';
import { withoutStats } from './storeTestHelpers';

const PKG = (deps: Record<string, string>) => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);
const KEY = () => storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });

/** Sets a file's modification time `secondsAgo` in the past (older than the store's margin). */
function age(root: string, rel: string, secondsAgo = 60): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path.join(root, rel), t, t);
}

/** Every file under a folder, aged. */
function ageAll(root: string, secondsAgo = 60): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) age(entry.parentPath, entry.name, secondsAgo);
}

async function scanWith(
  root: string,
  previous?: ScanStore,
  catalog: Catalog = builtinCatalog(),
): Promise<{ map: SkillMap; store: ScanStore }> {
  const scanner = new Scanner(new DiskSource(root), catalog);
  const map = await scanner.scan({ cache: { key: KEY(), previous } });
  const store = scanner.store();
  assert.ok(store, 'a complete scan given a cache key remembers its files');
  // What the next run reads is the serialised store, never the object.
  return { map, store: parseStore(serializeStore(store)) };
}

describe('scan store', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const workspace = (files: Record<string, string>) => {
    const root = diskWorkspace(files);
    roots.push(root);
    ageAll(root);
    return root;
  };

  it('reads no file again when nothing changed, and gives the same map (hit)', async () => {
    const root = workspace({
      'package.json': PKG({ express: '^4.19.0', pg: '^8.11.0' }),
      'src/app.ts': "import express from 'express';\nimport Redis from 'ioredis';\n",
      'src/plain.ts': 'export const x = 1;\n',
      Dockerfile: 'FROM node:20\n',
    });
    const cold = await scanWith(root);
    assert.strictEqual(cold.map.stats.cacheHits, 0);
    assert.ok(cold.map.stats.filesRead! >= 4, `read ${cold.map.stats.filesRead}`);
    assert.strictEqual(cold.store.files.size, cold.map.stats.filesRead, 'every read file has a stamp, evidence or not');
    const warm = await scanWith(root, cold.store);
    assert.strictEqual(warm.map.stats.filesRead, 0);
    assert.strictEqual(warm.map.stats.bytesRead, 0);
    assert.strictEqual(warm.map.stats.cacheHits, cold.map.stats.filesRead);
    assert.strictEqual(withoutStats(warm.map), withoutStats(cold.map));
    assert.strictEqual(statusOf(warm.map, 'databases'), 'practised');
  });

  it("keeps a skipped file's reason, with or without evidence beside it", async () => {
    const root = workspace({ 'package.json': '{ "dependencies": ', 'api/composer.json': '\u0000binary', 'src/app.py': 'import redis\n' });
    const cold = await scanWith(root);
    const reasons = (map: SkillMap) => map.skipped.map((k) => `${k.file}: ${k.reason}`).sort();
    assert.strictEqual(reasons(cold.map).length, 2, reasons(cold.map).join('\n'));
    const warm = await scanWith(root, cold.store);
    assert.strictEqual(warm.map.stats.filesRead, 0);
    assert.deepStrictEqual(reasons(warm.map), reasons(cold.map));
    assert.strictEqual(withoutStats(warm.map), withoutStats(cold.map));
  });

  it('reads every file when there is no previous store (miss)', async () => {
    const root = workspace({ 'package.json': PKG({ pg: '^8.11.0' }), 'src/a.py': 'import redis\n' });
    const { map } = await scanWith(root);
    assert.strictEqual(map.stats.filesRead, 2);
    assert.strictEqual(map.stats.cacheHits, 0);
  });

  it('reads a changed file again: another size, or another time', async () => {
    const root = workspace({ 'package.json': PKG({ pg: '^8.11.0' }), 'src/a.py': 'import os\n' });
    const cold = await scanWith(root);
    writeFileSync(path.join(root, 'src/a.py'), 'import redis\nimport os\n');
    age(root, 'src/a.py', 30);
    const warm = await scanWith(root, cold.store);
    assert.strictEqual(warm.map.stats.filesRead, 1);
    assert.strictEqual(warm.map.stats.cacheHits, 1);
    assert.ok(warm.map.skills.find((s) => s.id === 'caching')!.evidence.some((e) => e.file === 'src/a.py'));
  });

  it('reads a file rewritten with the same size and time when that time is within the margin of the store', async () => {
    const root = workspace({ 'package.json': PKG({ mysql2: '^3.0.0' }) });
    const now = new Date();
    utimesSync(path.join(root, 'package.json'), now, now); // written "just now", as the scan starts
    const cold = await scanWith(root);
    assert.ok(cold.map.skills.find((s) => s.id === 'databases')!.technologies.includes('MySQL'));
    // Rewritten within the same clock tick: same size, same time.
    const before = statSync(path.join(root, 'package.json'));
    writeFileSync(path.join(root, 'package.json'), PKG({ redis: '^4.0.0' }).padEnd(before.size, ' '));
    utimesSync(path.join(root, 'package.json'), before.atime, before.mtime);
    assert.strictEqual(statSync(path.join(root, 'package.json')).size, before.size);
    const warm = await scanWith(root, cold.store);
    assert.strictEqual(warm.map.stats.filesRead, 1, 'not trusted: its time is not clearly older than the store');
    assert.ok(!warm.map.skills.find((s) => s.id === 'databases')!.technologies.includes('MySQL'), 'no stale facts');
    assert.ok(warm.map.skills.find((s) => s.id === 'caching')!.technologies.includes('Redis'));
  });

  it('drops a deleted file and reads a new one', async () => {
    const root = workspace({ 'package.json': PKG({ pg: '^8.11.0' }), 'src/cache.py': 'import redis\n', 'src/b.py': 'x = 1\n' });
    const cold = await scanWith(root);
    const fromFile = (map: SkillMap, file: string) => map.skills.some((s) => s.evidence.some((e) => e.file === file));
    assert.ok(fromFile(cold.map, 'src/cache.py'));
    rmSync(path.join(root, 'src/cache.py'));
    writeFileSync(path.join(root, 'src/queue.py'), 'import redis\n');
    const warm = await scanWith(root, cold.store);
    assert.strictEqual(warm.map.stats.filesRead, 1, 'only the new file is read');
    assert.strictEqual(warm.map.stats.cacheHits, 2);
    assert.ok(!fromFile(warm.map, 'src/cache.py'));
    assert.ok(!warm.store.files.has('src/cache.py'), 'a deleted file leaves the store');
    assert.ok(warm.store.files.has('src/queue.py'));
    assert.ok(fromFile(warm.map, 'src/queue.py'));
  });

  it('gives the same map as a cold scan over every fixture, combining rules and units included', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bsm-fixtures-'));
    roots.push(root);
    cpSync(FIXTURES, root, { recursive: true });
    ageAll(root);
    const cold = await scanWith(root);
    const warm = await scanWith(root, cold.store);
    assert.strictEqual(warm.map.stats.filesRead, 0);
    assert.ok(warm.map.stats.cacheHits! > 100, `${warm.map.stats.cacheHits} hits`);
    const plain = await new Scanner(new DiskSource(root), builtinCatalog()).scan();
    assert.strictEqual(withoutStats(warm.map), withoutStats(plain));
    const combining = new Set(
      builtinCatalog()
        .rules.filter((r) => r.combine)
        .map((r) => r.id),
    );
    assert.ok(
      warm.map.skills.some((s) => s.evidence.some((e) => combining.has(e.rule))),
      'the fixtures hold evidence of combining rules',
    );
  });

  it('keeps the store in step with updates after the scan', async () => {
    const root = workspace({ 'package.json': PKG({ pg: '^8.11.0' }), 'src/a.py': 'x = 1\n' });
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    await scanner.scan({ cache: { key: KEY() } });
    writeFileSync(path.join(root, 'src/a.py'), 'import redis\n');
    await scanner.updateFile('src/a.py');
    rmSync(path.join(root, 'package.json'));
    scanner.removeFile('package.json');
    const store = parseStore(serializeStore(scanner.store()!));
    assert.deepStrictEqual([...store.files.keys()], ['src/a.py']);
    assert.ok(store.files.get('src/a.py')!.evidence.length > 0);
  });

  it('is not used under another catalogue, other rule files or other settings, and says why', () => {
    const store = serializeStore({ key: KEY(), time: Date.now(), files: new Map(), folders: new Map() });
    assert.ok(openStore(store, KEY()).store);
    const other: Catalog = { ...builtinCatalog(), rules: builtinCatalog().rules.slice(1) };
    assert.match(openStore(store, storeKey({ engine: 'test', catalog: other, readSources: true })).problem!, /catalogue changed/);
    const withRules = (content: string) =>
      storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true, ruleFiles: [{ path: '/r.yaml', content }] });
    const ruled = serializeStore({ key: withRules('rules: []\n'), time: Date.now(), files: new Map(), folders: new Map() });
    assert.ok(openStore(ruled, withRules('rules: []\n')).store);
    assert.match(openStore(ruled, withRules('rules: [] # changed\n')).problem!, /rule files changed/);
    assert.match(
      openStore(store, storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: false })).problem!,
      /settings changed/,
    );
    assert.match(openStore(store, storeKey({ engine: 'next', catalog: builtinCatalog(), readSources: true })).problem!, /another version/);
  });

  it('gives a full scan, never a wrong map, after a rule file changes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-rules-'));
    roots.push(dir);
    const ruleFile = path.join(dir, 'rules.yaml');
    const rule = (name: string) =>
      [
        'rules:',
        '  - id: caching/house-cache',
        '    technology: HouseCache',
        '    strength: strong',
        `    dependency: { ecosystem: npm, names: [${name}] }`,
        '    examples:',
        '      positive:',
        `        - package.json: '{"dependencies": {"${name}": "1.0.0"}}'`,
        '      negative:',
        `        - package.json: '{"dependencies": {"pg": "8.0.0"}}'`,
      ].join('\n') + '\n';
    const root = workspace({ 'package.json': PKG({ 'house-cache': '1.0.0' }) });
    const load = (name: string) => {
      writeFileSync(ruleFile, rule(name));
      const { catalog, problems } = loadCatalog(SKILLS_DIR, [ruleFile]);
      assert.deepStrictEqual(problems, []);
      return {
        catalog,
        key: storeKey({ engine: 'test', catalog, readSources: true, ruleFiles: [{ path: ruleFile, content: rule(name) }] }),
      };
    };
    const first = load('house-cache');
    const s1 = new Scanner(new DiskSource(root), first.catalog);
    const m1 = await s1.scan({ cache: { key: first.key } });
    assert.strictEqual(statusOf(m1, 'caching'), 'practised');
    const second = load('other-cache');
    const opened = openStore(serializeStore(s1.store()!), second.key);
    assert.match(opened.problem!, /rule files changed/);
    const m2 = await new Scanner(new DiskSource(root), second.catalog).scan({ cache: { key: second.key, previous: opened.store } });
    assert.strictEqual(m2.stats.filesRead, 1);
    assert.strictEqual(statusOf(m2, 'caching'), 'missing');
  });

  it('refuses a damaged, truncated or foreign store with a reason, never a throw', async () => {
    const root = workspace({ 'package.json': PKG({ pg: '^8.11.0' }), 'src/a.py': 'import redis\n' });
    const text = serializeStore((await scanWith(root)).store);
    assert.ok(openStore(text, KEY()).store);
    for (let cut = 0; cut < text.length; cut += 7) {
      const opened = openStore(text.slice(0, cut), KEY());
      assert.ok(opened.problem, `a store cut at ${cut} is refused`);
    }
    const foreign = ['{}', '[]', 'null', '{"format":"something-else"}', JSON.stringify({ name: 'api' }), '\u0000\u0001binary'];
    for (const t of [...foreign, 'garbage\n\nmore']) {
      const problem = openStore(t, KEY()).problem!;
      assert.match(problem, /damaged or not a scan store/);
      assert.ok(!problem.includes('\n'), `one line: ${problem}`);
    }
    const doc = JSON.parse(text);
    const damage = [
      (d: any) => (d.version = 99),
      (d: any) => (d.time = 'yesterday'),
      (d: any) => (d.dirs[''] = ['package.json', 'big', 1, -1]),
      (d: any) => (d.dirs.src = ['a.py', 1, 1]),
      (d: any) => (d.dirs.src[3] = d.results.length),
      (d: any) => (d.dirs.src[3] = -2),
      (d: any) => (d.dirs.src[3] = 0.5),
      (d: any) => (d.results = {}),
      (d: any) => (d.results[d.dirs.src[3]][1] = 9999),
      (d: any) => (d.results[d.dirs.src[3]][0] = 'one'),
      (d: any) => d.results[d.dirs.src[3]].pop(),
      (d: any) => (d.skips = [0]),
      (d: any) => (d.skips = [-1, 'gone']),
      (d: any) => (d.skips = [0, 1]),
      (d: any) => (d.rules = [[1, 2]]),
      (d: any) => delete d.key.catalog,
    ];
    for (const change of damage) {
      const d = structuredClone(doc);
      change(d);
      assert.ok(openStore(JSON.stringify(d), KEY()).problem, JSON.stringify(d).slice(0, 200));
    }
    assert.throws(() => parseStore('{'), StoreError);
  });

  it('is read the same in slices, letting the event loop turn between them, and says first when the key differs', async () => {
    const files: Record<string, string> = { 'package.json': PKG({ pg: '^8.11.0' }) };
    for (let i = 0; i < 40; i++) files[`svc${i}/app.py`] = 'import redis\n';
    const root = workspace(files);
    const text = serializeStore((await scanWith(root)).store);
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const before = turns;
    const sliced = await openStoreSliced(text, KEY(), 0);
    ticking = false;
    assert.strictEqual(before, 0);
    assert.ok(sliced.store);
    assert.ok(turns > 0, 'the event loop turned while the store was built');
    assert.deepStrictEqual(sliced.store, openStore(text, KEY()).store);
    const doc = JSON.parse(text);
    doc.dirs = 'damaged';
    const other = storeKey({ engine: 'next', catalog: builtinCatalog(), readSources: true });
    assert.match(openStore(JSON.stringify(doc), other).problem!, /another version/, 'the key is checked before the files are built');
    assert.match((await openStoreSliced(JSON.stringify(doc), KEY())).problem!, /damaged/);
  });

  it('does not remember a cancelled scan', async () => {
    const root = workspace({ 'package.json': PKG({ pg: '^8.11.0' }) });
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const ctrl = new AbortController();
    ctrl.abort();
    await scanner.scan({ cache: { key: KEY() }, signal: ctrl.signal });
    assert.strictEqual(scanner.store(), undefined);
  });
});
