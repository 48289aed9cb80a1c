import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, fileEventsFlowing, onMainFixture, eventually, hoverText, lineOf, row, rows, workspaceRoot } from './helpers';

const singleRoot = () => (vscode.workspace.workspaceFolders?.length ?? 0) === 1;

describe('Hover hints', function () {
  before(function () {
    if (!onMainFixture()) this.skip();
  });

  it('on a dependency line of package.json: technology, skill, status, rule and links', async () => {
    await activeApi();
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'package.json');
    const line = await lineOf(uri, /"pg"\s*:/);
    const doc = await vscode.workspace.openTextDocument(uri);
    const col = doc.lineAt(line).text.indexOf('"pg"') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col));
    const ours = hoverText(hovers).filter((t) => t.includes('Backend Skill Map'));
    assert.strictEqual(ours.length, 1, `hovers: ${JSON.stringify(hoverText(hovers))}`);
    const text = ours[0];
    assert.match(text, /\*\*PostgreSQL\*\* proves \*\*Databases\*\*/);
    assert.match(text, /practised/);
    assert.match(text, /rule `databases\/postgres-npm`/);
    assert.match(text, /command:backendSkillMap\.openGuidance\?/);
    assert.match(text, /command:backendSkillMap\.revealInTree\?/);
  });

  it('says nothing on a line that proves nothing', async () => {
    await activeApi();
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'package.json');
    const line = await lineOf(uri, /"name"\s*:/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 4));
    assert.deepStrictEqual(hoverText(hovers).filter((t) => t.includes('Backend Skill Map')), []);
  });
});

describe('Suggest next skill', function () {
  before(function () {
    if (!onMainFixture()) this.skip();
  });

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
    const practised = new Set(api.getSkillMap()!.skills.filter((s) => s.status === 'practised').map((s) => s.id));
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

describe('Live updates', function () {
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), 'tmp-live');
  before(async function () {
    if (!singleRoot()) this.skip();
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
    await vscode.workspace.fs.writeFile(file, Buffer.from('FROM alpine:3.20\n'));
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
