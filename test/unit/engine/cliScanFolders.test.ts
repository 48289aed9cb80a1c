import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { FIXTURES, REPO } from '../helpers';
import { parseArgs, UsageError } from '../../../src/cli/args';

const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
const A = path.join(FIXTURES, 'express-postgres-redis');
const B = path.join(FIXTURES, 'go-gin-helm');

/** A scan result without its timing, which differs from run to run. */
const timeless = (doc: any) => ({ ...doc, stats: { ...doc.stats, ms: 0 } });

describe('scan on several folders', () => {
  it('--json on two folders prints an array of the documents each folder prints alone', () => {
    const r = run('scan', A, B, '--json');
    assert.strictEqual(r.status, 0, r.stderr);
    const docs = JSON.parse(r.stdout);
    assert.ok(Array.isArray(docs) && docs.length === 2);
    assert.strictEqual(r.stdout, JSON.stringify(docs, null, 2) + '\n', 'laid out as JSON.stringify lays out the array');
    for (const [i, dir] of [A, B].entries()) {
      const alone = JSON.parse(run('scan', dir, '--json').stdout);
      assert.ok(!Array.isArray(alone), 'one folder prints one document, as before');
      assert.deepStrictEqual(timeless(docs[i]), timeless(alone), dir);
    }
  });

  it('the table and --markdown print one result per folder, each headed by its folder', () => {
    const text = run('scan', A, B);
    assert.strictEqual(text.status, 0, text.stderr);
    const heads = text.stdout.split('\n').filter((l) => l.startsWith('Backend Skill Map: '));
    assert.deepStrictEqual(heads, [`Backend Skill Map: ${A}`, `Backend Skill Map: ${B}`]);
    assert.strictEqual(text.stdout.match(/^Scanned \d+ files/gm)?.length, 2);
    const alone = run('scan', A).stdout;
    assert.ok(text.stdout.startsWith(alone.replace(/in \d+ ms\.\n$/, '')), 'the first block is what the folder prints alone');
    const md = run('scan', A, B, '--markdown');
    assert.strictEqual(md.status, 0, md.stderr);
    assert.deepStrictEqual(md.stdout.match(/^# .*$/gm), [`# Backend Skill Map: ${A}`, `# Backend Skill Map: ${B}`]);
    assert.strictEqual(md.stdout.match(/^## Technical skills$/gm)?.length, 2);
  });

  it('a folder that cannot be read is named, the others are still printed, and the exit code is 2', () => {
    const missing = path.join(FIXTURES, 'no-such-folder');
    const r = run('scan', missing, A, '--json');
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, `backend-skill-map: cannot read folder ${missing}\n`);
    const docs = JSON.parse(r.stdout);
    assert.deepStrictEqual(
      docs.map((d: any) => d.root),
      [A],
    );
    const none = run('scan', missing, path.join(FIXTURES, 'README-none'), '--json');
    assert.strictEqual(none.status, 2);
    assert.deepStrictEqual(JSON.parse(none.stdout), []);
    const file = run('scan', A, path.join(FIXTURES, 'express-postgres-redis.expected.json'));
    assert.strictEqual(file.status, 2);
    assert.match(file.stderr, /express-postgres-redis\.expected\.json is not a folder/);
    assert.match(file.stdout, /^Backend Skill Map: /);
  });

  it('parses folders, results and options in any order', () => {
    assert.deepStrictEqual(parseArgs(['scan']).paths, ['.']);
    const scan = parseArgs(['scan', 'a', '--json', 'b', '--exclude=x/**', '--', '--odd-name']);
    assert.deepStrictEqual([scan.paths, scan.format, scan.excludes], [['a', 'b', '--odd-name'], 'json', ['x/**']]);
    const merge = parseArgs(['merge', 'r1.json', '--csv', 'r2.json', '-']);
    assert.deepStrictEqual([merge.command, merge.paths, merge.format], ['merge', ['r1.json', 'r2.json', '-'], 'csv']);
    assert.throws(() => parseArgs(['scan', '--csv']), UsageError);
    assert.throws(() => parseArgs(['suggest', 'a', 'b']), /suggest takes one folder/);
    assert.throws(() => parseArgs(['merge']), /merge needs at least one FILE/);
    assert.throws(() => parseArgs(['merge', 'r.json', '--exclude', 'x']), /merge takes --json, --markdown or --csv/);
  });
});
