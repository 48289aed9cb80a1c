import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, eventually, row, rows } from '../helpers';

describe('Skills view', function () {
  it('shows the Core and Advanced tiers with how many skills are practised', async () => {
    const api = await activeApi();
    const top = await rows(api);
    assert.deepStrictEqual(
      top.map((r) => r.label),
      ['Core', 'Advanced', 'Soft skills'],
    );
    assert.match(top[0].description, /^\d+ of 13 practised$/);
    assert.match(top[1].description, /^\d+ of 8 practised$/);
    assert.strictEqual(top[0].item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const practisedCore = Number(/^(\d+)/.exec(top[0].description)![1]);
    assert.ok(practisedCore >= 2, `the fixture practises at least two core skills, got ${top[0].description}`);
  });

  it('lists the skills with a status icon and the technologies found', async () => {
    const api = await activeApi();
    const core = await rows(api, (await row(api, ['Core'])).node);
    assert.strictEqual(core.length, 13);
    const db = core.find((r) => r.label === 'Databases');
    assert.ok(db, 'Databases row');
    assert.match(db.description, /PostgreSQL/);
    assert.strictEqual(db.icon, 'pass-filled');
    assert.strictEqual(db.iconColor, 'testing.iconPassed');
    assert.match(db.item.contextValue ?? '', /^skill\.unmarked\.practised$/);
    const tooltip = db.item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Learning time: 2/);

    const advanced = await rows(api, (await row(api, ['Advanced'])).node);
    assert.strictEqual(advanced.length, 8);
    const caching = advanced.find((r) => r.label === 'Advanced caching strategies');
    assert.ok(caching && /Redis/.test(caching.description), `caching row: ${caching?.description}`);
    const missing = [...core, ...advanced].filter((r) => r.icon === 'circle-outline');
    assert.ok(missing.length > 0, 'some skill is not shown by this small fixture');
    for (const m of missing) {
      assert.strictEqual(m.description, 'not shown yet');
      assert.strictEqual(m.iconColor, 'disabledForeground');
      const children = await rows(api, m.node);
      assert.ok(children.some((c) => c.label === 'How to learn' && c.item.command?.command === 'backendSkillMap.openGuidance'));
    }
  });

  it('opens an evidence row at its file and line', async () => {
    const api = await activeApi();
    const tech = await row(api, ['Core', 'Databases', 'PostgreSQL']);
    const evidence = await rows(api, tech.node);
    const pkg = evidence.find((r) => /^package\.json:\d+$/.test(r.label));
    assert.ok(pkg, `a package.json row under PostgreSQL; rows: ${evidence.map((r) => r.label).join(', ')}`);
    const line = Number(pkg.label.split(':')[1]);
    const cmd = pkg.item.command!;
    assert.strictEqual(cmd.command, 'backendSkillMap.openEvidence');
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.ok(editor.document.uri.path.endsWith('/package.json'), editor.document.uri.path);
    assert.strictEqual(editor.selection.start.line, line - 1);
    assert.strictEqual(editor.selection.end.line, line - 1);
    assert.match(editor.document.lineAt(line - 1).text, /"(pg|postgres|pg-promise)"/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows further practice under a skill, ticked where the code shows it', async () => {
    const api = await activeApi();
    const group = await row(api, ['Core', 'Databases', 'Further practice']);
    const items = await rows(api, group.node);
    assert.ok(items.length >= 2);
    for (const i of items) assert.ok(i.icon === 'pass' || i.icon === 'circle-large-outline', `${i.label}: ${i.icon}`);
    assert.match(group.description, /^\d+ of \d+ shown in code$/);
  });

  it('filters to practised skills and back', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('backendSkillMap.filter', 'practised');
    try {
      for (const tier of await rows(api)) {
        for (const s of await rows(api, tier.node))
          assert.ok(['pass-filled', 'verified'].includes(s.icon ?? ''), `${s.label} is shown as ${s.icon}`);
      }
      await vscode.commands.executeCommand('backendSkillMap.filter', 'missing');
      const shown = (await Promise.all((await rows(api)).map((t) => rows(api, t.node)))).flat();
      assert.ok(shown.length > 0 && !shown.some((s) => s.icon === 'pass-filled'));
    } finally {
      await vscode.commands.executeCommand('backendSkillMap.filter', 'all');
    }
    assert.strictEqual((await rows(api, (await row(api, ['Core'])).node)).length, 13);
  });

  it('marks a skill done by hand, shows it apart, and clears the mark', async () => {
    const api = await activeApi();
    const target = (await rows(api, (await row(api, ['Advanced'])).node)).find((r) => r.icon === 'circle-outline');
    assert.ok(target, 'a missing advanced skill');
    const before = (await rows(api))[1].description;
    const id = (target.node as { skillId: string }).skillId;
    await vscode.commands.executeCommand('backendSkillMap.markDone', id);
    try {
      const marked = await row(api, ['Advanced', target.label]);
      assert.match(marked.description, /^\(marked done\)/);
      assert.strictEqual(marked.icon, 'verified');
      const n = (s: string) => Number(/^(\d+)/.exec(s)![1]);
      assert.strictEqual(n((await rows(api))[1].description), n(before) + 1);
      const suggestions = (await vscode.commands.executeCommand('backendSkillMap.suggestNext', { noUi: true })) as { id: string }[];
      assert.ok(!suggestions.some((s) => s.id === id), 'a skill marked done is not suggested');
    } finally {
      await vscode.commands.executeCommand('backendSkillMap.clearMark', id);
    }
    assert.strictEqual((await row(api, ['Advanced', target.label])).description, 'not shown yet');
  });

  it('reveals a skill in the tree', async () => {
    await activeApi();
    const ok = await vscode.commands.executeCommand('backendSkillMap.revealInTree', 'databases');
    assert.strictEqual(ok, true);
  });

  it('shows only the tiers chosen in the settings', async () => {
    const api = await activeApi();
    const config = vscode.workspace.getConfiguration('backendSkillMap');
    await config.update('tiers', ['core'], vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () =>
        assert.deepStrictEqual(
          (await rows(api)).map((r) => r.label),
          ['Core'],
        ),
      );
      assert.match(api.getStatusText(), /Skills \d+\/13$/);
    } finally {
      await config.update('tiers', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () =>
      assert.deepStrictEqual(
        (await rows(api)).map((r) => r.label),
        ['Core', 'Advanced', 'Soft skills'],
      ),
    );
  });

  it('rescans when the exclude setting changes', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const fromManifest = () => api.getSkillMap()!.skills.some((s) => s.evidence.some((e) => e.file === 'package.json'));
    assert.ok(fromManifest());
    const config = vscode.workspace.getConfiguration('backendSkillMap');
    await config.update('exclude', ['package.json'], vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => {
        await api.whenScanned();
        assert.ok(!fromManifest(), 'package.json is no longer read');
      });
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => {
      await api.whenScanned();
      assert.ok(fromManifest(), 'package.json is read again');
    });
  });

  it('counts practised skills in the status bar', async () => {
    const api = await activeApi();
    const map = api.getSkillMap()!;
    const practised = map.skills.filter((s) => s.status === 'practised').length;
    assert.strictEqual(api.getStatusText(), `$(checklist) Skills ${practised}/21`);
  });
});
