import * as assert from 'node:assert';
import type * as vscode from 'vscode';
import { moveMarksToProfile } from '../../../src/extension/profile/syncedMarks';

/** A Memento over a plain object, as the editor's workspace and global states are. */
function memento(values: Record<string, unknown> = {}) {
  return {
    values,
    synced: [] as string[],
    get: (key: string) => values[key],
    update: async (key: string, value: unknown) => void (values[key] = value),
    keys: () => Object.keys(values),
    setKeysForSync(keys: string[]) {
      this.synced = keys;
    },
  };
}

const log = { info: () => undefined } as unknown as vscode.LogOutputChannel;

describe('marks moved to the profile', () => {
  it("moves a workspace's marks to the synced global state once; the profile's mark wins a clash", async () => {
    const workspaceState = memento({ 'backendSkillMap.marks': { caching: 'done', testing: 'skipped', bad: 'maybe' } });
    const globalState = memento({ 'backendSkillMap.marks': { testing: 'done' } });
    const context = { workspaceState, globalState } as unknown as vscode.ExtensionContext;
    assert.strictEqual(await moveMarksToProfile(context, log), 1);
    assert.deepStrictEqual(globalState.values['backendSkillMap.marks'], { caching: 'done', testing: 'done' });
    assert.deepStrictEqual(globalState.synced, ['backendSkillMap.marks']);
    // Once only: a mark cleared in the profile later does not come back from the old workspace copy.
    await globalState.update('backendSkillMap.marks', {});
    assert.strictEqual(await moveMarksToProfile(context, log), 0);
    assert.deepStrictEqual(globalState.values['backendSkillMap.marks'], {});
  });

  it('marks the keys for sync even when there is nothing to move', async () => {
    const globalState = memento();
    const context = { workspaceState: memento(), globalState } as unknown as vscode.ExtensionContext;
    assert.strictEqual(await moveMarksToProfile(context, log), 0);
    assert.deepStrictEqual(globalState.synced, ['backendSkillMap.marks']);
    assert.strictEqual(globalState.values['backendSkillMap.marks'], undefined);
  });
});
