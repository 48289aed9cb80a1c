import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendSkillMapApi } from '../../../../src/extension/api';
import { activeApi, eventually } from '../helpers';

const VIEW_TYPE = 'backendSkillMap.guidance';

/** A skill this fixture does not show, so that marking it changes its page. */
function missingSkill(api: BackendSkillMapApi): { id: string; title: string } {
  const skill = api.getSkillMap()!.skills.find((s) => s.status === 'missing');
  assert.ok(skill, 'a skill the fixture does not show');
  return skill;
}

describe('Guidance page', function () {
  this.timeout(30000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('changes in place when its content changes: no new HTML, the page patched', async () => {
    const api = await activeApi();
    const { id } = missingSkill(api);
    await vscode.commands.executeCommand('backendSkillMap.openGuidance', id);
    // The page's script reports what it shows once loaded.
    await eventually(() => assert.strictEqual(api.probeGuidance(id)?.shownStatus, 'Not shown in this workspace yet'), 15000);
    const html = api.probeGuidance(id)!.html;
    await vscode.commands.executeCommand('backendSkillMap.markDone', id);
    try {
      await eventually(() => {
        const page = api.probeGuidance(id)!;
        assert.ok(page.sent >= 1, 'an update was sent');
        assert.strictEqual(page.applied, page.sent, 'the page applied it');
        assert.strictEqual(page.shownStatus, 'Marked done by you');
      });
      const page = api.probeGuidance(id)!;
      assert.strictEqual(page.html, html, 'the page was not re-rendered');
      assert.match(page.sections.find((s) => s.id === 'header')!.html, /Clear mark/);

      // A new map with the same content for this skill sends nothing.
      const sent = page.sent;
      await vscode.commands.executeCommand('backendSkillMap.refresh');
      await api.whenScanned();
      assert.strictEqual(api.probeGuidance(id)!.sent, sent);
      assert.strictEqual(api.probeGuidance(id)!.html, html);
    } finally {
      await vscode.commands.executeCommand('backendSkillMap.clearMark', id);
    }
    await eventually(() => assert.strictEqual(api.probeGuidance(id)?.shownStatus, 'Not shown in this workspace yet'));
    assert.strictEqual(api.probeGuidance(id)!.html, html);
  });

  it('patches a soft skill page in place too when it is marked done', async () => {
    const api = await activeApi();
    const id = 'teamwork';
    await vscode.commands.executeCommand('backendSkillMap.openGuidance', id);
    await eventually(() => assert.match(api.probeGuidance(id)?.shownStatus ?? '', /^No code proves a soft skill/), 15000);
    const html = api.probeGuidance(id)!.html;
    await vscode.commands.executeCommand('backendSkillMap.markDone', id);
    try {
      await eventually(() => {
        const page = api.probeGuidance(id)!;
        assert.ok(page.sent >= 1, 'an update was sent');
        assert.strictEqual(page.applied, page.sent, 'the page applied it');
        assert.strictEqual(page.shownStatus, 'Marked done by you');
      });
      assert.strictEqual(api.probeGuidance(id)!.html, html, 'the page was not re-rendered');
    } finally {
      await vscode.commands.executeCommand('backendSkillMap.clearMark', id);
    }
  });

  it('gets new HTML while hidden, since the editor reloads it when shown', async () => {
    const api = await activeApi();
    const { id } = missingSkill(api);
    await vscode.commands.executeCommand('backendSkillMap.openGuidance', id);
    const html = api.probeGuidance(id)!.html;
    const folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'package.json'), { viewColumn: vscode.ViewColumn.Active });
    await vscode.commands.executeCommand('backendSkillMap.markSkipped', id);
    try {
      await eventually(() => {
        const page = api.probeGuidance(id)!;
        assert.notStrictEqual(page.html, html);
        assert.match(page.html, /Skipped by you/);
      });
    } finally {
      await vscode.commands.executeCommand('backendSkillMap.clearMark', id);
    }
  });

  it('comes back after a window reload: the serializer restores the skill its state names', async () => {
    const api = await activeApi();
    const { id, title } = missingSkill(api);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
    await api.restoreGuidance(panel, { skillId: id, scrollY: 120 });
    assert.ok(api.getOpenGuidance().includes(id));
    assert.strictEqual(panel.title, title);
    assert.strictEqual(panel.webview.options.enableScripts, true);
    const icon = panel.iconPath as { light: vscode.Uri; dark: vscode.Uri };
    assert.ok(icon.light.path.endsWith('/media/guidance-light.svg') && icon.dark.path.endsWith('/media/guidance-dark.svg'));
    assert.match(api.probeGuidance(id)!.html, new RegExp(`data-skill="${id}"`));
    await eventually(() => assert.strictEqual(api.probeGuidance(id)?.shownStatus, 'Not shown in this workspace yet'), 15000);
    // Opening the skill again shows the restored page, not a second one.
    await vscode.commands.executeCommand('backendSkillMap.openGuidance', id);
    assert.strictEqual(api.getOpenGuidance().filter((s) => s === id).length, 1);
  });

  it('closes a restored page whose state names no known skill', async () => {
    const api = await activeApi();
    for (const state of [{ skillId: 'no-such-skill' }, undefined, 'junk']) {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
      let disposed = false;
      panel.onDidDispose(() => (disposed = true));
      await api.restoreGuidance(panel, state);
      assert.ok(disposed, `closed for state ${JSON.stringify(state)}`);
    }
  });
});
