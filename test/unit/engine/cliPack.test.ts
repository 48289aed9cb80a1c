import * as assert from 'node:assert';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, REPO } from '../helpers';

/**
 * The CI workflow of the README, run for real: pack the tool, install the tarball in a folder of its
 * own (offline: the tarball needs nothing else), scan two repositories as two jobs would, each into
 * its own file, and merge the files. The pack uses the bundles this test run built (`--ignore-scripts`
 * skips the production build that `prepack` runs, which would rebuild dist/ under the other tests).
 */

/** The only files the tarball may hold: what the command needs at run time, and the package's documents. */
const PACKED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/catalog.json',
  'dist/cli-main.js',
  'dist/cli-main.jscache',
  'dist/cli.js',
  'package.json',
  'skills/schema.json',
];

function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  assert.strictEqual(r.status, 0, `${command} ${args.join(' ')}: ${r.error ?? ''}${r.stderr}`);
  return String(r.stdout);
}

describe('the packed command-line tool (npm pack, install, scan, merge)', function () {
  this.timeout(180_000);
  let home: string;
  let tarball: string;
  let packed: string[];
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };

  before(() => {
    assert.ok(existsSync(path.join(REPO, 'dist', 'cli.js')), 'build first (npm run build)');
    home = mkdtempSync(path.join(os.tmpdir(), 'bsm-pack-'));
    const out = JSON.parse(sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', home], { cwd: REPO, env }));
    tarball = path.join(home, out[0].filename);
    packed = out[0].files.map((f: { path: string }) => f.path).sort();
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('holds only what the command needs: no sources, tests, fixtures or the editor’s bundle', () => {
    assert.deepStrictEqual(packed, PACKED);
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.bin['backend-skill-map'], './dist/cli.js');
    assert.deepStrictEqual(manifest.dependencies ?? {}, {}, 'everything the bundles use is bundled');
    assert.match(manifest.scripts.prepack, /esbuild\.mjs/, 'packing builds the bundles first');
  });

  it('installs from the tarball alone and runs a scan per repository, then the merge', () => {
    const install = path.join(home, 'install');
    sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', install, tarball], { env });
    const bin = path.join(install, 'node_modules', '.bin', 'backend-skill-map');
    const work = path.join(home, 'results');
    mkdirSync(work);
    const repos = ['express-postgres-redis', 'go-grpc-services'].map((r) => path.join(FIXTURES, r));
    const docs = repos.map((repo) => {
      const json = sh(bin, ['scan', repo, '--json'], { cwd: work, env });
      writeFileSync(path.join(work, `${path.basename(repo)}.json`), json);
      return JSON.parse(json);
    });
    const files = repos.map((r) => `${path.basename(r)}.json`);
    const matrix = JSON.parse(sh(bin, ['merge', ...files, '--json'], { cwd: work, env }));
    assert.deepStrictEqual(matrix.repos, repos);
    assert.strictEqual(matrix.skills.length, 21);
    for (const row of matrix.skills)
      repos.forEach((repo, i) =>
        assert.strictEqual(row.status[repo], docs[i].skills.find((s: any) => s.id === row.id).status, `${row.id} in ${repo}`),
      );
    const summary = sh(bin, ['merge', ...files, '--markdown'], { cwd: work, env });
    assert.match(summary, /^\| Databases \| core \| practised \| practised \| 2 of 2 \|$/m);
  });
});
