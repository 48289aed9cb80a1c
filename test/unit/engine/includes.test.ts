import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DiskSource, MemorySource, Scanner } from '../../../src/core';
import { includeFilter } from '../../../src/core/workspace/excludes';
import { builtinCatalog, diskWorkspace, listed, REPO, statusOf } from '../helpers';

const workspace = diskWorkspace;
const list = listed;

const FILES = {
  'package.json': '{"dependencies": {"pg": "8"}}',
  'services/api/requirements.txt': 'django-redis==5.4.0\n',
  'services/api/src/app.py': 'import redis\n',
  'services/worker/go.mod': 'module w\n',
  'infra/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
  'infra/modules/net/main.tf': '',
  'docs/readme.md': '',
};

describe('include globs', () => {
  it('with none given, everything is in', () => {
    assert.strictEqual(includeFilter([]), undefined);
    assert.strictEqual(includeFilter(['', '  ']), undefined);
  });

  it('a folder, with or without a trailing slash or ./, stands for what it holds', async () => {
    const root = workspace(FILES);
    const expected = ['services/api/requirements.txt', 'services/api/src/app.py'];
    for (const glob of ['services/api', 'services/api/', './services/api', 'services/api/**'])
      assert.deepStrictEqual(await list(root, { includes: [glob] }), expected, glob);
  });

  it('several globs add up; patterns reach into folders; excludes still apply', async () => {
    const root = workspace(FILES);
    assert.deepStrictEqual(await list(root, { includes: ['services/worker', '**/*.tf'] }), [
      'infra/main.tf',
      'infra/modules/net/main.tf',
      'services/worker/go.mod',
    ]);
    assert.deepStrictEqual(await list(root, { includes: ['services/*/src/**', 'package.json'] }), [
      'package.json',
      'services/api/src/app.py',
    ]);
    assert.deepStrictEqual(await list(root, { includes: ['infra'], excludes: ['infra/modules'] }), ['infra/main.tf']);
  });

  it('keeps the repository marker, and answers watched paths the way the listing does', async () => {
    const root = workspace({ ...FILES, '.git/HEAD': 'ref: refs/heads/main\n' });
    const source = new DiskSource(root, { includes: ['services/api'] });
    const listed: string[] = [];
    for await (const batch of source.list()) listed.push(...batch.map((e) => e.path));
    assert.ok(listed.includes('.git/HEAD'));
    assert.strictEqual(source.isExcluded('.git/HEAD'), false);
    assert.strictEqual(source.isExcluded('services/api/new/pom.xml'), false);
    assert.strictEqual(source.isExcluded('services/worker/pom.xml'), true);
    assert.strictEqual(source.isExcluded('pom.xml'), true);
  });

  it('narrows the map (disk and memory alike)', async () => {
    const catalog = builtinCatalog();
    const root = workspace(FILES);
    const all = await new Scanner(new DiskSource(root), catalog).scan();
    assert.strictEqual(statusOf(all, 'databases'), 'practised');
    const api = await new Scanner(new DiskSource(root, { includes: ['services/api'] }), catalog).scan();
    assert.strictEqual(statusOf(api, 'databases'), 'missing');
    assert.strictEqual(statusOf(api, 'caching'), 'practised');
    const mem = await new Scanner(new MemorySource(FILES, '/memory', [], ['services/api']), catalog).scan();
    assert.strictEqual(statusOf(mem, 'databases'), 'missing');
    assert.strictEqual(statusOf(mem, 'caching'), 'practised');
  });

  it('a new folder is read when it may hold an included file, and only those files', async () => {
    const root = workspace({ 'package.json': '{}' });
    const scanner = new Scanner(new DiskSource(root, { includes: ['services/api'] }), builtinCatalog());
    await scanner.scan();
    mkdirSync(path.join(root, 'services', 'api'), { recursive: true });
    mkdirSync(path.join(root, 'services', 'worker'), { recursive: true });
    writeFileSync(path.join(root, 'services', 'api', 'requirements.txt'), 'django-redis==5.4.0\n');
    writeFileSync(path.join(root, 'services', 'worker', 'requirements.txt'), 'psycopg2==2.9\n');
    const after = await scanner.addFolder('services');
    assert.strictEqual(statusOf(after, 'caching'), 'practised');
    assert.strictEqual(statusOf(after, 'databases'), 'missing');
  });

  it('never skips a folder that holds a file the globs match (random paths and globs)', () => {
    const seg = fc.constantFrom('a', 'b', 'src', 'api', 'x.tf');
    const segs = fc.array(seg, { minLength: 1, maxLength: 4 });
    const glob = fc.tuple(segs, fc.constantFrom('', '/', '/**', '/*.tf', '/**/x.tf')).map(([s, tail]) => s.join('/') + tail);
    const star = fc.tuple(segs, fc.integer({ min: 0, max: 3 })).map(([s, i]) => s.map((p, j) => (j === i ? '*' : p)).join('/'));
    fc.assert(
      fc.property(fc.array(fc.oneof(glob, star), { minLength: 1, maxLength: 3 }), segs, (globs, file) => {
        const f = includeFilter(globs)!;
        const rel = file.join('/');
        if (!f.file(rel)) return;
        for (let i = 1; i < file.length; i++) assert.ok(f.folder(file.slice(0, i).join('/')), `${globs} ${rel} ${i}`);
      }),
    );
  });

  it('the CLI takes --include', () => {
    const root = workspace(FILES);
    const cli = path.join(REPO, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'scan', root, '--json', '--include', 'services/api', '--include=docs'], {
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const skills = JSON.parse(r.stdout).skills as { id: string; status: string }[];
    assert.strictEqual(skills.find((s) => s.id === 'databases')!.status, 'missing');
    assert.strictEqual(skills.find((s) => s.id === 'caching')!.status, 'practised');
    const bad = spawnSync(process.execPath, [cli, 'scan', root, '--include'], { encoding: 'utf8' });
    assert.strictEqual(bad.status, 2);
  });
});
