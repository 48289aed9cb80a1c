import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, fileEventsFlowing, eventually, row, rows, workspaceRoot } from '../helpers';

describe('Live updates', function () {
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), 'tmp-live');
  before(async function () {
    this.timeout(30000);
    await fileEventsFlowing(workspaceRoot());
  });
  after(async function () {
    this.timeout(15000);
    try {
      await vscode.workspace.fs.delete(dir(), { recursive: true, useTrash: false });
    } catch {
      // already gone
    }
    // Leave the map as the fixture made it, for the suites that follow.
    const api = await activeApi();
    await eventually(() =>
      assert.ok(!api.getSkillMap()?.skills.some((s) => s.evidence.some((e) => e.file.startsWith('tmp-live/'))), 'tmp-live evidence gone'),
    );
  });

  it('adds evidence when a file is created and removes it when the file is deleted', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const file = vscode.Uri.joinPath(dir(), 'requirements.txt');
    const has = () => api.getSkillMap()!.skills.some((s) => s.evidence.some((e) => e.file === 'tmp-live/requirements.txt'));
    assert.strictEqual(has(), false);
    await vscode.workspace.fs.writeFile(file, Buffer.from('django-redis==5.4.0\n'));
    await eventually(async () => {
      assert.ok(has(), 'evidence from the new file');
      const caching = await row(api, ['Advanced', 'Advanced caching strategies', 'Redis']);
      assert.ok((await rows(api, caching.node)).some((r) => r.label === 'tmp-live/requirements.txt:1'));
    });
    await vscode.workspace.fs.delete(dir(), { recursive: true, useTrash: false });
    await eventually(() => assert.strictEqual(has(), false, 'evidence gone with the file'));
  });

  it('re-reads a saved document', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const file = vscode.Uri.joinPath(dir(), 'Dockerfile');
    await vscode.workspace.fs.writeFile(file, Buffer.from('FROM alpine:3.20\nCMD ["sh"]\n'));
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'FROM postgres:16\n'));
    await doc.save();
    await eventually(() =>
      assert.ok(api.getSkillMap()!.skills.some((s) => s.evidence.some((e) => e.file === 'tmp-live/Dockerfile' && e.line === 2))),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
