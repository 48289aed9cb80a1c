// Times whole-process CLI scans on generated workspaces of several sizes, with peak memory,
// alternating runs with the nearest peer (@specfy/stack-analyser) and the machine's floor (a Node
// process that lists and reads every file, floor.cjs) on the same trees.
//   npm run bench                        sizes 1k, 10k, 100k
//   npm run bench -- 1000 10000 ~/src/x  chosen sizes, and folders of real repositories
//   BENCH_RUNS=5 BENCH_PEER=0            runs per size; skip the peer
//   BENCH_BASELINE=../old/dist/cli.js    also time another build of this CLI, alternating with this one
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const rss = path.join(here, 'rss.cjs');
const peerCli = path.join(repo, 'node_modules', '@specfy', 'stack-analyser', 'dist', 'cli.js');
const floor = path.join(here, 'floor.cjs');
const args = process.argv.slice(2);
const sizes = args.map(Number).filter(Boolean);
const folders = args.filter((a) => !Number(a)).map((a) => path.resolve(a));
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const withPeer = process.env.BENCH_PEER !== '0' && existsSync(peerCli);
const cacheDir = path.join(repo, '.vscode-test', 'bench-workspaces');

function timed(args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rss, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const kb = Number(/__MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, mb: kb / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
const workspaces = [
  ...(sizes.length || !folders.length ? (sizes.length ? sizes : [1000, 10000, 100000]) : []).map((size) => ({
    label: String(size),
    files: size,
    root: () => generate(path.join(cacheDir, `ws-${size}`), size),
  })),
  ...folders.map((dir) => ({ label: path.basename(dir), files: 0, root: () => dir })),
];
for (const ws of workspaces) {
  const root = ws.root();
  const ours = [];
  const base = [];
  const peer = [];
  const floors = [];
  let evidence = 0;
  let files = ws.files;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsm-peer-'));
  // One warm-up each so all start with the same disk cache.
  timed([cli, 'scan', root, '--json'], repo);
  if (baseline) timed([baseline, 'scan', root, '--json'], repo);
  if (withPeer) timed([peerCli, root, '-o', 'out.json'], tmp);
  const big = ws.files >= 100000;
  for (let i = 0; i < runs; i++) {
    const r = timed([cli, 'scan', root, '--json'], repo);
    ours.push(r);
    const map = JSON.parse(r.stdout);
    evidence = map.skills.filter((s) => s.status === 'practised').length;
    files ||= map.stats.files;
    if (baseline) base.push(timed([baseline, 'scan', root, '--json'], repo));
    if (withPeer && (!big || i < 3)) peer.push(timed([peerCli, root, '-o', 'out.json'], tmp));
    floors.push(timed([floor, root], repo));
  }
  rmSync(tmp, { recursive: true, force: true });
  const row = {
    label: ws.label,
    files,
    oursMs: median(ours.map((r) => r.ms)),
    oursMb: Math.max(...ours.map((r) => r.mb)),
    practised: evidence,
    baseMs: base.length ? median(base.map((r) => r.ms)) : undefined,
    baseMb: base.length ? Math.max(...base.map((r) => r.mb)) : undefined,
    peerMs: peer.length ? median(peer.map((r) => r.ms)) : undefined,
    peerMb: peer.length ? Math.max(...peer.map((r) => r.mb)) : undefined,
    floorMs: median(floors.map((r) => r.ms)),
    floorMb: Math.max(...floors.map((r) => r.mb)),
  };
  rows.push(row);
  console.error(
    `${ws.label}: ours ${row.oursMs.toFixed(0)} ms, ${row.oursMb.toFixed(0)} MB` +
      (row.baseMs ? `; baseline ${row.baseMs.toFixed(0)} ms, ${row.baseMb.toFixed(0)} MB` : '') +
      (row.peerMs ? `; peer ${row.peerMs.toFixed(0)} ms, ${row.peerMb.toFixed(0)} MB` : '') +
      `; floor ${row.floorMs.toFixed(0)} ms, ${row.floorMb.toFixed(0)} MB`,
  );
}

console.log(
  `\nnode ${process.version}, ${os.cpus().length} cores, ${runs} runs per size (median wall time of the whole process; peak RSS)\n`,
);
const fmt = (ms) => (ms === undefined ? 'n/a' : ms.toFixed(0));
console.log(
  '| workspace | files | scan (ms) | peak RSS (MB) | skills practised | baseline build (ms, MB) | stack-analyser (ms, MB) | floor: list and read (ms, MB) | ours / peer | ours / floor |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const peerRatio = r.peerMs ? (r.oursMs / r.peerMs).toFixed(2) : 'n/a';
  console.log(
    `| ${r.label} | ${r.files} | ${fmt(r.oursMs)} | ${r.oursMb.toFixed(0)} | ${r.practised} | ${r.baseMs ? `${fmt(r.baseMs)}, ${r.baseMb.toFixed(0)}` : 'n/a'} | ${r.peerMs ? `${fmt(r.peerMs)}, ${r.peerMb.toFixed(0)}` : 'n/a'} | ${fmt(r.floorMs)}, ${r.floorMb.toFixed(0)} | ${peerRatio} | ${(r.oursMs / r.floorMs).toFixed(1)} |`,
  );
}
