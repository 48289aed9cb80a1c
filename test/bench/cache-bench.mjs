// Times `scan --cache FILE` against a scan without it: whole-process wall time, median of N runs,
// alternating on the same tree between a scan without a store, a cold scan that writes the store
// (the stat of every file it reads, and the write, are its extra cost) and a warm scan that finds
// the store and the tree unchanged. Checks on every warm run that no file was read and that the JSON
// is the cold run's, stats aside.
//   npm run bench:cache                        generated 10k and 100k
//   npm run bench:cache -- 1000 /tmp/real/loki  chosen sizes, and folders of real repositories
//   BENCH_RUNS=5                               runs of each kind per workspace
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const args = process.argv.slice(2);
const sizes = args.map(Number).filter(Boolean);
const folders = args.filter((a) => !Number(a)).map((a) => path.resolve(a));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const cacheDir = path.join(repo, '.vscode-test', 'bench-workspaces');

function timed(extra, root) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'scan', root, '--json', ...extra], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`scan ${root} ${extra.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const doc = JSON.parse(r.stdout);
  const stats = doc.stats;
  delete doc.stats;
  return { ms, stats, json: JSON.stringify(doc), stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const workspaces = [
  ...(sizes.length || !folders.length ? (sizes.length ? sizes : [10000, 100000]) : []).map((size) => ({
    label: `generated ${size.toLocaleString('en')}`,
    root: () => generate(path.join(cacheDir, `ws-${size}`), size),
  })),
  ...folders.map((dir) => ({ label: path.basename(dir), root: () => dir })),
];

const rows = [];
for (const ws of workspaces) {
  const root = ws.root();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsm-cache-bench-'));
  const store = path.join(tmp, 'store.json');
  const reference = timed([], root); // warm-up: the same disk cache for every kind of run
  // A file written less than 2 s before a scan is read again by the next one, whatever the store says.
  await new Promise((r) => setTimeout(r, 2100));
  const plain = [];
  const cold = [];
  const warm = [];
  let warmStats;
  for (let i = 0; i < runs; i++) {
    plain.push(timed([], root).ms);
    rmSync(store, { force: true });
    const c = timed(['--cache', store], root);
    cold.push(c.ms);
    const w = timed(['--cache', store], root);
    warm.push(w.ms);
    warmStats = w.stats;
    if (w.stats.filesRead !== 0) throw new Error(`${ws.label}: a warm run read ${w.stats.filesRead} files`);
    if (w.json !== reference.json || c.json !== reference.json)
      throw new Error(`${ws.label}: the JSON differs from a scan without a store`);
    if (w.stderr) throw new Error(`${ws.label}: ${w.stderr}`);
  }
  const row = {
    label: ws.label,
    files: reference.stats.files,
    read: reference.stats.filesRead,
    plain: median(plain),
    cold: median(cold),
    warm: median(warm),
    hits: warmStats.cacheHits,
    storeKb: statSync(store).size / 1024,
  };
  rows.push(row);
  console.error(`[bench:cache] ${ws.label}: ${JSON.stringify(row)}`);
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n\`scan --cache\`: whole-process wall time, median of ${runs} runs, node ${process.version}, ${os.cpus().length} cores\n`);
console.log(
  '| workspace | files listed | files read cold | no store (ms) | cold, writing the store (ms) | warm (ms) | warm / no store | files read warm | store (KB) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const n = (v) => Math.round(v).toLocaleString('en');
for (const r of rows)
  console.log(
    `| ${r.label} | ${n(r.files)} | ${n(r.read)} | ${n(r.plain)} | ${n(r.cold)} | ${n(r.warm)} | ${(r.warm / r.plain).toFixed(2)} | 0 of ${n(r.hits)} | ${n(r.storeKb)} |`,
  );
