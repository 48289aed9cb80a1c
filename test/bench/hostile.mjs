// Times whole-process CLI scans of hostile workspaces and checks that the ordinary files beside the
// hostile ones still give their evidence. Prints a Markdown table (the README's reliability figures).
//   npm run bench:hostile
// The workspaces are built once under .vscode-test/hostile-workspaces/ (about 1 GB of sparse files
// takes no real space; 100,000 small files take about 400 MB of inodes and blocks).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const rss = path.join(here, 'rss.cjs');
const base = path.join(repo, '.vscode-test', 'hostile-workspaces');

/** What every case holds beside its hostile part: proves Databases, Caching and Containers. */
const ORDINARY = {
  'package.json': JSON.stringify({ name: 'api', dependencies: { pg: '^8.11.0', ioredis: '^5.4.0' } }, null, 2) + '\n',
  Dockerfile: 'FROM node:20-alpine\nEXPOSE 3000\n',
  // A bare Redis client is a hint of caching; writing keys with an expiry is the proof.
  'cache.js':
    "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const remember = (key, value) => redis.set(key, value, 'EX', 300);\n",
};
const EXPECTED = { databases: 'package.json', caching: 'cache.js', containerization: 'Dockerfile' };

function writeOrdinary(root) {
  mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(ORDINARY)) writeFileSync(path.join(root, rel), text);
}

const CASES = [
  {
    name: '100,000 files in one folder',
    build(root) {
      const dir = path.join(root, 'flat');
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < 100000; i++) writeFileSync(path.join(dir, `m${i}.ts`), `export const v${i} = ${i};\n`);
    },
  },
  {
    name: 'folders nested 2,000 deep',
    build(root) {
      // One-letter names keep the deepest path under the 4,096-byte limit of a path on Linux.
      const rel = Array.from({ length: 2000 }, () => 'd').join('/');
      mkdirSync(path.join(root, rel), { recursive: true });
      writeFileSync(path.join(root, rel, 'requirements.txt'), 'celery==5.4.0\n');
    },
  },
  {
    name: 'sparse 8 GiB package.json, FIFO requirements.txt, links out and round a loop, unreadable pom.xml',
    build(root) {
      const sub = path.join(root, 'svc');
      mkdirSync(sub, { recursive: true });
      const fd = openSync(path.join(sub, 'package.json'), 'w');
      ftruncateSync(fd, 8 * 1024 ** 3);
      closeSync(fd);
      spawnSync('mkfifo', [path.join(sub, 'requirements.txt')]);
      symlinkSync('/etc', path.join(sub, 'etc-link'));
      symlinkSync('/etc/passwd', path.join(sub, 'go.mod'));
      symlinkSync('..', path.join(sub, 'loop'));
      writeFileSync(
        path.join(sub, 'pom.xml'),
        '<project><dependencies><dependency><groupId>org.postgresql</groupId></dependency></dependencies></project>',
      );
      chmodSync(path.join(sub, 'pom.xml'), 0o000);
    },
  },
  {
    name: '2,000 files of random bytes named like manifests and sources',
    build(root) {
      const names = [
        'package.json',
        'pom.xml',
        'go.mod',
        'Cargo.toml',
        'compose.yaml',
        'main.py',
        'app.ts',
        'Gemfile',
        'build.gradle',
        'deploy.yaml',
      ];
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) & 0xff;
      for (let i = 0; i < 200; i++) {
        const dir = path.join(root, 'junk', `j${i}`);
        mkdirSync(dir, { recursive: true });
        for (const n of names) writeFileSync(path.join(dir, n), Buffer.from(Array.from({ length: 2048 + (i % 7) * 1024 }, next)));
      }
    },
  },
];

function ensure(c, i) {
  const root = path.join(base, `case-${i}`);
  if (existsSync(path.join(root, '.complete'))) {
    writeOrdinary(root); // the ordinary files may have changed since the case was built
    return root;
  }
  rmSync(root, { recursive: true, force: true });
  writeOrdinary(root);
  c.build(root);
  writeFileSync(path.join(root, '.complete'), '');
  return root;
}

function scan(root) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rss, cli, 'scan', root, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120000,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(/__MAXRSS_KB=(\d+)/.exec(r.stderr ?? '')?.[1] ?? 0);
  if (r.status !== 0) return { ms, mb: kb / 1024, error: `exit ${r.status ?? r.signal}: ${(r.stderr ?? '').slice(0, 300)}` };
  return { ms, mb: kb / 1024, map: JSON.parse(r.stdout) };
}

const rows = [];
for (let i = 0; i < CASES.length; i++) {
  const c = CASES[i];
  const root = ensure(c, i);
  scan(root); // warm-up: the same disk cache for every timed run
  const runs = [scan(root), scan(root), scan(root)];
  const bad = runs.find((r) => r.error);
  if (bad) {
    rows.push({ name: c.name, error: bad.error });
    continue;
  }
  const map = runs[0].map;
  const intact = Object.entries(EXPECTED).every(([skill, file]) =>
    map.skills.find((s) => s.id === skill)?.evidence.some((e) => e.file === file && e.strength === 'strong'),
  );
  const reasons = [...new Set(map.skipped.map((s) => s.reason.replace(/\(.*?\)/g, '(…)')))];
  rows.push({
    name: c.name,
    files: map.stats.files,
    skipped: map.skipped.length,
    reasons,
    ms: runs.map((r) => r.ms).sort((a, b) => a - b)[1],
    mb: Math.max(...runs.map((r) => r.mb)),
    intact,
  });
}

console.log(
  `\nnode ${process.version}, ${os.cpus().length} cores, median of 3 whole-process CLI scans, peak RSS; running as ${process.getuid?.() === 0 ? 'root (an unreadable file is readable)' : 'a normal user'}\n`,
);
console.log('| workspace | files listed | skipped | scan | peak RSS | ordinary evidence intact |');
console.log('|---|---:|---:|---:|---:|---|');
for (const r of rows) {
  if (r.error) console.log(`| ${r.name} | | | failed: ${r.error} | | |`);
  else
    console.log(`| ${r.name} | ${r.files} | ${r.skipped} | ${r.ms.toFixed(0)} ms | ${r.mb.toFixed(0)} MB | ${r.intact ? 'yes' : 'NO'} |`);
}
for (const r of rows.filter((x) => x.reasons?.length)) console.log(`\n${r.name}, skip reasons: ${r.reasons.slice(0, 8).join('; ')}`);
process.exitCode = rows.some((r) => r.error || !r.intact) ? 1 : 0;
