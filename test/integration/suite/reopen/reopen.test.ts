import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SkillMap } from '../../../../src/core';
import type { BackendSkillMapApi } from '../../../../src/extension/api';
import { EXTENSION_ID, eventually } from '../helpers';

// Run three times on the same copy of the sample, with the same user data (run-tests.js --reopen);
// test/vscode/reopen.js says what changes between the phases, while no window is open.
const PHASE = Number(process.env.BSM_TEST_REOPEN_PHASE);

/** The extension as the workspace started it (its package.json activates it), without asking for a scan. */
async function startedApi(): Promise<BackendSkillMapApi> {
  const ext = vscode.extensions.getExtension<BackendSkillMapApi>(EXTENSION_ID);
  assert.ok(ext);
  await eventually(() => assert.ok(ext.isActive, 'started by the workspace'), 15000);
  return ext.exports;
}

const fromFile = (map: SkillMap, file: string) => map.skills.some((s) => s.evidence.some((e) => e.file === file));
const technologies = (map: SkillMap, skill: string) => map.skills.find((s) => s.id === skill)!.technologies;

describe(`Reopening a workspace (phase ${PHASE})`, function () {
  this.timeout(40000);

  if (PHASE === 1)
    it('a first opening reads every file and leaves a store', async () => {
      const api = await startedApi();
      await api.whenScanned();
      assert.strictEqual(api.getRememberedShown(), undefined, 'nothing to remember yet');
      const map = api.getSkillMap()!;
      assert.ok(map.stats.filesRead! > 5 && map.stats.cacheHits === 0, JSON.stringify(map.stats));
      assert.ok(!technologies(map, 'message-brokers').includes('RabbitMQ'));
      await api.flushScanStores();
    });

  if (PHASE === 2)
    it('with start-up scanning off, shows the remembered map marked as not checked; switching scanning on checks it', async () => {
      const api = await startedApi();
      await eventually(() => assert.strictEqual(api.getRemembered(), 'unchecked'));
      const shown = api.getRememberedShown()!;
      assert.strictEqual(shown.mark, 'unchecked');
      assert.match(api.getTreeMessage() ?? '', /not checked/);
      assert.strictEqual(api.getState(), 'ready', 'the tree shows the remembered map');
      assert.ok(api.getTreeProvider().getChildren().length > 0, 'the tree has rows');
      assert.ok(!technologies(api.getSkillMap()!, 'message-brokers').includes('RabbitMQ'), 'as it was: not read again');
      // No scan starts by itself.
      await new Promise((r) => setTimeout(r, 1500));
      assert.strictEqual(api.getRemembered(), 'unchecked');
      console.log(
        `    remembered map shown ${shown.atMs.toFixed(0)} ms after start (reading and showing it: ${shown.readMs.toFixed(0)} ms)`,
      );

      await vscode.workspace.getConfiguration('backendSkillMap').update('scanOnStartup', true, vscode.ConfigurationTarget.Workspace);
      await eventually(() => assert.strictEqual(api.getRemembered(), undefined, 'checked'));
      await api.whenScanned();
      const map = api.getSkillMap()!;
      assert.ok(technologies(map, 'message-brokers').includes('RabbitMQ'), 'the changed package.json was read');
      assert.strictEqual(api.getTreeMessage(), undefined);
      assert.ok(map.stats.cacheHits! > 5, JSON.stringify(map.stats));
      assert.ok(map.stats.filesRead! <= 2, `only what changed is read: ${JSON.stringify(map.stats)}`);
      const quick = api.getReopenCheck();
      assert.ok(quick && !quick.unchanged, `the quick check found the change: ${JSON.stringify(quick)}`);
      await api.flushScanStores();
    });

  if (PHASE === 3)
    it('shows the remembered map marked as being checked, then the checked map without the file deleted meanwhile', async () => {
      const api = await startedApi();
      await eventually(() => assert.ok(api.getRememberedShown()));
      const shown = api.getRememberedShown()!;
      assert.strictEqual(shown.mark, 'checking');
      assert.ok(technologies(shown.map, 'message-brokers').includes('RabbitMQ'), 'the map the last window left');
      assert.ok(fromFile(shown.map, 'docker-compose.yml'), 'as it was before the deletion');
      await api.whenScanned();
      const map = api.getSkillMap()!;
      assert.ok(!fromFile(map, 'docker-compose.yml'), 'checked: the deleted file is gone');
      assert.ok(technologies(map, 'message-brokers').includes('RabbitMQ'));
      assert.strictEqual(api.getRemembered(), undefined);
      assert.strictEqual(api.getTreeMessage(), undefined);
      // Besides the deletion only .vscode/settings.json changed (rewritten between the runs).
      assert.strictEqual(map.stats.filesRead, 1, `only the changed settings file is read: ${JSON.stringify(map.stats)}`);
      assert.ok(map.stats.cacheHits! > 5, JSON.stringify(map.stats));
      const quick = api.getReopenCheck();
      assert.ok(quick && !quick.unchanged && /changed/.test(quick.why), `the quick check found the deletion: ${JSON.stringify(quick)}`);
      console.log(`    remembered map shown ${shown.atMs.toFixed(0)} ms after start; checked map: ${JSON.stringify(map.stats)}`);
      await api.flushScanStores();
    });

  if (PHASE === 4)
    it('finds nothing changed on a thread of its own, and shows the remembered map as checked before the scan is done', async () => {
      const api = await startedApi();
      await eventually(() => assert.ok(api.getReopenCheck(), 'the quick check answered'), 20000);
      const quick = api.getReopenCheck()!;
      assert.ok(quick.unchanged, `nothing changed: ${JSON.stringify(quick)}`);
      const shown = api.getRememberedShown()!;
      assert.strictEqual(shown.mark, 'checking');
      assert.strictEqual(api.getRemembered(), undefined, 'the map is the checked one');
      assert.strictEqual(api.getTreeMessage(), undefined, 'no "checking" message above the tree');
      assert.ok(api.getTreeProvider().getChildren().length > 0, 'the tree has rows');
      const checkedAt = api.getFirstCompleteMs()!;
      assert.ok(
        checkedAt - quick.atMs < 200,
        `the checked map came with the quick check (${quick.atMs} ms), not the scan (${checkedAt} ms)`,
      );
      await api.whenScanned();
      const map = api.getSkillMap()!;
      assert.strictEqual(map.stats.filesRead, 0, JSON.stringify(map.stats));
      const skills = (m: SkillMap) => m.skills.map((s) => `${s.id}:${s.status}:${s.evidence.length}`).join();
      assert.strictEqual(skills(map), skills(shown.map), 'the scan that followed found the same map');
      console.log(
        `    quick check: nothing changed, ${quick.ms.toFixed(0)} ms on its thread; checked map ${checkedAt.toFixed(0)} ms after start`,
      );
    });
});
