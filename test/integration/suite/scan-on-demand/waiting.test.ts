import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendSkillMapApi } from '../../../../src/extension/api';
import { EXTENSION_ID, eventually } from '../helpers';

// The workspace's settings turn backendSkillMap.scanOnStartup off.
describe('Scanning on start-up switched off', function () {
  it('opening the view scans nothing: it says so and offers Refresh, which scans', async function () {
    this.timeout(30000);
    const ext = vscode.extensions.getExtension<BackendSkillMapApi>(EXTENSION_ID);
    assert.ok(ext);
    assert.strictEqual(vscode.workspace.getConfiguration('backendSkillMap').get('scanOnStartup'), false);
    // The workspace holds package.json: that alone starts the extension, before the view is opened.
    await eventually(() => assert.ok(ext.isActive, 'started by the workspace'), 15000);
    await vscode.commands.executeCommand('backendSkillMap.skills.focus');
    const api = ext.isActive ? ext.exports : await ext.activate();
    await eventually(() => assert.strictEqual(api.getState(), 'waiting'));
    // Time enough for a scan of this small workspace to have started and ended.
    await new Promise((r) => setTimeout(r, 1500));
    assert.strictEqual(api.getState(), 'waiting');
    assert.strictEqual(api.getSkillMap(), undefined);
    assert.strictEqual(api.getStatus(), undefined, 'no status bar item before a scan');
    await vscode.commands.executeCommand('backendSkillMap.refresh');
    assert.strictEqual(api.getState(), 'ready');
    assert.ok(api.getSkillMap()!.skills.some((s) => s.status === 'practised'));
    assert.ok(api.getStatus(), 'the status bar item once the map has evidence');
  });
});
