// Benchmarks the extension inside a real extension host (code-server, see test/vscode/README.md)
// on generated workspaces, and prints a Markdown table.
//   npm run bench:editor                   1k and 10k files
//   npm run bench:editor -- 1000 100000    chosen sizes (100k takes a while to generate)
//   options: --runs N (repetitions of rescans and edits, default 3), --profile (also writes a
//   .cpuprofile of one full rescan, run on the unminified bundle, and lists the hottest functions),
//   --reopen-only (only the reopen windows, on the generated workspaces: the main table is left out),
//   --reopen-changed (a service manifest gets one more byte between the first reopen window and the
//   second, restored after: the second window checks a workspace where one file changed),
//   --retries N / --wait S (when the skill catalogue cannot be loaded, default 3 retries 120 s apart)
//
// The bench runs its own copy of the extension from .vscode-test/bench-extension/ (the production
// bundle, as packaged), so a concurrent `npm run build` in the checkout does not disturb it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';

const harness = createRequire(import.meta.url)('../vscode/lib.js');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cache = path.join(repo, '.vscode-test');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
};
const runs = Number(option('--runs', 3));
const retries = Number(option('--retries', 3));
const waitS = Number(option('--wait', 120));
const profile = flag('--profile');
const reopenOnly = flag('--reopen-only');
const reopenChanged = flag('--reopen-changed');
const sizes = argv.map(Number).filter((n) => Number.isInteger(n) && n > 0);
if (!sizes.length) sizes.push(1000, 10000);

const log = (...a) => console.error('[bench:editor]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  return { ok: r.status === 0, status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Runs esbuild.mjs in a folder of its own, so the bundle lands in <dir>/dist without touching the checkout's dist/. */
function bundle(dir, production) {
  mkdirSync(dir, { recursive: true });
  for (const name of ['src', 'package.json', 'skills', 'media']) {
    const link = path.join(dir, name);
    if (!existsSync(link)) symlinkSync(path.join(repo, name), link);
  }
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const r = run(process.execPath, [path.join(repo, 'esbuild.mjs'), ...(production ? ['--production'] : [])], { cwd: dir });
  if (!r.ok) throw new Error(`esbuild failed:\n${r.out}`);
  const file = path.join(dir, 'dist', 'extension.js');
  const map = `${file}.map`;
  return { dir, bytes: statSync(file).size, mapBytes: existsSync(map) ? statSync(map).size : 0 };
}

async function build() {
  for (let attempt = 1; ; attempt++) {
    const r = run(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    if (r.ok) break;
    if (attempt >= 3) throw new Error(`tsc -p . failed:\n${r.out.slice(0, 3000)}`);
    log(`tsc failed (attempt ${attempt}), retrying in 60 s:\n${r.out.slice(0, 800)}`);
    await sleep(60000);
  }
  const dev = bundle(path.join(cache, 'bench-extension-dev'), false);
  const prod = bundle(path.join(cache, 'bench-extension'), true);
  return { dev, prod };
}

/** A service manifest that lists ioredis: the first in path order, since the map keeps at most 500 evidence per skill, sorted by path. */
function pickManifest(root) {
  const services = readdirSync(path.join(root, 'services')).sort();
  for (const s of services) {
    const rel = `services/${s}/package.json`;
    const abs = path.join(root, rel);
    if (existsSync(abs) && JSON.parse(readFileSync(abs, 'utf8')).dependencies?.ioredis) return rel;
  }
  throw new Error(`no package.json with ioredis under ${root}/services`);
}

/** run-tests.js and the arguments every bench window takes: the workspace, the bench suite, the extension, a timeout by size. */
function benchRunArgs(root, extension, size) {
  return [
    path.join(repo, 'test', 'vscode', 'run-tests.js'),
    root,
    '--tests',
    path.join(repo, 'out', 'test', 'integration', 'bench', 'index'),
    '--extension',
    extension,
    '--timeout',
    String(size >= 100000 ? 3600000 : 1200000),
  ];
}

async function measure(size, extension) {
  log(`generating ${size} files`);
  const root = generate(path.join(cache, 'bench-workspaces', `ws-${size}`), size);
  const manifest = pickManifest(root);
  const manifestAbs = path.join(root, manifest);
  const original = readFileSync(manifestAbs);
  const out = path.join(os.tmpdir(), `bsm-editor-bench-${process.pid}-${size}.json`);
  const profileFile = profile ? path.join(cache, `bench-ws-${size}.cpuprofile`) : '';
  for (let attempt = 1; ; attempt++) {
    rmSync(out, { force: true });
    const args = [
      ...benchRunArgs(root, extension, size),
      '--env',
      `BSM_BENCH_OUT=${out}`,
      '--env',
      `BSM_BENCH_MANIFEST=${manifest}`,
      '--env',
      `BSM_BENCH_RUNS=${runs}`,
    ];
    if (profileFile) args.push('--env', `BSM_BENCH_PROFILE=${profileFile}`);
    const load = os.loadavg()[0];
    log(`ws-${size}: running in the extension host (attempt ${attempt}, load average ${load.toFixed(1)})`);
    let r;
    try {
      r = run(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } finally {
      writeFileSync(manifestAbs, original); // the edits leave the manifest as generated
    }
    const figures = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
    rmSync(out, { force: true });
    if (figures?.state === 'error' && attempt <= retries) {
      log(`the skill catalogue could not be loaded; retrying in ${waitS} s`);
      await sleep(waitS * 1000);
      continue;
    }
    if (!r.ok) log(`ws-${size}: the run did not pass (exit ${r.status}):\n${r.out.split('\n').slice(-40).join('\n')}`);
    if (!figures) throw new Error(`ws-${size}: no figures were written`);
    return { size, root, figures, profileFile, loadBefore: load, loadAfter: os.loadavg()[0] };
  }
}

/**
 * The reopen figures: two windows, one after the other, on the same workspace, user data and port
 * (so the same workspace storage). The first scans and writes the store; the second, on the
 * unchanged workspace, shows the remembered map and checks it.
 */
async function measureReopen(size, root, extension) {
  const runDir = path.join(cache, 'runs', `bench-reopen-${size}-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  const port = await harness.freePort();
  const out = path.join(os.tmpdir(), `bsm-editor-bench-reopen-${process.pid}-${size}.json`);
  const figures = {};
  const floorList = path.join(os.tmpdir(), `bsm-editor-bench-floor-${process.pid}-${size}.json`);
  let touched;
  try {
    for (const phase of [1, 2, 3]) {
      rmSync(out, { force: true });
      log(`ws-${size}: reopen, window ${phase} of 3`);
      // Window 3, the floor: scanning off, and a thread that only stamps the files the store keeps.
      const floor = phase === 3 ? ['--setting', 'backendSkillMap.scanOnStartup=false', '--env', `BSM_BENCH_FLOOR_LIST=${floorList}`] : [];
      if (phase === 3) writeFileSync(floorList, JSON.stringify(storedFiles(runDir, root)));
      if (phase === 2 && reopenChanged) touched = touchOne(root);
      if (phase === 3 && touched) touched = touched();
      const r = run(
        process.execPath,
        [
          ...benchRunArgs(root, extension, size),
          '--run-dir',
          runDir,
          '--port',
          String(port),
          '--env',
          `BSM_BENCH_OUT=${out}`,
          '--env',
          `BSM_BENCH_REOPEN=${phase}`,
          ...floor,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      if (!r.ok) log(`ws-${size}: reopen window ${phase} did not pass (exit ${r.status}):\n${r.out.split('\n').slice(-30).join('\n')}`);
      if (existsSync(out)) figures[`window${phase}`] = JSON.parse(readFileSync(out, 'utf8'));
    }
  } finally {
    touched?.();
    rmSync(out, { force: true });
    rmSync(floorList, { force: true });
    rmSync(runDir, { recursive: true, force: true });
  }
  return figures;
}

/** Adds a byte to one service manifest (a changed file, same listing); returns what puts it back. */
function touchOne(root) {
  const file = path.join(root, pickManifest(root));
  const original = readFileSync(file);
  writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
  return () => writeFileSync(file, original);
}

/** The files the extension's scan store in the run's user data stamps, as absolute paths (the floor window's list). */
function storedFiles(runDir, root) {
  const stores = readdirSync(runDir, { recursive: true }).filter((f) => /(^|\/)scan-[0-9a-f]{16}\.json$/.test(String(f)));
  if (stores.length !== 1) throw new Error(`expected one scan store under ${runDir}, found ${stores.length}`);
  const { dirs } = JSON.parse(readFileSync(path.join(runDir, String(stores[0])), 'utf8'));
  const files = [];
  for (const [dir, list] of Object.entries(dirs)) for (let i = 0; i < list.length; i += 4) files.push(path.join(root, dir, list[i]));
  return files;
}

/** Self time per function in a .cpuprofile, hottest first. */
function hottest(file, top = 12) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, rows: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

const fmt = (v, unit = '') => (v === undefined || v === null ? 'n/a' : `${v}${unit}`);
const mark = (v, target) => (typeof v !== 'number' ? '' : v <= target ? ' ✓' : ' ✗');

const { dev, prod } = await build();
const results = [];
for (const size of sizes) {
  const result = reopenOnly
    ? { size, root: generate(path.join(cache, 'bench-workspaces', `ws-${size}`), size), figures: {}, loadBefore: os.loadavg()[0] }
    : await measure(size, profile ? dev.dir : prod.dir);
  result.reopen = await measureReopen(size, result.root, profile ? dev.dir : prod.dir);
  results.push(result);
}

const col = (f) => results.map(({ figures }) => f(figures));
const line = (label, cells) => console.log(`| ${label} | ${cells.join(' | ')} |`);
const ed = (f, how, kind) => f.edit?.[how]?.[kind];
const editCell = (target) => (f, how, kind) => {
  const e = ed(f, how, kind);
  return e ? `${e.medianMs} (max ${e.maxMs})${mark(e.maxMs, target)}` : 'n/a';
};
const editFig = editCell(300);

function printMain() {
  console.log(
    `\nIn-editor benchmark: code-server extension host, ${profile ? 'unminified' : 'production'} bundle, node ${process.version} driver, ${os.cpus().length} cores, ${runs} runs of each rescan and edit\n`,
  );
  line(
    'figure (ms unless noted) | target',
    results.map((r) => `ws-${r.size}`),
  );
  console.log(`|---|${results.map(() => '---:').join('|')}|`);
  line(
    'files listed / skill rows / practised | ',
    col((f) => `${fmt(f.filesListed)} / ${fmt(f.firstTree?.skillRows)} / ${fmt(f.practised)}`),
  );
  line(
    `machine load average, before / after the run (${os.cpus().length} cores) | `,
    results.map((r) => `${r.loadBefore.toFixed(1)} / ${r.loadAfter.toFixed(1)}`),
  );
  line(
    'activate() | < 50',
    col((f) => `${fmt(f.activationMs)}${mark(f.activationMs, 50)}`),
  );
  line(
    'extension already active before the view opened | ',
    col((f) => (f.activeBeforeFocus ? 'yes' : 'no')),
  );
  line(
    'view opened → first complete tree | < 1000 (10k)',
    col((f) => `${fmt(f.firstTree?.completeTreeMs)}${mark(f.firstTree?.completeTreeMs, 1000)}`),
  );
  line(
    '… of which: focus command returned / extension active | ',
    col((f) => (f.firstTree ? `${f.firstTree.focusCommandMs} / ${f.firstTree.activeAfterMs}` : 'n/a')),
  );
  line(
    'Refresh → complete tree (full rescan), median (max) | ',
    col((f) => (f.rescan ? `${f.rescan.medianMs} (max ${f.rescan.maxMs})` : 'n/a')),
  );
  line(
    'a new Refresh during a rescan → the old scan has stopped, median (max) | ',
    col((f) =>
      f.cancel?.medianMs !== undefined
        ? `${f.cancel.medianMs} (max ${f.cancel.maxMs}), new scan ${f.cancel.afterMs} ms into the old`
        : f.cancel
          ? `the old scan was done within ${f.cancel.afterMs} ms`
          : 'n/a',
    ),
  );
  line(
    'save via workspace.fs.writeFile → map: add ioredis | < 300',
    col((f) => editFig(f, 'fsWriteFile', 'add')),
  );
  line(
    'save via workspace.fs.writeFile → map: remove ioredis | < 300',
    col((f) => editFig(f, 'fsWriteFile', 'remove')),
  );
  line(
    'WorkspaceEdit + save → map: add ioredis | < 300',
    col((f) => editFig(f, 'editAndSave', 'add')),
  );
  line(
    'WorkspaceEdit + save → map: remove ioredis | < 300',
    col((f) => editFig(f, 'editAndSave', 'remove')),
  );
  line(
    'longest event-loop block, first scan: drift / histogram max | ',
    col((f) => (f.firstTree ? `${f.firstTree.eventLoop.maxDriftMs} / ${f.firstTree.eventLoop.histogramMaxMs}` : 'n/a')),
  );
  line(
    'longest event-loop block, rescans: drift / histogram max | ',
    col((f) => (f.rescan ? `${f.rescan.eventLoop.maxDriftMs} / ${f.rescan.eventLoop.histogramMaxMs}` : 'n/a')),
  );
  line(
    'slices over 50 ms during the rescans | ',
    col((f) => fmt(f.rescan?.eventLoop.slicesOver50ms)),
  );
  line(
    'extension-host RSS after first scan / after rescans (MB) | ',
    col((f) => `${fmt(f.rssAfterFirstScanMb)} / ${fmt(f.rssAfterRescansMb)}`),
  );
  line(
    'extension-host heap after a full GC, after first scan / after rescans (MB) | ',
    col((f) => `${fmt(f.retainedHeapAfterFirstScanMb)} / ${fmt(f.retainedHeapAfterRescansMb)}`),
  );
  const kb = (b) => (b / 1024).toFixed(0);
  console.log(
    `\ndist/extension.js: production (\`node esbuild.mjs --production\`, minified, no map) ${kb(prod.bytes)} KB${mark(prod.bytes / 1024, 500)} (target < 500 KB);` +
      ` default build (\`npm run build\`) ${kb(dev.bytes)} KB plus a ${kb(dev.mapBytes)} KB .map that .vscodeignore leaves out of the package.`,
  );
  console.log(
    'Edit figures are the median (max) of the runs, from the write until the map shows the change, including the 150 ms debounce.',
  );
  console.log('The event loop is sampled in the extension host itself (10 ms interval drift, and perf_hooks.monitorEventLoopDelay).');
}
if (!reopenOnly) printMain();

console.log(
  `\nReopening a workspace (a second window on the ${reopenChanged ? 'workspace with one manifest changed' : 'unchanged workspace'}, same user data): times from the start of activate()\n`,
);
line(
  'figure (ms unless noted) | target',
  results.map((r) => `ws-${r.size}`),
);
console.log(`|---|${results.map(() => '---:').join('|')}|`);
const re = (f) => results.map((r) => f(r.reopen?.window2 ?? {}, r.reopen?.window1 ?? {}));
line(
  'first window: complete map (full scan, store written) | ',
  re((_, w1) => fmt(w1.coldCompleteMs)),
);
line(
  'remembered map in the tree, marked | ≤ 150 (100k)',
  re((w) => `${fmt(w.rememberedShownMs)}${mark(w.rememberedShownMs, 150)} (${fmt(w.mark)})`),
);
line(
  '… of which reading the remembered map and showing it | ',
  re((w) => fmt(w.rememberedReadMs)),
);
line(
  `checked, complete map (${reopenChanged ? 'one file changed' : 'nothing changed'}) | ${reopenChanged ? '' : '≤ 1000 (100k)'}`,
  re((w) => `${fmt(w.checkedCompleteMs)}${reopenChanged ? '' : mark(w.checkedCompleteMs, 1000)}`),
);
line(
  '… extension-host processor time from activation to the checked map (user + system) | ',
  re((w) => fmt(w.checkedCpuMs)),
);
line(
  '… the quick check on its own thread: its answer (ms from its start; started about 60 ms after activation) | nothing changed',
  re((w) =>
    !w.quickCheck ? 'did not run' : w.quickCheck.unchanged ? `nothing changed (${fmt(Math.round(w.quickCheck.ms))})` : w.quickCheck.why,
  ),
);
line(
  'the floor (window 3, scanning off): a thread that only stamps the same files, from its start | ',
  results.map((r) => {
    const w3 = r.reopen?.window3 ?? {};
    if (w3.floorMs === undefined) return 'not measured';
    const from = w3.floorStartedMs === undefined ? '' : `, started ${fmt(Math.round(w3.floorStartedMs))} after activation`;
    return `${fmt(Math.round(w3.floorMs))} (${fmt(w3.floorFiles)} files${from})`;
  }),
);
line(
  `files read by the check / taken from the store / bytes read | ${reopenChanged ? '1 read' : '0 read'}`,
  re((w) => `${fmt(w.filesRead)}${w.filesRead === (reopenChanged ? 1 : 0) ? ' ✓' : ' ✗'} / ${fmt(w.cacheHits)} / ${fmt(w.bytesRead)}`),
);
line(
  'checked map the same as the remembered one | yes',
  re((w) => (w.sameMap ? 'yes' : 'no')),
);

for (const r of results) {
  if (!r.profileFile) continue;
  const first = r.profileFile.replace(/\.cpuprofile$/, '.first.cpuprofile');
  for (const [file, what] of [
    [first, 'from the view opening to the first complete tree'],
    [r.profileFile, 'one full rescan'],
  ]) {
    if (!existsSync(file)) continue;
    const { total, rows } = hottest(file);
    console.log(
      `\nws-${r.size}: hottest functions (self time), ${what}, ${total.toFixed(0)} ms sampled; profile at ${path.relative(repo, file)}\n`,
    );
    console.log('| self ms | % | function |\n|---:|---:|---|');
    for (const [name, ms] of rows) console.log(`| ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)} | ${name} |`);
  }
}
