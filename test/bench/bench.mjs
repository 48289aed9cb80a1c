// Times whole-process CLI scans on generated workspaces of several sizes and on real repositories,
// with peak memory, alternating runs with the nearest peer (@specfy/stack-analyser) and the read
// floor on the same trees: `node -e 0` (the runtime's own start) plus `cat` of every file the scan
// lists (outside .git and node_modules), the least any scan that reads the files can cost. First it
// times a scan of an empty folder against `node -e 0`: this tool's fixed cost.
//   npm run bench                        sizes 1k, 10k, 100k
//   npm run bench -- 1000 10000 ~/src/x  chosen sizes, and folders of real repositories
//   BENCH_RUNS=5 BENCH_PEER=0            runs per size; skip the peer
//   BENCH_BASELINE=../old/dist/cli.js    also time another build of this CLI, alternating with this one
// Beside each workspace's whole-process time it gives the scan's own time (stats.ms: no process start)
// first in a process and then second in the same process (`scan DIR DIR`): the difference is what
// the engine spends compiling hot code, which every fresh process pays again. And it times a plain
// Node program that lists the same tree and reads the same files (node-floor.cjs): the runtime's floor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const rss = path.join(here, 'rss.cjs');
const peerCli = path.join(repo, 'node_modules', '@specfy', 'stack-analyser', 'dist', 'cli.js');
const args = process.argv.slice(2);
const sizes = args.map(Number).filter(Boolean);
const folders = args.filter((a) => !Number(a)).map((a) => path.resolve(a));
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const withPeer = process.env.BENCH_PEER !== '0' && existsSync(peerCli);
const cacheDir = path.join(repo, '.vscode-test', 'bench-workspaces');

function timed(args, cwd, command = process.execPath) {
  const t0 = process.hrtime.bigint();
  const withRss = command === process.execPath ? ['--require', rss, ...args] : args;
  const r = spawnSync(command, withRss, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const kb = Number(/__MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, mb: kb / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * This build's run and the baseline's, in turn first: the second of two scans in a row runs on a
 * warmer machine (a build timed against itself came out 5-11% slower when always first).
 */
function inTurn(i, ours, baselineRun) {
  if (i % 2) {
    baselineRun();
    ours();
  } else {
    ours();
    baselineRun();
  }
}

/** Every regular file under a folder, outside .git and node_modules, as a NUL-separated list for xargs. */
function fileList(root, listFile) {
  const out = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') pending.push(full);
      } else if (entry.isFile()) out.push(full);
    }
  }
  writeFileSync(listFile, out.join('\0'));
  return out.length;
}

/** The scan's own time (stats.ms), first and then second in one process: `scan DIR DIR`. */
function twoScans(root) {
  const [first, second] = JSON.parse(timed([cli, 'scan', root, root, '--json'], repo).stdout);
  return { first: first.stats.ms, second: second.stats.ms };
}

/** `cat` of every listed file into /dev/null: the reading half of the floor. */
const catAll = (listFile) => timed(['-c', `xargs -0 cat < '${listFile}' > /dev/null`], repo, '/bin/sh');
const nodeStart = () => timed(['-e', '0'], repo);
/** A Node program that lists the tree and reads each file's first 64 KB, doing nothing else (node-floor.cjs). */
const nodeListRead = (root) => timed([path.join(here, 'node-floor.cjs'), root], repo);

/** The fixed cost: an empty folder's scan against the runtime's own start, alternating. */
function fixedCost() {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'bsm-empty-'));
  const ours = [];
  const node = [];
  const base = [];
  timed([cli, 'scan', empty, '--json'], repo);
  for (let i = 0; i < Math.max(runs, 5) * 3; i++) {
    node.push(nodeStart().ms);
    inTurn(
      i,
      () => ours.push(timed([cli, 'scan', empty, '--json'], repo).ms),
      () => baseline && base.push(timed([baseline, 'scan', empty, '--json'], repo).ms),
    );
  }
  rmSync(empty, { recursive: true, force: true });
  const row = { oursMs: median(ours), nodeMs: median(node), baseMs: base.length ? median(base) : undefined, runs: ours.length };
  console.error(
    `empty folder: ours ${row.oursMs.toFixed(0)} ms; node -e 0 ${row.nodeMs.toFixed(0)} ms` +
      (row.baseMs ? `; baseline ${row.baseMs.toFixed(0)} ms` : ''),
  );
  return row;
}
const fixed = fixedCost();

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
  const nodes = [];
  const cats = [];
  const inProcess = [];
  const nodeReads = [];
  const listFile = path.join(os.tmpdir(), `bsm-files-${process.pid}`);
  const listed = fileList(root, listFile);
  let evidence = 0;
  let files = ws.files;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsm-peer-'));
  // One warm-up each so all start with the same disk cache.
  timed([cli, 'scan', root, '--json'], repo);
  if (baseline) timed([baseline, 'scan', root, '--json'], repo);
  if (withPeer) timed([peerCli, root, '-o', 'out.json'], tmp);
  const big = ws.files >= 100000;
  for (let i = 0; i < runs; i++) {
    inTurn(
      i,
      () => {
        const r = timed([cli, 'scan', root, '--json'], repo);
        ours.push(r);
        const map = JSON.parse(r.stdout);
        evidence = map.skills.filter((s) => s.status === 'practised').length;
        files ||= map.stats.files;
      },
      () => baseline && base.push(timed([baseline, 'scan', root, '--json'], repo)),
    );
    if (withPeer && (!big || i < 3)) peer.push(timed([peerCli, root, '-o', 'out.json'], tmp));
    nodes.push(nodeStart());
    cats.push(catAll(listFile));
    nodeReads.push(nodeListRead(root));
    if (!big || i < 3) inProcess.push(twoScans(root));
  }
  rmSync(tmp, { recursive: true, force: true });
  rmSync(listFile, { force: true });
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
    listed,
    nodeMs: median(nodes.map((r) => r.ms)),
    catMs: median(cats.map((r) => r.ms)),
    nodeReadMs: median(nodeReads.map((r) => r.ms)),
    firstMs: median(inProcess.map((r) => r.first)),
    secondMs: median(inProcess.map((r) => r.second)),
  };
  row.floorMs = row.nodeMs + row.catMs;
  rows.push(row);
  console.error(
    `${ws.label}: ours ${row.oursMs.toFixed(0)} ms, ${row.oursMb.toFixed(0)} MB` +
      (row.baseMs ? `; baseline ${row.baseMs.toFixed(0)} ms, ${row.baseMb.toFixed(0)} MB` : '') +
      (row.peerMs ? `; peer ${row.peerMs.toFixed(0)} ms, ${row.peerMb.toFixed(0)} MB` : '') +
      `; floor ${row.floorMs.toFixed(0)} ms (node -e 0 ${row.nodeMs.toFixed(0)} + cat ${row.catMs.toFixed(0)})` +
      `; Node list and read ${row.nodeReadMs.toFixed(0)} ms; in one process ${row.firstMs} then ${row.secondMs} ms`,
  );
}

console.log(
  `\nnode ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end; ${runs} runs per workspace (median wall time of the whole process; peak RSS)\n`,
);
console.log('| fixed cost | scan of an empty folder (ms) | `node -e 0` (ms) | difference (ms) | runs |');
console.log('|---|---:|---:|---:|---:|');
console.log(
  `| this build | ${fixed.oursMs.toFixed(0)} | ${fixed.nodeMs.toFixed(0)} | ${(fixed.oursMs - fixed.nodeMs).toFixed(0)} | ${fixed.runs} |`,
);
if (fixed.baseMs)
  console.log(
    `| baseline build | ${fixed.baseMs.toFixed(0)} | ${fixed.nodeMs.toFixed(0)} | ${(fixed.baseMs - fixed.nodeMs).toFixed(0)} | ${fixed.runs} |`,
  );
console.log('');
const fmt = (ms) => (ms === undefined ? 'n/a' : ms.toFixed(0));
console.log(
  '| workspace | files scanned (listed) | scan (ms) | peak RSS (MB) | skills practised | baseline build (ms, MB) | stack-analyser (ms, MB) | read floor: node -e 0 + cat (ms) | ours / peer | ours / floor | Node lists and reads (ms) | scan alone, first then second in one process (ms) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const peerRatio = r.peerMs ? (r.oursMs / r.peerMs).toFixed(2) : 'n/a';
  console.log(
    `| ${r.label} | ${r.files} (${r.listed}) | ${fmt(r.oursMs)} | ${r.oursMb.toFixed(0)} | ${r.practised} | ${r.baseMs ? `${fmt(r.baseMs)}, ${r.baseMb.toFixed(0)}` : 'n/a'} | ${r.peerMs ? `${fmt(r.peerMs)}, ${r.peerMb.toFixed(0)}` : 'n/a'} | ${fmt(r.floorMs)} (${fmt(r.nodeMs)} + ${fmt(r.catMs)}) | ${peerRatio} | ${(r.oursMs / r.floorMs).toFixed(2)} | ${fmt(r.nodeReadMs)} | ${r.firstMs}, ${r.secondMs} |`,
  );
}
