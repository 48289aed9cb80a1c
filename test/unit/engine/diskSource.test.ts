import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskSource, MemorySource, Scanner } from '../../../src/core';
import { builtinCatalog, diskWorkspace, listed, statusOf } from '../helpers';
import { fileIgnoredByLayers, ignoredByLayers, parseGitignore, userExcluder } from '../../../src/core/workspace/excludes';
import fc from 'fast-check';

const workspace = diskWorkspace;
const list = listed;

describe('disk source: excludes', () => {
  it("skips default folders, .gitignore entries (nested too), and the caller's globs", async () => {
    const root = workspace({
      'package.json': '{}',
      'node_modules/pg/package.json': '{}',
      'third_party/googleapis/google/api/http.proto': 'syntax = "proto3";\n',
      'dist/app.js': '',
      'app.min.js': '',
      '.gitignore': 'secret/\n*.log\n',
      'secret/requirements.txt': 'redis\n',
      'debug.log': '',
      'svc/.gitignore': 'generated.py\n',
      'svc/generated.py': '',
      'svc/main.py': '',
      'legacy/old/pom.xml': '<project/>',
    });
    assert.deepStrictEqual(await list(root, { excludes: ['legacy/'] }), ['.gitignore', 'package.json', 'svc/.gitignore', 'svc/main.py']);
    assert.ok((await list(root, { useGitignore: false })).includes('secret/requirements.txt'));
  });

  it("reads a Go module's build/ folder (packaging and CI by Go's layout), and leaves other build/ folders out", async () => {
    const root = workspace({
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'build/package/Dockerfile': 'FROM golang:1.22\n',
      'build/nomad/api.nomad.hcl': 'job "api" {}\n',
      'web/package.json': '{}',
      'web/build/static/app.js': '',
      'svc/go.mod': 'module example.com/svc\n',
      'svc/build/ci/pipeline.yml': 'steps: []\n',
      'svc/build/dist/build/out.txt': '',
    });
    assert.deepStrictEqual(await list(root), [
      'build/nomad/api.nomad.hcl',
      'build/package/Dockerfile',
      'go.mod',
      'svc/build/ci/pipeline.yml',
      'svc/go.mod',
      'web/package.json',
    ]);
    const source = new DiskSource(root);
    for await (const batch of source.list()) void batch;
    assert.strictEqual(source.isExcluded('build/package/Dockerfile'), false);
    assert.strictEqual(source.isExcluded('web/build/static/app.js'), true);
    assert.strictEqual(source.isExcluded('svc/build/dist/build/out.txt'), true);
    rmSync(root, { recursive: true, force: true });
    const memory = new MemorySource({ 'go.mod': 'module m\n', 'build/ci/a.yml': '', 'web/build/app.js': '' });
    assert.strictEqual(memory.isExcluded('build/ci/a.yml'), false);
    assert.strictEqual(memory.isExcluded('web/build/app.js'), true);
  });

  it('keeps answering .gitignore rules the same after many thousand paths (its memory is renewed)', () => {
    const layer = parseGitignore('svc/', '*.log\n!keep.log\nbuild-*/\n');
    for (let i = 0; i < 25000; i++) {
      assert.strictEqual(ignoredByLayers([layer], `svc/f${i}.log`, false), true);
      assert.strictEqual(ignoredByLayers([layer], `svc/f${i}.py`, false), false);
    }
    assert.strictEqual(ignoredByLayers([layer], 'svc/keep.log', false), false);
    assert.strictEqual(ignoredByLayers([layer], 'svc/build-1', true), true);
    assert.ok(layer.tested <= 10000);
  });

  it('asks a .gitignore about a file only when a rule could match its name or its path, with the same answers', () => {
    const RULES = [
      '*.log',
      '!keep.log',
      'build/',
      'Secret.TXT',
      'docs/*.md',
      '/top.py',
      'a?c.js',
      'tmp',
      'out/**',
      '**/gen/*.ts',
      'x[0-9].py',
      '\\#hash',
      'name with space',
      'trailing   ',
      'cache/',
      '*.Py',
      '# comment',
      '',
      'src/app.ts',
      '*',
      '!*.py',
      'deep/**/z.go',
      '.idea/*',
      '/build',
      'docs/sub/*.txt',
      'a*/b.py',
      'src/App.TS',
    ];
    const NAMES = [
      'a.log',
      'keep.log',
      'build',
      'secret.txt',
      'readme.md',
      'top.py',
      'abc.js',
      'aXc.js',
      'tmp',
      'x.ts',
      'x1.py',
      '#hash',
      'name with space',
      'trailing',
      'app.ts',
      'z.go',
      'main.PY',
      'b.py',
      'notes.txt',
      'icon.svg',
    ];
    const DIRS = [
      '',
      'docs',
      'src',
      'out',
      'gen',
      'a/gen',
      'deep/a',
      'build',
      'tmp',
      'cache',
      '.idea',
      'docs/sub',
      'ab',
      'x/ab',
      'x/.idea',
    ];
    const rules = fc.subarray(RULES, { minLength: 0 }).chain((r) => fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length }));
    fc.assert(
      fc.property(rules, fc.constantFrom('', 'svc/'), (ruleList, prefix) => {
        const layer = parseGitignore(prefix, ruleList.join('\n'));
        for (const dir of DIRS) {
          const folder = prefix + dir;
          // The listing reaches a file only through folders that are not ignored.
          const parents = folder
            .split('/')
            .filter(Boolean)
            .map((_, i, all) => all.slice(0, i + 1).join('/'));
          if (parents.some((p) => ignoredByLayers([layer], p, true))) continue;
          for (const name of NAMES) {
            const rel = folder ? `${folder.replace(/\/$/, '')}/${name}` : name;
            assert.strictEqual(
              fileIgnoredByLayers([layer], rel, name),
              ignoredByLayers([layer], rel, false),
              `${rel} under ${JSON.stringify(ruleList)}`,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("excludes generated and lock files by base name, and the caller's folder globs", () => {
    const excluded = userExcluder(['legacy/', '**/*.tmp', 'docs/**/*.py']);
    for (const p of ['a/b/app.min.js', 'package-lock.json', 'x/y.generated.ts', 'legacy/a.py', 'q/w.tmp', 'docs/a/b.py', 'api_pb2.py'])
      assert.ok(excluded(p), p);
    for (const p of ['app.js', 'minjs', 'src/legacy.py', 'docs.py', 'a/docs/b.py', 'package.json']) assert.ok(!excluded(p), p);
  });

  it('reports a .git folder as .git/HEAD without descending into it', async () => {
    const root = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/config': '', 'a.py': '' });
    assert.deepStrictEqual(await list(root), ['.git/HEAD', 'a.py']);
  });
});

describe('disk source: hostile file systems', () => {
  it('never follows a link: out of the workspace, round a loop or to a file it lists anyway', async () => {
    const outside = workspace({ 'package.json': '{"dependencies": {"pg": "8"}}' });
    const root = workspace({ 'requirements.txt': 'django-redis==5.4\n' });
    symlinkSync(outside, path.join(root, 'escape'));
    symlinkSync(path.join(outside, 'package.json'), path.join(root, 'package.json'));
    mkdirSync(path.join(root, 'a'));
    symlinkSync(root, path.join(root, 'a', 'loop'));
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'broken'));
    symlinkSync(path.join(root, 'requirements.txt'), path.join(root, 'a', 'requirements.txt'));
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const map = await scanner.scan();
    assert.strictEqual(statusOf(map, 'databases'), 'missing');
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
    const cacheFiles = map.skills.find((s) => s.id === 'caching')!.evidence.map((e) => e.file);
    assert.deepStrictEqual(cacheFiles, ['requirements.txt'], 'the file once, at its own place');
    const reasons = Object.fromEntries(map.skipped.map((s) => [s.file, s.reason]));
    assert.match(reasons['escape'], /outside the workspace/);
    assert.match(reasons['package.json'], /outside the workspace/);
    assert.strictEqual(reasons['a/loop'], 'link loops back to a folder above it: not followed');
    assert.match(reasons['broken'], /broken/);
    assert.strictEqual(
      reasons['a/requirements.txt'],
      'link to requirements.txt, inside the workspace: not followed, so that no file is read twice',
    );
  });

  it('does not block on a FIFO named like a manifest, and skips huge, binary and odd files', async function () {
    this.timeout(10000);
    const root = workspace({ 'requirements.txt': 'django-redis==5.4\n', Gemfile: 'gem "rails"\n\0\0binary' });
    execFileSync('mkfifo', [path.join(root, 'package.json')]);
    const fd = openSync(path.join(root, 'pom.xml'), 'w');
    ftruncateSync(fd, 5 * 1024 * 1024 * 1024); // a sparse 5 GiB file
    closeSync(fd);
    mkdirSync(path.join(root, 'odd\nname ü'));
    writeFileSync(path.join(root, 'odd\nname ü', 'go.mod'), 'module x\n\nrequire github.com/redis/go-redis/v9 v9.5.1\n');
    const map = await new Scanner(new DiskSource(root), builtinCatalog()).scan();
    const reasons = Object.fromEntries(map.skipped.map((s) => [s.file, s.reason]));
    assert.match(reasons['package.json'], /not a regular file/);
    assert.match(reasons['pom.xml'], /too large/);
    assert.match(reasons['Gemfile'], /binary/);
    const cache = map.skills.find((s) => s.id === 'caching')!;
    assert.ok(cache.evidence.some((e) => e.file === 'odd\nname ü/go.mod'));
    assert.ok(cache.evidence.some((e) => e.file === 'requirements.txt'));
  });

  it('refuses a link put in place of a listed file after the listing, wherever it points', async () => {
    const outside = workspace({ 'secret.txt': 'outside' });
    const root = workspace({ 'requirements.txt': 'django-redis==5.4\n', 'svc/a.txt': 'a', 'svc/b.txt': 'b', 'svc/inside.txt': 'inside' });
    const source = new DiskSource(root);
    for await (const _ of source.list()) void _;
    rmSync(path.join(root, 'svc', 'a.txt'));
    symlinkSync(path.join(root, 'svc', 'inside.txt'), path.join(root, 'svc', 'a.txt'));
    rmSync(path.join(root, 'svc', 'b.txt'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'svc', 'b.txt'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'svc', 'new.txt'));
    assert.deepStrictEqual(await source.read('svc/a.txt'), {
      code: 'through-link',
      skipped: 'reached through a link: not followed, so that no file is read twice',
    });
    assert.deepStrictEqual(await source.read('svc/inside.txt'), { text: 'inside', bytes: 6 });
    assert.deepStrictEqual(await source.read('svc/b.txt'), {
      code: 'outside-root',
      skipped: 'link points outside the workspace: not followed',
    });
    assert.deepStrictEqual(await source.read('svc/new.txt'), {
      code: 'outside-root',
      skipped: 'link points outside the workspace: not followed',
    });
    assert.deepStrictEqual(await source.read('requirements.txt'), { text: 'django-redis==5.4\n', bytes: 18 });
  });

  it('walks folders nested a thousand deep without recursion trouble', async function () {
    this.timeout(20000);
    const root = mkdtempSync(path.join(os.tmpdir(), 'bsm-deep-'));
    const rel = Array.from({ length: 200 }, (_, i) => `d${i}`).join('/');
    mkdirSync(path.join(root, rel), { recursive: true });
    writeFileSync(path.join(root, rel, 'requirements.txt'), 'django-redis==5.4\n');
    const map = await new Scanner(new DiskSource(root), builtinCatalog()).scan();
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
  });

  it('reports an unreadable file with a reason instead of failing', async () => {
    const root = workspace({ 'requirements.txt': 'django-redis==5.4\n', 'package.json': '{"dependencies":{"pg":"8"}}' });
    const source = new DiskSource(root);
    // Root reads any file whatever its mode: the refusal is made up, on both ways of reading.
    const original = source.read.bind(source);
    const originalNow = source.readNow.bind(source);
    const refused = { code: 'unreadable' as const, skipped: 'unreadable: permission denied' };
    source.read = async (rel: string) => (rel === 'package.json' ? refused : original(rel));
    source.readNow = (rel: string) => (rel === 'package.json' ? refused : originalNow(rel));
    const map = await new Scanner(source, builtinCatalog()).scan();
    assert.deepStrictEqual(map.skipped, [{ file: 'package.json', reason: 'unreadable: permission denied' }]);
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
  });
});

describe('a folder that appears after the scan', () => {
  it('is read as a whole: its manifests give evidence, its excluded folders and links out do not', async () => {
    const outside = workspace({ 'package.json': '{"dependencies": {"pg": "8"}}' });
    const root = workspace({ 'package.json': '{"name": "app"}', '.gitignore': 'generated/\n' });
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const before = await scanner.scan();
    assert.strictEqual(statusOf(before, 'caching'), 'missing');
    mkdirSync(path.join(root, 'svc', 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(root, 'svc', 'requirements.txt'), 'django-redis==5.4.0\n');
    writeFileSync(path.join(root, 'svc', 'node_modules', 'x', 'package.json'), '{"dependencies": {"mongodb": "6"}}');
    mkdirSync(path.join(root, 'svc', 'generated'));
    writeFileSync(
      path.join(root, 'svc', 'generated', 'pom.xml'),
      '<project><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>',
    );
    symlinkSync(path.join(outside, 'package.json'), path.join(root, 'svc', 'package.json'));
    const after = await scanner.addFolder('svc');
    assert.strictEqual(statusOf(after, 'caching'), 'practised');
    assert.ok(after.skills.find((s) => s.id === 'caching')!.evidence.some((e) => e.file === 'svc/requirements.txt'));
    assert.strictEqual(statusOf(after, 'databases'), 'missing', 'nothing from node_modules, the ignored folder or the link out');
    assert.ok(after.skipped.some((s) => s.file === 'svc/package.json' && /outside the workspace/.test(s.reason)));
    const again = await scanner.addFolder('svc');
    assert.strictEqual(again.skipped.filter((s) => s.file === 'svc/package.json').length, 1, 'a folder read twice lists its skips once');
  });
});
