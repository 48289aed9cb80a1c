import * as assert from 'node:assert';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiskSource, openStore, parseStore, Scanner, serializeStore, storeKey, type ScanStore } from '../../../src/core';
import { classesValid, ListedPaths, UNKNOWN_CLASS, type PathSorting } from '../../../src/core/listedPaths';
import { LANGUAGE_DESCRIPTORS } from '../../../src/core/languages';
import type { Evidence } from '../../../src/core/types';
import type { FolderListing } from '../../../src/core/workspace/folderListing';
import type { FileEntry } from '../../../src/core/workspace/source';
import { builtinCatalog, diskWorkspace } from '../helpers';
import { ageFiles, later, replaceFolderAndFile, withoutStats } from './storeTestHelpers';

/** A sorting that says what a path's name says, and counts what it was asked. */
function countingSorting(): PathSorting & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    pathEvidence: (p) => {
      asked.push(p);
      return p.endsWith('Dockerfile')
        ? [{ file: p, line: 1, technology: 'Docker', rule: 'docker-file', strength: 'strong' } as Evidence]
        : [];
    },
    readAs: (p) => {
      if (p.endsWith('.json')) return { pass: 'config' };
      if (p.endsWith('.py')) return { pass: 'source', language: LANGUAGE_DESCRIPTORS.find((d) => d.id === 'python') };
      if (p.endsWith('.zz')) return { pass: 'source', language: undefined };
      return undefined;
    },
  };
}

const listingOf = (names: string[], kinds = 'f'.repeat(names.length)): FolderListing => ({ mtimeMs: 1, ctimeMs: 1, names, kinds });
const entries = (dir: string, names: string[], at = names.map((_, i) => i)): FileEntry[] =>
  names.map((n, i) => ({ path: dir ? `${dir}/${n}` : n, size: -1, at: at[i] }));

/** The paths of folder `rel`, listed as `listing`; with `stored`, from a store that kept `from`'s classes of `stored.listing`. */
function pathsOf(
  rel: string,
  listing: FolderListing,
  opts: { sorting?: PathSorting; found?: string[]; stored?: { listing: FolderListing; from: ListedPaths } } = {},
): ListedPaths {
  return new ListedPaths(
    opts.sorting ?? countingSorting(),
    (p) => void opts.found?.push(p),
    () => new Map([[rel, listing]]),
    opts.stored && { folders: new Map([[rel, opts.stored.listing]]), classes: opts.stored.from.classes },
  );
}

describe('listed paths sorted once, and again from the store', () => {
  it('sorts paths into the passes, with languages and path evidence, and encodes each entry of the folder', () => {
    const sorting = countingSorting();
    const found: string[] = [];
    const listing = listingOf(['sub', 'package.json', 'app.py', 'Dockerfile', 'notes.md', 'odd.zz'], 'dfffff');
    const paths = pathsOf('api', listing, { sorting, found });
    paths.add(entries('api', listing.names.slice(1), [1, 2, 3, 4, 5]));
    assert.deepStrictEqual(paths.configs, ['api/package.json']);
    assert.deepStrictEqual(paths.sources, ['api/app.py', 'api/odd.zz']);
    assert.deepStrictEqual([...paths.languages], ['python']);
    assert.deepStrictEqual(found, ['api/Dockerfile']);
    const classes = paths.classes.get('api')!;
    assert.strictEqual(classes.length, 6);
    assert.strictEqual(classes[0], UNKNOWN_CLASS, 'a folder has no class');
    assert.ok(classesValid(classes, 6));
  });

  it('takes a remembered folder’s classes without asking the rules, except for its path evidence', () => {
    const names = ['package.json', 'app.py', 'Dockerfile', 'notes.md', 'odd.zz'];
    const listing = listingOf(names);
    const first = pathsOf('', listing);
    first.add(entries('', names));
    const sorting = countingSorting();
    const found: string[] = [];
    const again = pathsOf('', listing, { sorting, found, stored: { listing, from: first } });
    again.add(entries('', names));
    assert.deepStrictEqual(sorting.asked, ['Dockerfile'], 'only the path with evidence is asked, for its evidence');
    assert.deepStrictEqual(found, ['Dockerfile']);
    assert.deepStrictEqual(again.configs, first.configs);
    assert.deepStrictEqual(again.sources, first.sources);
    assert.deepStrictEqual([...again.languages], [...first.languages]);
    assert.strictEqual(again.classes.get(''), first.classes.get(''));
  });

  it('asks the rules about a file the last scan left out (excludes changed), and keeps its answer', () => {
    const names = ['package.json', 'app.py'];
    const listing = listingOf(names);
    const first = pathsOf('', listing);
    first.add(entries('', ['package.json'], [0])); // app.py excluded then
    assert.strictEqual(first.classes.get('')![1], UNKNOWN_CLASS);
    const sorting = countingSorting();
    const again = pathsOf('', listing, { sorting, stored: { listing, from: first } });
    again.add(entries('', names));
    assert.deepStrictEqual(sorting.asked, ['app.py']);
    assert.deepStrictEqual(again.sources, ['app.py']);
    assert.notStrictEqual(again.classes.get('')![1], UNKNOWN_CLASS);
  });

  it('asks again about every path of a folder listed anew, or of a listing the store does not hold', () => {
    const names = ['package.json', 'app.py'];
    const before = listingOf(names);
    const first = pathsOf('', before);
    first.add(entries('', names));
    const reread = listingOf(['package.json', 'app.py', 'new.py']); // another object: the folder changed
    const sorting = countingSorting();
    const again = pathsOf('', reread, { sorting, stored: { listing: before, from: first } });
    again.add(entries('', reread.names));
    assert.deepStrictEqual(sorting.asked, ['package.json', 'app.py', 'new.py']);
    assert.deepStrictEqual(again.sources, ['app.py', 'new.py']);
  });

  it('keeps the answers of a folder sorted in several parts', () => {
    const names = ['a.json', 'b.py', 'c.md', 'd.py'];
    const listing = listingOf(names);
    const paths = pathsOf('x', listing);
    const batch = entries('x', names);
    paths.add(batch, 0, 2);
    paths.add(batch, 2, 4);
    const whole = pathsOf('x', listing);
    whole.add(batch);
    assert.strictEqual(paths.classes.get('x'), whole.classes.get('x'));
    assert.ok(!paths.classes.get('x')!.includes(UNKNOWN_CLASS));
  });

  it('refuses classes that do not fit their listing', () => {
    assert.ok(classesValid('a?b', 3));
    assert.ok(!classesValid('ab', 3), 'too short');
    assert.ok(!classesValid('a b', 3), 'a character outside the code');
    const beyond = String.fromCharCode(97 + 2 * (2 + LANGUAGE_DESCRIPTORS.length) + 2);
    assert.ok(!classesValid(`a${beyond}a`, 3), 'a language that does not exist');
  });
});

const KEY = () => storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: true });

describe('a scan with a store sorts the paths of unchanged folders from it', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const workspace = () => {
    const root = diskWorkspace({
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }),
      Dockerfile: 'FROM node:20\n',
      'api/app.ts': "import express from 'express';\n",
      'api/app.test.ts': "import request from 'supertest';\n",
      'api/cache.py': 'import redis\n',
      'api/deep/queue.py': 'import pika\n',
      'db/schema.sql': 'CREATE TABLE users (id int);\n',
      'docs/notes.md': 'nothing here\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    });
    roots.push(root);
    ageFiles(root);
    return root;
  };

  async function scanWith(root: string, previous?: ScanStore, source = new DiskSource(root), readSources = true) {
    const scanner = new Scanner(source, builtinCatalog());
    const asked: string[] = [];
    const sorting = (scanner as unknown as { sorting: PathSorting }).sorting;
    const readAs = sorting.readAs;
    sorting.readAs = (p) => (asked.push(p), readAs(p));
    const map = await scanner.scan({ readSources, cache: { key: KEY(), previous } });
    return { map, store: parseStore(serializeStore(scanner.store()!)), asked: asked.sort() };
  }

  const plain = async (root: string, options = {}) => new Scanner(new DiskSource(root, options), builtinCatalog()).scan();

  it('asks the rules about no path when nothing changed, and gives the cold map', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    assert.ok(cold.asked.length >= 8, cold.asked.join());
    assert.ok(cold.store.classes!.size >= 5);
    const warm = await scanWith(root, later(cold.store));
    assert.deepStrictEqual(warm.asked, []);
    assert.strictEqual(warm.map.stats.filesRead, 0);
    assert.strictEqual(withoutStats(warm.map), withoutStats(cold.map));
    assert.strictEqual(withoutStats(warm.map), withoutStats(await plain(root)));
  });

  it('asks only about the paths of a folder where a file was added, removed or renamed', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    writeFileSync(path.join(root, 'api/jobs.py'), 'import celery\n');
    rmSync(path.join(root, 'api/cache.py'));
    renameSync(path.join(root, 'db/schema.sql'), path.join(root, 'db/tables.sql'));
    const warm = await scanWith(root, later(cold.store));
    assert.deepStrictEqual(warm.asked, ['api/app.test.ts', 'api/app.ts', 'api/jobs.py', 'db/tables.sql']);
    assert.strictEqual(withoutStats(warm.map), withoutStats(await plain(root)));
    const again = await scanWith(root, later(warm.store));
    assert.deepStrictEqual(again.asked, [], 'the new answers are kept');
    assert.strictEqual(withoutStats(again.map), withoutStats(warm.map));
  });

  it('follows a folder replaced by a file, and a file by a folder', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    replaceFolderAndFile(root);
    const warm = await scanWith(root, later(cold.store));
    assert.ok(warm.asked.includes('api/deep') && warm.asked.includes('package.json/worker.py'), warm.asked.join());
    assert.strictEqual(withoutStats(warm.map), withoutStats(await plain(root)));
  });

  it('applies excludes and includes changed between scans, asking about a file let in again', async () => {
    const root = workspace();
    const cold = await scanWith(root, undefined, new DiskSource(root, { excludes: ['api/cache.py'] }));
    assert.ok(!cold.asked.includes('api/cache.py'));
    const narrowed = await scanWith(root, later(cold.store), new DiskSource(root, { excludes: ['db/**', 'api/cache.py'] }));
    assert.deepStrictEqual(narrowed.asked, []);
    assert.strictEqual(withoutStats(narrowed.map), withoutStats(await plain(root, { excludes: ['db/**', 'api/cache.py'] })));
    const widened = await scanWith(root, later(narrowed.store));
    assert.deepStrictEqual(widened.asked, ['api/cache.py', 'db/schema.sql']);
    assert.strictEqual(withoutStats(widened.map), withoutStats(await plain(root)));
    const included = await scanWith(root, later(widened.store), new DiskSource(root, { includes: ['api'] }));
    assert.deepStrictEqual(included.asked, []);
    assert.strictEqual(withoutStats(included.map), withoutStats(await plain(root, { includes: ['api'] })));
  });

  it('does not use the store when source imports are switched off or on, so every path is asked about again', async () => {
    const root = workspace();
    const cold = await scanWith(root);
    const key = storeKey({ engine: 'test', catalog: builtinCatalog(), readSources: false });
    assert.match(openStore(serializeStore(cold.store), key).problem ?? '', /settings changed/);
  });

  it('refuses a store whose classes are damaged, with a reason', async () => {
    const root = workspace();
    const doc = JSON.parse(serializeStore((await scanWith(root)).store));
    assert.strictEqual(doc.folders.api.length, 5);
    const damage = [
      (d: any) => (d.folders.api[4] = d.folders.api[4] + 'a'),
      (d: any) => (d.folders.api[4] = 'a'.repeat(d.folders.api[4].length - 1) + '\u0001'),
      (d: any) => (d.folders.api[4] = 7),
      (d: any) => d.folders.api.pop(),
    ];
    for (const change of damage) {
      const d = structuredClone(doc);
      change(d);
      assert.match(openStore(JSON.stringify(d), KEY()).problem ?? '', /damaged listing of folder "api"/);
    }
  });
});
