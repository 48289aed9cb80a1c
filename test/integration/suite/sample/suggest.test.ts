import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, eventually } from '../helpers';

describe('Suggest next skill', function () {
  it('returns ranked suggestions, none of them already practised', async () => {
    const api = await activeApi();
    const list = (await vscode.commands.executeCommand('backendSkillMap.suggestNext', { noUi: true })) as {
      id: string;
      title: string;
      learningTime: string;
      reason: string;
      score: number;
    }[];
    assert.ok(Array.isArray(list) && list.length > 0);
    const practised = new Set(
      api
        .getSkillMap()!
        .skills.filter((s) => s.status === 'practised')
        .map((s) => s.id),
    );
    for (const s of list) {
      assert.ok(!practised.has(s.id), `${s.id} is practised already`);
      assert.ok(s.title && s.learningTime && s.reason, JSON.stringify(s));
    }
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].score >= list[i].score, 'ranked by score');
  });

  it('opens the guidance page of a skill', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('backendSkillMap.openGuidance', 'caching');
    await eventually(() => assert.ok(api.getOpenGuidance().includes('caching')));
    await eventually(() => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      assert.ok(
        tabs.some((t) => t.label === 'Advanced caching strategies' && t.input instanceof vscode.TabInputWebview),
        `tabs: ${JSON.stringify(tabs.map((t) => [t.label, t.input?.constructor?.name]))}`,
      );
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports the map as résumé-style Markdown', async () => {
    await activeApi();
    const md = (await vscode.commands.executeCommand('backendSkillMap.exportMarkdown', { noUi: true })) as string;
    assert.match(md, /## Technical skills/);
    assert.match(md, /\*\*Databases\*\*/);
    assert.match(md, /`package\.json:\d+`/);
  });
});
