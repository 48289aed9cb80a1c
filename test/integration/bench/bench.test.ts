/**
 * Measures the extension inside a real extension host on a generated workspace and writes the
 * figures as JSON to BSM_BENCH_OUT. It asserts no targets: the driver (test/bench/editor-bench.mjs)
 * prints them. A step fails only when it cannot measure (no extension, catalogue error, no evidence).
 *
 * Environment:
 *   BSM_BENCH_OUT        where to write the JSON (required)
 *   BSM_BENCH_MANIFEST   workspace-relative package.json with "ioredis" among its dependencies
 *   BSM_BENCH_RUNS       repetitions of the full rescan and of each edit (default 3)
 *   BSM_BENCH_PROFILE    optional .cpuprofile path: profiles one full rescan there, and the first
 *                        tree (from the view opening) beside it as *.first.cpuprofile
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as v8 from 'v8';
import * as vm from 'vm';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { BackendSkillMapApi } from '../../../src/extension/api';
import type { TreeNode } from '../../../src/extension/tree/model';

const EXTENSION_ID = 'backend-skill-map.backend-skill-map';
const OUT = process.env.BSM_BENCH_OUT ?? '';
const MANIFEST = process.env.BSM_BENCH_MANIFEST ?? '';
const RUNS = Math.max(1, Number(process.env.BSM_BENCH_RUNS ?? 3) || 3);
const PROFILE = process.env.BSM_BENCH_PROFILE ?? '';
const CACHING = 'caching';

const results: Record<string, unknown> = { runs: RUNS };
const save = () => OUT && fs.writeFileSync(OUT, JSON.stringify(results, null, 2));
const round = (ms: number) => Math.round(ms * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The host's heap after a full collection: what stays, garbage aside (the bench may ask V8 for gc). */
function retainedHeapMb(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  return mb(process.memoryUsage().heapUsed);
}

/** Watches the event loop: a 10 ms interval's drift and Node's own delay histogram. */
function loopWatch() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = performance.now();
  let maxDrift = 0;
  let over50 = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const drift = now - last - 10;
    if (drift > maxDrift) maxDrift = drift;
    if (drift > 50) over50++;
    last = now;
  }, 10);
  return () => {
    clearInterval(timer);
    histogram.disable();
    return {
      maxDriftMs: round(maxDrift),
      histogramMaxMs: round(histogram.max / 1e6),
      p99Ms: round(histogram.percentile(99) / 1e6),
      slicesOver50ms: over50,
    };
  };
}

/** The skill rows, read the way the view reads them (roots, then each tier's children, as TreeItems). */
function skillRows(api: BackendSkillMapApi): number {
  const provider = api.getTreeProvider();
  let count = 0;
  for (const tier of (provider.getChildren() ?? []) as TreeNode[]) {
    provider.getTreeItem(tier);
    for (const node of (provider.getChildren(tier) ?? []) as TreeNode[]) {
      provider.getTreeItem(node);
      if (node.kind === 'skill') count++;
    }
  }
  return count;
}

function manifestProves(api: BackendSkillMapApi): boolean {
  const skill = api.getSkillMap()?.skills.find((s) => s.id === CACHING);
  return !!skill?.evidence.some((e) => e.file === MANIFEST);
}

/** Polls (2 ms) until the map says `want`; milliseconds from `start`. */
async function until(api: BackendSkillMapApi, want: boolean, start: number, limitMs = 10000): Promise<number> {
  while (manifestProves(api) !== want) {
    if (performance.now() - start > limitMs) throw new Error(`the map did not reflect the edit within ${limitMs} ms`);
    await sleep(2);
  }
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs: number[]) => ({ medianMs: round(median(xs)), maxMs: round(Math.max(...xs)), samples: xs.map(round) });

async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

describe('editor benchmark', function () {
  let api: BackendSkillMapApi;
  const suiteLoop = loopWatch();

  after(save);

  it('opens the view and waits for the first complete tree', async () => {
    assert.ok(OUT, 'BSM_BENCH_OUT is set');
    const ext = vscode.extensions.getExtension<BackendSkillMapApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    results.activeBeforeFocus = ext.isActive;
    let tFocus = 0;
    let tActive = 0;
    let rows = 0;
    const t0 = performance.now();
    const open = async () => {
      await vscode.commands.executeCommand('backendSkillMap.skills.focus');
      tFocus = performance.now();
      api = ext.isActive ? ext.exports : await ext.activate();
      tActive = performance.now();
      await api.whenScanned();
      rows = skillRows(api);
    };
    await (PROFILE ? profiled(PROFILE.replace(/(\.cpuprofile)?$/, '.first.cpuprofile'), open) : open());
    const tTree = performance.now();
    const first = suiteLoop();
    results.activationMs = round(api.activationMs);
    results.state = api.getState();
    results.firstTree = {
      focusCommandMs: round(tFocus - t0),
      activeAfterMs: round(tActive - t0),
      completeTreeMs: round(tTree - t0),
      skillRows: rows,
      eventLoop: first,
    };
    const map = api.getSkillMap();
    results.filesListed = map?.stats.files;
    results.practised = map?.skills.filter((s) => s.status === 'practised').length;
    results.rssAfterFirstScanMb = mb(process.memoryUsage().rss);
    results.heapUsedAfterFirstScanMb = mb(process.memoryUsage().heapUsed);
    results.retainedHeapAfterFirstScanMb = retainedHeapMb();
    save();
    assert.notStrictEqual(api.getState(), 'error', 'the skill catalogue loaded (state is not "error")');
    assert.ok(rows > 0, 'the tree shows skill rows');
  });

  it('times full rescans (Refresh) with the event loop watched', async () => {
    const times: number[] = [];
    const loops: ReturnType<ReturnType<typeof loopWatch>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      await sleep(200);
      const stop = loopWatch();
      const t0 = performance.now();
      await vscode.commands.executeCommand('backendSkillMap.refresh');
      await api.whenScanned();
      skillRows(api);
      times.push(performance.now() - t0);
      loops.push(stop());
    }
    results.rescan = {
      ...summary(times),
      eventLoop: {
        maxDriftMs: Math.max(...loops.map((l) => l.maxDriftMs)),
        histogramMaxMs: Math.max(...loops.map((l) => l.histogramMaxMs)),
        p99Ms: Math.max(...loops.map((l) => l.p99Ms)),
        slicesOver50ms: loops.reduce((n, l) => n + l.slicesOver50ms, 0),
      },
    };
    const mem = process.memoryUsage();
    results.rssAfterRescansMb = mb(mem.rss);
    results.heapUsedAfterRescansMb = mb(mem.heapUsed);
    results.retainedHeapAfterRescansMb = retainedHeapMb();
    save();
    if (PROFILE) {
      await sleep(200);
      await profiled(PROFILE, async () => {
        await vscode.commands.executeCommand('backendSkillMap.refresh');
        await api.whenScanned();
      });
    }
  });

  it('times how soon a running rescan stops when a new one starts', async () => {
    const rescan = results.rescan as { medianMs: number } | undefined;
    // A fifth of a rescan in: a small workspace's scan is over in a few dozen milliseconds.
    const midway = Math.max(10, (rescan?.medianMs ?? 400) * 0.2);
    const stops: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await sleep(200);
      let firstDone = 0;
      const first = Promise.resolve(vscode.commands.executeCommand('backendSkillMap.refresh')).then(() => {
        firstDone = performance.now();
      });
      await sleep(midway);
      const t0 = performance.now();
      const second = vscode.commands.executeCommand('backendSkillMap.refresh');
      await first;
      if (firstDone > t0) stops.push(firstDone - t0); // else it had finished already: nothing to cancel
      await second;
      await api.whenScanned();
      assert.ok(manifestProves(api) || !MANIFEST, 'the map after the newer scan is complete');
    }
    results.cancel = stops.length
      ? { afterMs: round(midway), finishedFirst: RUNS - stops.length, ...summary(stops) }
      : { afterMs: round(midway), finishedFirst: RUNS };
    save();
  });

  it('times a manifest edit until the map reflects it', async function () {
    if (!MANIFEST) this.skip();
    const root = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(root, ...MANIFEST.split('/'));
    const original = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
    assert.ok(manifestProves(api), `${MANIFEST} proves caching before the edit`);
    const withoutRedis = () => {
      const copy = structuredClone(original);
      delete copy.dependencies.ioredis;
      return JSON.stringify(copy, null, 2) + '\n';
    };
    const withRedis = () => {
      const copy = structuredClone(original);
      delete copy.dependencies.ioredis;
      copy.dependencies.ioredis = '^5';
      return JSON.stringify(copy, null, 2) + '\n';
    };

    // Settles between edits: late file events for the previous edit must not land in the next timing.
    const settle = async () => {
      await sleep(400);
      await api.whenScanned();
    };

    const viaFs = { remove: [] as number[], add: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      for (const [kind, text, want] of [
        ['remove', withoutRedis(), false],
        ['add', withRedis(), true],
      ] as const) {
        const t0 = performance.now();
        await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
        viaFs[kind].push(await until(api, want, t0));
        await settle();
      }
    }

    const viaSave = { remove: [] as number[], add: [] as number[] };
    const doc = await vscode.workspace.openTextDocument(uri);
    for (let i = 0; i < RUNS; i++) {
      for (const [kind, text, want] of [
        ['remove', withoutRedis(), false],
        ['add', withRedis(), true],
      ] as const) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
        const t0 = performance.now();
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
        assert.ok(await doc.save(), 'the document saved');
        viaSave[kind].push(await until(api, want, t0));
        await settle();
      }
    }
    results.edit = {
      manifest: MANIFEST,
      fsWriteFile: { remove: summary(viaFs.remove), add: summary(viaFs.add) },
      editAndSave: { remove: summary(viaSave.remove), add: summary(viaSave.add) },
    };
    results.rssAtEndMb = mb(process.memoryUsage().rss);
    save();
  });
});
