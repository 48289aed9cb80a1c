import * as assert from 'node:assert';
import { appendFileSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiskSource, Scanner, serializeStore, storeKey, type ScanStore, type SkillMap } from '../../../src/core';
import { MAX_CHANGED_FILES, quickCheck, type QuickCheckResult } from '../../../src/core/store/quickCheck';
import { builtinCatalog, diskWorkspace } from '../helpers';
import { ageFiles, later, withoutStats } from './storeTestHelpers';

const KEY = () => storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });

async function scanWith(root: string, previous?: ScanStore, excludes: string[] = []): Promise<{ map: SkillMap; store: ScanStore }> {
  const scanner = new Scanner(new DiskSource(root, { excludes }), builtinCatalog());
  const map = await scanner.scan({ cache: { key: KEY(), previous } });
  return { map, store: scanner.store()! };
}

/** The store's text as the scan that wrote it would have, a minute after (see `later`). */
const textOf = (store: ScanStore) => serializeStore(later(store));

const why = (r: QuickCheckResult) => (r.unchanged ? 'unchanged' : r.why);

describe('the quick check of a folder against its scan store', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const workspace = (extra: Record<string, string> = {}) => {
    const root = diskWorkspace({
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0' } }),
      'api/app.ts': "import express from 'express';\n",
      'api/cache.py': 'import redis\n',
      'api/deep/queue.py': 'import pika\n',
      'db/schema.sql': 'CREATE TABLE users (id int);\n',
      'docs/notes.md': 'nothing here\n',
      '.gitignore': 'generated/\n',
      'generated/out.py': 'import kafka\n',
      ...extra,
    });
    roots.push(root);
    ageFiles(root);
    return root;
  };

  it('finds nothing changed after a scan, and a scan with the store then reads no file and gives the same map', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    const text = textOf(cold.store);
    assert.strictEqual(why(await quickCheck({ root, storeText: text })), 'unchanged');
    const warm = await scanWith(root, later(cold.store));
    assert.strictEqual(warm.map.stats.filesRead, 0);
    assert.strictEqual(withoutStats(warm.map), withoutStats(cold.map));
  });

  it('names a file whose content changed', async () => {
    const root = workspace();
    const text = textOf((await scanWith(root)).store);
    appendFileSync(path.join(root, 'api/cache.py'), 'import celery\n');
    assert.strictEqual(why(await quickCheck({ root, storeText: text })), 'api/cache.py changed');
  });

  it('does not trust a file written within the margin of the scan, though its stamp is the stored one', async () => {
    const root = workspace();
    // Written half a second before the scan's time as `later` sets it: inside the margin.
    const soon = new Date(Date.now() + 59_500);
    utimesSync(path.join(root, 'db/schema.sql'), soon, soon);
    const text = textOf((await scanWith(root)).store);
    assert.strictEqual(why(await quickCheck({ root, storeText: text })), 'db/schema.sql changed');
  });

  it('finds a file added, one removed, and a folder made', async () => {
    for (const change of [
      (root: string) => writeFileSync(path.join(root, 'api/jobs.py'), 'import rq\n'),
      (root: string) => rmSync(path.join(root, 'api/cache.py')),
      (root: string) => mkdirSync(path.join(root, 'docs/more')),
    ]) {
      const root = workspace();
      const text = textOf((await scanWith(root)).store);
      change(root);
      const result = await quickCheck({ root, storeText: text });
      assert.strictEqual(result.unchanged, false);
      assert.match(why(result), /new to the store|changed|appeared/);
    }
  });

  it('finds a .gitignore edited in place, which changes no folder times', async () => {
    const root = workspace();
    const text = textOf((await scanWith(root)).store);
    writeFileSync(path.join(root, '.gitignore'), 'nothing/\n'); // generated/ is listed now
    const t = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, '.gitignore'), t, t);
    const result = await quickCheck({ root, storeText: text });
    assert.strictEqual(result.unchanged, false, why(result));
  });

  it('finds other excludes than the scan had', async () => {
    const root = workspace();
    const text = textOf((await scanWith(root)).store);
    assert.strictEqual(why(await quickCheck({ root, storeText: text, excludes: ['docs/**'] })), 'the listing changed');
    const narrowed = textOf((await scanWith(root, undefined, ['docs/**'])).store);
    assert.strictEqual(why(await quickCheck({ root, storeText: narrowed, excludes: ['docs/**'] })), 'unchanged');
  });

  it('says why a damaged store, or one without a listing digest, cannot vouch for the folder', async () => {
    const root = workspace();
    const text = textOf((await scanWith(root)).store);
    assert.match(why(await quickCheck({ root, storeText: text.slice(0, 100) })), /^the store is damaged \(not readable JSON/);
    assert.match(why(await quickCheck({ root, storeText: '{"format":"x"}' })), /^the store is damaged \(not a scan store\)/);
    const old = JSON.parse(text);
    delete old.listing;
    assert.strictEqual(why(await quickCheck({ root, storeText: JSON.stringify(old) })), 'the store keeps no listing digest');
  });

  it('takes a link as a skip of the listing, and finds one that now points elsewhere', async () => {
    const root = workspace();
    symlinkSync(path.join(root, 'api/cache.py'), path.join(root, 'worker.py'));
    const cold = await scanWith(root);
    const reason = (map: SkillMap) => map.skipped.find((s) => s.file === 'worker.py')?.reason;
    assert.match(reason(cold.map) ?? '', /^link to api\/cache\.py, inside the workspace: not followed/);
    const text = textOf(cold.store);
    assert.strictEqual(why(await quickCheck({ root, storeText: text })), 'unchanged');
    rmSync(path.join(root, 'worker.py'));
    symlinkSync(path.join(root, 'api/deep/queue.py'), path.join(root, 'worker.py'));
    assert.notStrictEqual(why(await quickCheck({ root, storeText: text })), 'unchanged');
    const warm = await scanWith(root, later(cold.store));
    assert.match(reason(warm.map) ?? '', /^link to api\/deep\/queue\.py/);
  });

  it('agrees with a scan: whenever it finds nothing changed, a scan with the store reads nothing and maps the same', async () => {
    const changes: ((root: string) => void)[] = [
      () => undefined,
      (root) => appendFileSync(path.join(root, 'package.json'), ' '),
      (root) => writeFileSync(path.join(root, 'docs/more.md'), 'x\n'),
      (root) => rmSync(path.join(root, 'generated'), { recursive: true }),
      (root) => writeFileSync(path.join(root, '.gitignore'), 'generated/\ndocs/\n'),
      (root) => utimesSync(path.join(root, 'api/app.ts'), new Date(), new Date()),
    ];
    for (const [i, change] of changes.entries()) {
      const root = workspace();
      const cold = await scanWith(root);
      const text = textOf(cold.store);
      change(root);
      const result = await quickCheck({ root, storeText: text });
      const warm = await scanWith(root, later(cold.store));
      const same = warm.map.stats.filesRead === 0 && withoutStats(warm.map) === withoutStats(cold.map);
      if (result.unchanged) assert.ok(same, `change ${i}: the check found nothing, yet the scan differs`);
      assert.strictEqual(result.unchanged, i === 0, `change ${i}: ${why(result)}`);
    }
  });

  it('lets a scan take a store it vouched for without stamping a file again (the editor watches for changes since)', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    assert.strictEqual(why(await quickCheck({ root, storeText: textOf(cold.store) })), 'unchanged');
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const source = scanner.source as DiskSource;
    let stamped = 0;
    const statNow = source.statNow.bind(source);
    source.statNow = (p) => (stamped++, statNow(p));
    const trusted = await scanner.scan({ cache: { key: KEY(), previous: later(cold.store), unchangedExcept: new Set<string>() } });
    assert.strictEqual(stamped, 0, 'no file stamped');
    assert.strictEqual(trusted.stats.filesRead, 0);
    assert.strictEqual(withoutStats(trusted), withoutStats(cold.map));
    const checked = await new Scanner(new DiskSource(root), builtinCatalog()).scan({ cache: { key: KEY(), previous: later(cold.store) } });
    assert.strictEqual(withoutStats(checked), withoutStats(cold.map));
  });

  it('names the files that changed when the listing did not, and a scan told so reads those alone', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    const text = textOf(cold.store);
    appendFileSync(path.join(root, 'api/app.ts'), "import Redis from 'ioredis';\n");
    appendFileSync(path.join(root, 'package.json'), ' ');
    const result = await quickCheck({ root, storeText: text });
    const changed = ['package.json', 'api/app.ts'];
    assert.deepStrictEqual(result, { unchanged: false, why: '2 files changed (package.json, ...)', changed });
    const told = await new Scanner(new DiskSource(root), builtinCatalog()).scan({
      cache: { key: KEY(), previous: later(cold.store), unchangedExcept: new Set(changed) },
    });
    assert.strictEqual(told.stats.filesRead, 2);
    assert.ok(fromFile(told, 'api/app.ts', 'Redis') && !fromFile(cold.map, 'api/app.ts', 'Redis'), 'the changed file was read');
    const stamped = await new Scanner(new DiskSource(root), builtinCatalog()).scan({ cache: { key: KEY(), previous: later(cold.store) } });
    assert.strictEqual(withoutStats(told), withoutStats(stamped));
  });

  it(`names no file beyond ${MAX_CHANGED_FILES} changed: a scan then stamps every file`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= MAX_CHANGED_FILES; i++) files[`jobs/job${i}.py`] = 'import redis\n';
    const root = workspace(files);
    const text = textOf((await scanWith(root)).store);
    for (let i = 0; i <= MAX_CHANGED_FILES; i++) appendFileSync(path.join(root, `jobs/job${i}.py`), '\n');
    assert.deepStrictEqual(await quickCheck({ root, storeText: text }), {
      unchanged: false,
      why: `more than ${MAX_CHANGED_FILES} files changed`,
    });
  });
});

const fromFile = (map: SkillMap, file: string, technology: string) =>
  map.skills.some((s) => s.evidence.some((e) => e.file === file && e.technology === technology));
