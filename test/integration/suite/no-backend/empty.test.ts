import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID, rows, stateAfterFirstScan } from '../helpers';

describe('A folder with no backend evidence', function () {
  it('does not start the extension until its view is opened (no manifest or config to read)', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // Time enough for the editor to have looked for the files that start it.
    await new Promise((r) => setTimeout(r, 3000));
    assert.strictEqual(ext.isActive, false);
  });

  it('shows the welcome content instead of an empty tree, and still suggests where to start', async function () {
    const api = await activeApi();
    await api.whenScanned();
    assert.strictEqual(stateAfterFirstScan(), 'empty');
    assert.strictEqual(api.getState(), 'empty');
    assert.deepStrictEqual(await rows(api), []);
    assert.strictEqual(api.getStatus(), undefined, 'no status bar item without evidence');
    const list = (await vscode.commands.executeCommand('backendSkillMap.suggestNext', { noUi: true })) as { id: string }[];
    assert.strictEqual(list[0]?.id, 'programming-languages');
  });
});
