// Times whole-process CLI scans on generated workspaces of several sizes, with peak memory,
// alternating runs with the nearest peer (@specfy/stack-analyser) on the same trees.
//   npm run bench                 sizes 1k, 10k, 100k
//   npm run bench -- 1000 10000   chosen sizes
//   BENCH_RUNS=5 BENCH_PEER=0     runs per size; skip the peer
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
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
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
for (const size of sizes.length ? sizes : [1000, 10000, 100000]) {
  const root = generate(path.join(cacheDir, `ws-${size}`), size);
  const ours = [];
  const peer = [];
  let evidence = 0;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsm-peer-'));
  // One warm-up each so both start with the same disk cache.
  timed([cli, 'scan', root, '--json'], repo);
  if (withPeer) timed([peerCli, root, '-o', 'out.json'], tmp);
  for (let i = 0; i < runs; i++) {
    const r = timed([cli, 'scan', root, '--json'], repo);
    ours.push(r);
    evidence = JSON.parse(r.stdout).skills.filter((s) => s.status === 'practised').length;
    if (withPeer && (size < 100000 || i < 3)) peer.push(timed([peerCli, root, '-o', 'out.json'], tmp));
  }
  rmSync(tmp, { recursive: true, force: true });
  const row = {
    files: size,
    oursMs: median(ours.map((r) => r.ms)),
    oursMb: Math.max(...ours.map((r) => r.mb)),
    practised: evidence,
    peerMs: peer.length ? median(peer.map((r) => r.ms)) : undefined,
    peerMb: peer.length ? Math.max(...peer.map((r) => r.mb)) : undefined,
  };
  rows.push(row);
  console.error(
    `${size} files: ours ${row.oursMs.toFixed(0)} ms, ${row.oursMb.toFixed(0)} MB` +
      (row.peerMs ? `; peer ${row.peerMs.toFixed(0)} ms, ${row.peerMb.toFixed(0)} MB` : ''),
  );
}

console.log(
  `\nnode ${process.version}, ${os.cpus().length} cores, ${runs} runs per size (median wall time of the whole process; peak RSS)\n`,
);
console.log(
  '| files | scan (ms) | ms per 1k files | peak RSS (MB) | skills practised | stack-analyser (ms) | its peak RSS (MB) | our time / its time |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const ratio = r.peerMs ? (r.oursMs / r.peerMs).toFixed(3) : 'n/a';
  console.log(
    `| ${r.files} | ${r.oursMs.toFixed(0)} | ${((r.oursMs / r.files) * 1000).toFixed(1)} | ${r.oursMb.toFixed(0)} | ${r.practised} | ${r.peerMs?.toFixed(0) ?? 'n/a'} | ${r.peerMb?.toFixed(0) ?? 'n/a'} | ${ratio} |`,
  );
}
