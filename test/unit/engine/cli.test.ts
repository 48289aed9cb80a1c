import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { FIXTURES, REPO } from '../helpers';
import { buildId, ENGINE_FLAGS } from '../../../src/cli/codeCache';

const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('command-line interface (built bundle)', () => {
  it('scan --json prints one JSON document with all 21 skills and exits 0', () => {
    const dir = path.join(FIXTURES, 'express-postgres-redis');
    const r = run('scan', dir, '--json');
    assert.strictEqual(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.strictEqual(doc.version, 1);
    assert.strictEqual(doc.root, dir);
    assert.strictEqual(doc.skills.length, 21);
    assert.deepStrictEqual(
      doc.softSkills.map((s: any) => s.id),
      ['logical-thinking', 'communication', 'teamwork', 'prioritisation', 'willingness-to-learn', 'attention-to-detail', 'negotiation'],
    );
    const detail = doc.softSkills.find((s: any) => s.id === 'attention-to-detail');
    assert.deepStrictEqual(Object.keys(detail).sort(), ['id', 'signals', 'technologies', 'title']);
    assert.ok(
      detail.signals.some((e: any) => e.file === 'package.json' && e.strength === 'weak'),
      'eslint as a weak signal',
    );
    const db = doc.skills.find((s: any) => s.id === 'databases');
    assert.strictEqual(db.status, 'practised');
    assert.ok(db.evidence[0].file && db.evidence[0].line >= 1 && db.evidence[0].rule && db.evidence[0].strength);
    assert.ok(Array.isArray(doc.skipped));
    assert.ok(doc.stats.files > 0 && doc.stats.bytesRead > 0 && doc.stats.ms >= 0);
    assert.strictEqual(r.stderr, '', 'no progress on a non-TTY stderr');
  });

  it('scan --markdown prints the résumé section; suggest prints ranked reasons', () => {
    const dir = path.join(FIXTURES, 'express-postgres-redis');
    const md = run('scan', dir, '--markdown');
    assert.strictEqual(md.status, 0);
    assert.match(md.stdout, /## Technical skills/);
    const s = run('suggest', dir, '--json');
    assert.strictEqual(s.status, 0, s.stderr);
    const list = JSON.parse(s.stdout).suggestions;
    assert.ok(list.length > 0 && list[0].reason);
    const text = run('suggest', dir);
    assert.match(text.stdout, /^ 1\. /m);
  });

  it('exits 2 with a one-line message on bad arguments or an unreadable root', () => {
    const bad = run('scan', '--frobnicate');
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr.split('\n')[0], /unknown option --frobnicate/);
    const missing = run('scan', '/definitely/not/here');
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot read folder/);
    assert.strictEqual(run('launch').status, 2);
    assert.strictEqual(run('scan', '--json', '--markdown').status, 2);
  });

  it('applies --rules files and refuses a broken one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-cli-'));
    writeFileSync(path.join(dir, 'package.json'), '{"dependencies": {"house-cache": "1"}}');
    const rules = path.join(dir, 'rules.yaml');
    writeFileSync(
      rules,
      'rules:\n  - id: caching/house-cache\n    technology: HouseCache\n    strength: strong\n    dependency: { ecosystem: npm, names: [house-cache] }\n    examples: { positive: [{ package.json: "{}" }], negative: [{ package.json: "{}" }] }\n',
    );
    const r = run('scan', dir, '--json', '--rules', rules);
    assert.strictEqual(r.status, 0, r.stderr);
    const caching = JSON.parse(r.stdout).skills.find((s: any) => s.id === 'caching');
    assert.deepStrictEqual(caching.technologies, ['HouseCache']);
    writeFileSync(rules, 'rules: [oops');
    const broken = run('scan', dir, '--rules', rules);
    assert.strictEqual(broken.status, 2);
    assert.match(broken.stderr, /rules\.yaml:1/);
  });

  describe('code cache', () => {
    const MAIN = path.join(REPO, 'dist', 'cli-main.js');
    const CACHE = path.join(REPO, 'dist', 'cli-main.jscache');

    it('the cache the build made is one V8 takes under the flags the command sets', function () {
      if (!existsSync(CACHE)) this.skip();
      const check = `
        const { readFileSync } = require('node:fs');
        const { Script } = require('node:vm');
        const c = require(${JSON.stringify(path.join(REPO, 'out', 'src', 'cli', 'codeCache.js'))});
        const source = c.readBundle(${JSON.stringify(MAIN)});
        const data = c.cacheData(c.buildId(source), readFileSync(${JSON.stringify(CACHE)}));
        const script = new Script(c.wrapBundle(source), { filename: ${JSON.stringify(MAIN)}, cachedData: data });
        process.stdout.write(data ? String(script.cachedDataRejected) : 'no data for this build');`;
      const r = spawnSync(process.execPath, [...ENGINE_FLAGS, '-e', check], { encoding: 'utf8' });
      assert.strictEqual(r.stdout, 'false', r.stderr);
    });

    it('is ASCII, so the launcher reads it as Latin-1 and gets the text UTF-8 would give', function () {
      if (!existsSync(MAIN)) this.skip();
      const bytes = readFileSync(MAIN);
      const wide = bytes.findIndex((b) => b > 0x7f);
      assert.strictEqual(wide, -1, `byte ${wide} of the bundle is not ASCII`);
      assert.strictEqual(bytes.toString('latin1'), bytes.toString('utf8'));
    });

    it('runs the same without a cache, with a cache of another build and with a damaged one', () => {
      const dir = path.join(FIXTURES, 'express-postgres-redis');
      const expected = JSON.parse(run('scan', dir, '--json').stdout).skills;
      // A copy of the built files beside the catalogue, as an installed package has them.
      const home = mkdtempSync(path.join(os.tmpdir(), 'bsm-cache-'));
      cpSync(path.join(REPO, 'dist'), path.join(home, 'dist'), { recursive: true });
      symlinkSync(path.join(REPO, 'skills'), path.join(home, 'skills'));
      const cache = path.join(home, 'dist', 'cli-main.jscache');
      const id = buildId(readFileSync(MAIN, 'utf8'));
      const variants: [string, () => void][] = [
        ['no cache', () => rmSync(cache, { force: true })],
        ['another build', () => writeFileSync(cache, Buffer.concat([Buffer.from('0123456789abcdef\n'), randomBytes(4096)]))],
        ['damaged', () => writeFileSync(cache, Buffer.concat([Buffer.from(id + '\n'), randomBytes(4096)]))],
      ];
      for (const [name, prepare] of variants) {
        prepare();
        const r = spawnSync(process.execPath, [path.join(home, 'dist', 'cli.js'), 'scan', dir, '--json'], { encoding: 'utf8' });
        assert.strictEqual(r.status, 0, `${name}: ${r.stderr}`);
        assert.deepStrictEqual(JSON.parse(r.stdout).skills, expected, name);
      }
      rmSync(home, { recursive: true, force: true });
    });
  });

  it('scan --cache: a warm run reads no file and prints the same JSON as a cold one, except stats', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bsm-cli-cache-'));
    try {
      const ws = path.join(root, 'ws');
      cpSync(path.join(FIXTURES, 'express-postgres-redis'), ws, { recursive: true });
      const old = new Date(Date.now() - 60_000);
      for (const e of readdirSync(ws, { recursive: true, withFileTypes: true }))
        if (e.isFile()) utimesSync(path.join(e.parentPath, e.name), old, old);
      const store = path.join(root, 'store.json');
      const scan = () => {
        const r = run('scan', ws, '--json', '--cache', store);
        assert.strictEqual(r.status, 0, r.stderr);
        return { doc: JSON.parse(r.stdout), stderr: r.stderr };
      };
      const plain = JSON.parse(run('scan', ws, '--json').stdout);
      const cold = scan();
      assert.strictEqual(cold.stderr, '', 'no store yet is not worth a message');
      assert.ok(existsSync(store));
      assert.ok(cold.doc.stats.filesRead > 0 && cold.doc.stats.cacheHits === 0);
      const warm = scan();
      assert.strictEqual(warm.doc.stats.filesRead, 0);
      assert.strictEqual(warm.doc.stats.bytesRead, 0);
      assert.strictEqual(warm.doc.stats.cacheHits, cold.doc.stats.filesRead);
      const noStats = (doc: any) => JSON.stringify({ ...doc, stats: null });
      assert.strictEqual(noStats(warm.doc), noStats(cold.doc));
      assert.strictEqual(noStats(warm.doc), noStats(plain));
      // A damaged store: a full scan, the same output, and a line saying why.
      writeFileSync(store, readFileSync(store, 'utf8').slice(0, 100));
      const damaged = scan();
      assert.match(damaged.stderr, /cache .* not used: it is damaged or not a scan store/);
      assert.strictEqual(damaged.doc.stats.cacheHits, 0);
      assert.strictEqual(noStats(damaged.doc), noStats(cold.doc));
      assert.strictEqual(scan().doc.stats.filesRead, 0, 'and the store is whole again');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
