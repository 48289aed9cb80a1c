/**
 * The reopen figures of the in-editor benchmark: run twice on the same workspace, user data and port
 * by test/bench/editor-bench.mjs. Phase 1 opens the view, waits for the complete map and writes the
 * scan store; phase 2, a new window on the unchanged workspace, records when the remembered map
 * showed and when the checked, complete map did (both from activation), and what the check read.
 * Phase 3, with scanning off, measures the floor of such a check (see `stampFloor`). It asserts no
 * targets, only that it could measure.
 *
 * Environment: BSM_BENCH_OUT (where to write the JSON), BSM_BENCH_REOPEN (1, 2 or 3),
 * BSM_BENCH_FLOOR_LIST (phase 3: the files to stamp).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import * as vscode from 'vscode';
import type { BackendSkillMapApi } from '../../../src/extension/api';

const EXTENSION_ID = 'backend-skill-map.backend-skill-map';
const OUT = process.env.BSM_BENCH_OUT ?? '';
const PHASE = Number(process.env.BSM_BENCH_REOPEN);
const round = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms * 10) / 10);

/**
 * The floor of any check of an unchanged workspace: one `lstat` per file the store keeps, on a thread
 * of its own, started as the window's extensions start (the list was written by the benchmark before
 * the window opened; reading it stands for reading the store).
 */
function stampFloor(list: string): Promise<{ floorMs: number; floorFiles: number }> {
  const code = `const { parentPort, workerData } = require('worker_threads');
    const fs = require('fs');
    const files = JSON.parse(fs.readFileSync(workerData, 'utf8'));
    for (const f of files) fs.lstatSync(f, { throwIfNoEntry: false });
    parentPort.postMessage(files.length);`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: list });
    worker.once('message', (n: number) => resolve({ floorMs: performance.now() - started, floorFiles: n }));
    worker.once('error', reject);
  });
}

describe(`in-editor benchmark: reopening (phase ${PHASE})`, function () {
  this.timeout(30 * 60 * 1000);

  const title = [
    '',
    'scans the workspace and writes the store',
    'shows the remembered map, then the checked one',
    'stamps the stored files alone (the floor)',
  ];
  it(title[PHASE], async () => {
    assert.ok(OUT, 'BSM_BENCH_OUT is set');
    if (PHASE === 3) {
      const ext = vscode.extensions.getExtension<BackendSkillMapApi>(EXTENSION_ID);
      const startedMs = ext?.isActive ? performance.now() - ext.exports.activatedAt : undefined;
      const floor = await stampFloor(process.env.BSM_BENCH_FLOOR_LIST ?? '');
      fs.writeFileSync(OUT, JSON.stringify({ ...floor, floorStartedMs: round(startedMs) }));
      return;
    }
    const ext = vscode.extensions.getExtension<BackendSkillMapApi>(EXTENSION_ID);
    assert.ok(ext);
    await vscode.commands.executeCommand('backendSkillMap.skills.focus');
    const api = ext.isActive ? ext.exports : await ext.activate();
    await api.whenScanned();
    const map = api.getSkillMap();
    assert.ok(map, 'a map');
    if (PHASE === 1) {
      await api.flushScanStores();
      fs.writeFileSync(OUT, JSON.stringify({ coldCompleteMs: round(api.getFirstCompleteMs()), filesRead: map.stats.filesRead }));
      return;
    }
    const shown = api.getRememberedShown();
    const remembered = shown?.map.skills.map((s) => `${s.id}:${s.status}:${s.evidence.length}`).join();
    const checked = map.skills.map((s) => `${s.id}:${s.status}:${s.evidence.length}`).join();
    fs.writeFileSync(
      OUT,
      JSON.stringify({
        activationMs: round(api.activationMs),
        rememberedShownMs: round(shown?.atMs),
        rememberedReadMs: round(shown?.readMs),
        mark: shown?.mark,
        checkedCompleteMs: round(api.getFirstCompleteMs()),
        checkedCpuMs: round(api.getFirstCompleteCpuMs()),
        filesListed: map.stats.files,
        filesRead: map.stats.filesRead,
        cacheHits: map.stats.cacheHits,
        bytesRead: map.stats.bytesRead,
        sameMap: remembered === checked,
        quickCheck: api.getReopenCheck(),
      }),
    );
  });
});
