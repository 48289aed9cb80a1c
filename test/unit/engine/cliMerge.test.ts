import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, REPO } from '../helpers';
import { buildMatrix, MAX_RESULT_BYTES, nestsDeeperThan, parseScanResults, readBounded, type RepoResult } from '../../../src/cli/merge';
import { csvField, matrixCsv, matrixMarkdown, matrixText } from '../../../src/cli/matrixFormat';

const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
const A = path.join(FIXTURES, 'express-postgres-redis');
const B = path.join(FIXTURES, 'go-gin-helm');
const C = path.join(FIXTURES, 'go-grpc-services');

/** RFC 4180 records back into fields: the reader a spreadsheet uses, to check the writer against. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        assert.ok(i < text.length, 'a quoted field is closed');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    fields.push(field);
    if (text[i] === ',') i++;
    else {
      assert.strictEqual(text.slice(i, i + 2), '\r\n', `a record ends with CRLF at ${i}`);
      i += 2;
      records.push(fields);
      fields = [];
    }
  }
  return records;
}

const result = (root: string, statuses: Record<string, 'practised' | 'started' | 'missing'>): RepoResult => ({
  root,
  skills: Object.entries(statuses).map(([id, status]) => ({ id, title: id.toUpperCase(), tier: 'core' as const, status })),
});

describe('merge: scan results into a matrix', () => {
  let tmp: string;
  const single: Record<string, any> = {};
  const file = (name: string, content: string | Buffer) => {
    const f = path.join(tmp, name);
    writeFileSync(f, content);
    return f;
  };

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bsm-merge-'));
    for (const dir of [A, B, C]) {
      const r = run('scan', dir, '--json');
      assert.strictEqual(r.status, 0, r.stderr);
      single[dir] = JSON.parse(r.stdout);
      writeFileSync(path.join(tmp, `${path.basename(dir)}.json`), r.stdout);
    }
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('merges single documents and arrays; each cell is that folder’s own scan status', () => {
    const pair = run('scan', B, C, '--json');
    assert.strictEqual(pair.status, 0, pair.stderr);
    const both = file('pair.json', pair.stdout);
    const r = run('merge', path.join(tmp, 'express-postgres-redis.json'), both, '--json');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    const m = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(m), ['version', 'repos', 'skills']);
    assert.strictEqual(m.version, 1);
    assert.deepStrictEqual(m.repos, [A, B, C]);
    assert.deepStrictEqual(
      m.skills.map((s: any) => s.id),
      single[A].skills.map((s: any) => s.id),
    );
    assert.strictEqual(m.skills.length, 21);
    for (const row of m.skills) {
      assert.deepStrictEqual(Object.keys(row), ['id', 'title', 'tier', 'status', 'practisedIn']);
      for (const dir of [A, B, C])
        assert.strictEqual(row.status[dir], single[dir].skills.find((s: any) => s.id === row.id).status, `${row.id} in ${dir}`);
      assert.strictEqual(row.practisedIn, [A, B, C].filter((d) => row.status[d] === 'practised').length);
    }
    const soft = single[A].softSkills.map((s: any) => s.id);
    assert.ok(soft.length > 0 && !m.skills.some((s: any) => soft.includes(s.id)), 'soft skills stay out');
    // The three statuses all occur, so the comparison above covered each of them.
    const cells = m.skills.flatMap((s: any) => Object.values(s.status));
    for (const status of ['practised', 'started', 'missing']) assert.ok(cells.includes(status), status);
  });

  it('names each bad file on standard error, skips it, and still merges the good ones', () => {
    const good = path.join(tmp, 'express-postgres-redis.json');
    const text = single[A] && JSON.stringify(single[A], null, 2);
    const sparse = path.join(tmp, 'huge.json');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, MAX_RESULT_BYTES + 1);
    closeSync(fd);
    const fifo = path.join(tmp, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const bad: [string, string, RegExp][] = [
      ['not a scan result', file('package.json', '{"name": "x", "dependencies": {}}'), /not a scan result/],
      ['suggest output', file('suggest.json', run('suggest', A, '--json').stdout), /not a scan result/],
      ['truncated', file('cut.json', text.slice(0, text.length / 2)), /not JSON, or cut short/],
      ['nested very deep', file('deep.json', '['.repeat(200_000) + ']'.repeat(200_000)), /nested deeper than 64/],
      ['very large', sparse, /larger than 64 MiB/],
      ['missing', path.join(tmp, 'nowhere.json'), /cannot read it \(ENOENT\)/],
      ['a folder', tmp, /a folder, not a file/],
      ['a FIFO nobody writes to', fifo, /not a regular file/],
      ['empty', file('empty.json', ''), /empty/],
      ['binary', file('binary.json', Buffer.from([0x1f, 0x8b, 0, 0, 0xff])), /not JSON/],
      ['newer version', file('v2.json', JSON.stringify({ ...single[A], version: 2 })), /newer version \(version 2\)/],
      ['bad status', file('status.json', text.replace('"practised"', '"excellent"')), /has status "excellent"/],
    ];
    for (const [name, f, message] of bad) {
      const r = run('merge', f, good, '--json');
      assert.strictEqual(r.status, 0, `${name}: ${r.stderr}`);
      assert.strictEqual(JSON.parse(r.stdout).repos.length, 1, name);
      assert.ok(r.stderr.startsWith(`backend-skill-map: skipped ${f}: `), `${name}: ${r.stderr}`);
      assert.match(r.stderr, message, name);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, `${name}: one line`);
      const alone = run('merge', f);
      assert.strictEqual(alone.status, 2, `${name} alone`);
      assert.strictEqual(alone.stdout, '', `${name} alone`);
      assert.match(alone.stderr, /no scan result to merge/, `${name} alone`);
    }
  });

  it('keeps the good items of an array, and refuses a second result for the same root', () => {
    const mixed = file('mixed.json', JSON.stringify([single[A], { hello: 1 }, single[B]]));
    const r = run('merge', mixed, path.join(tmp, 'go-gin-helm.json'), '--json');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout).repos, [A, B]);
    const lines = r.stderr.trim().split('\n');
    assert.strictEqual(lines.length, 2, r.stderr);
    assert.match(lines[0], /mixed\.json: item 2: not a scan result/);
    assert.match(lines[1], /go-gin-helm\.json: the result for .*go-gin-helm is already in .*mixed\.json/);
    assert.strictEqual(run('merge', file('none.json', '[]')).status, 2);
  });

  it('reads a result saved as UTF-16 with a byte-order mark, and from standard input', () => {
    const utf16 = file('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(single[B]), 'utf16le')]));
    const r = spawnSync(process.execPath, [CLI, 'merge', utf16, '-', '--csv'], {
      encoding: 'utf8',
      // Past the first 64 KiB the read buffer grows: a pipe has no size to start from.
      input: JSON.stringify(single[C]) + ' '.repeat(300_000),
    });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(parseCsv(r.stdout)[0], ['id', 'title', 'tier', B, C, 'practisedIn']);
  });

  it('bounds what it reads even when the size is not known in advance', () => {
    // /proc files report a size of 0: only the read itself can hold the bound.
    const bounded = readBounded('/proc/self/maps', 100);
    assert.ok('error' in bounded && /larger than/.test(bounded.error), JSON.stringify(bounded));
    const whole = readBounded('/proc/self/maps');
    assert.ok('text' in whole && whole.text.length > 100);
  });

  it('checks nesting without recursion, and ignores brackets inside strings', () => {
    assert.strictEqual(nestsDeeperThan('[[["]]]]]]"]]]', 3), false);
    assert.strictEqual(nestsDeeperThan('[[[["\\"["]]]]', 3), true);
    assert.strictEqual(nestsDeeperThan('{"a": [1, {"b": "[[[[[["}]}', 3), false);
    // An escaped backslash ends the string; an escaped quote does not.
    assert.strictEqual(nestsDeeperThan('["\\\\", [[["x"]]]]', 3), true);
    assert.strictEqual(nestsDeeperThan('["a\\" [[[[", 1]', 3), false);
    assert.strictEqual(nestsDeeperThan('["never closed [[[[', 3), false);
    assert.deepStrictEqual(parseScanResults('['.repeat(1e6)).problems, ['nested deeper than 64 levels']);
  });

  it('a repository without a skill in its result has it missing, and rows follow the first-seen order', () => {
    const m = buildMatrix([result('/a', { x: 'practised', y: 'started' }), result('/b', { y: 'practised', z: 'started' })]);
    assert.deepStrictEqual(
      m.skills.map((s) => [s.id, { ...s.status }, s.practisedIn]),
      [
        ['x', { '/a': 'practised', '/b': 'missing' }, 1],
        ['y', { '/a': 'started', '/b': 'practised' }, 1],
        ['z', { '/a': 'missing', '/b': 'started' }, 0],
      ],
    );
  });

  it('CSV follows RFC 4180: commas, quotes and line breaks in a root survive a round trip', () => {
    const roots = ['/plain', '/with,comma', '/with "quotes"', '/with\nnewline\r\nand CRLF', '=1+1'];
    const m = buildMatrix(roots.map((r, i) => result(r, { 'api-development': i % 2 ? 'practised' : 'started' })));
    m.skills[0].title = 'API, "development"';
    const csv = matrixCsv(m);
    assert.deepStrictEqual(parseCsv(csv), [
      ['id', 'title', 'tier', ...roots, 'practisedIn'],
      ['api-development', 'API, "development"', 'core', 'started', 'practised', 'started', 'practised', 'started', '2'],
    ]);
    assert.strictEqual(csvField('a"b'), '"a""b"');
    assert.strictEqual(csvField('plain'), 'plain');
  });

  it('Markdown and text keep one row per skill whatever a root or title holds', () => {
    const roots = ['/a|b', '/new\nline', '/`tick`*star*_u_', '/esc\x1b[31mred'];
    const m = buildMatrix(roots.map((r) => result(r, { one: 'practised', two: 'missing' })));
    m.skills[1].title = 'Two | <b>bold</b>';
    const md = matrixMarkdown(m).trimEnd().split('\n');
    assert.strictEqual(md.length, 2 + 2 + 2, md.join('\n'));
    // A row's cells: split on pipes that are not escaped.
    const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);
    for (const line of md.slice(2)) assert.strictEqual(cells(line).length, 2 + roots.length + 1, line);
    assert.match(md[2], /\/a\\\|b/);
    assert.match(md[2], /\/new\\\\nline/);
    assert.match(md[5], /Two \\\| \\<b\\>bold\\<\/b\\>/);
    assert.match(md[4], /\| practised \| practised \| practised \| practised \| 4 of 4 \|$/);
    const text = matrixText(m);
    assert.ok(!text.includes('\x1b'), 'no terminal escape reaches the terminal');
    assert.match(text, /\/esc\\x1b\[31mred/);
    assert.strictEqual(text.split('\n').filter((l) => l.startsWith('  ') && /of 4$/.test(l)).length, 2);
  });

  it('prints the same matrix as text, Markdown and CSV from the command line', () => {
    const files = [A, B].map((d) => path.join(tmp, `${path.basename(d)}.json`));
    const csv = parseCsv(run('merge', ...files, '--csv').stdout);
    const md = run('merge', ...files, '--markdown').stdout;
    const text = run('merge', ...files).stdout;
    assert.strictEqual(csv.length, 22);
    const databases = csv.find((r) => r[0] === 'databases')!;
    assert.deepStrictEqual(databases.slice(3), [
      ...[A, B].map((d) => single[d].skills.find((s: any) => s.id === 'databases').status),
      databases[5],
    ]);
    assert.match(md, /^\| Databases \| core \| \w+ \| \w+ \| \d of 2 \|$/m);
    assert.match(text, /^ {2}Databases +\[.\] \[.\] +\d of 2$/m);
    assert.strictEqual(run('merge', files[0], '--csv', '--json').status, 2);
    assert.strictEqual(run('merge', '--json').status, 2);
    assert.strictEqual(run('merge', files[0], '--rules', 'x').status, 2);
  });
});
