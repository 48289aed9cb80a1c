import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, eventually, row, rows } from '../helpers';

const SOFT = [
  'Logical thinking',
  'Communication',
  'Teamwork',
  'Prioritisation',
  'Willingness to learn',
  'Attention to detail',
  'Negotiation',
];

describe('Soft skills group', function () {
  it('comes after the tiers, with one row per soft skill and none shown as missing', async () => {
    const api = await activeApi();
    const group = (await rows(api))[2];
    assert.strictEqual(group.label, 'Soft skills');
    assert.match(group.description, /^0 of 7 marked done$/);
    assert.strictEqual(group.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const soft = await rows(api, group.node);
    assert.deepStrictEqual(
      soft.map((r) => r.label),
      SOFT,
    );
    for (const r of soft) {
      assert.doesNotMatch(r.description, /not shown yet|missing/, `${r.label}: ${r.description}`);
      assert.notStrictEqual(r.icon, 'circle-outline');
      assert.match(r.item.contextValue ?? '', /^softSkill\.unmarked$/);
    }
    assert.strictEqual(soft.find((r) => r.label === 'Teamwork')!.description, 'not detectable from code');
  });

  it('shows the workspace signals as hints: ESLint in package.json for attention to detail', async () => {
    const api = await activeApi();
    const detail = await row(api, ['Soft skills', 'Attention to detail']);
    assert.match(detail.description, /^signals: Linter/);
    const linter = await row(api, ['Soft skills', 'Attention to detail', 'Linter']);
    const places = await rows(api, linter.node);
    const pkg = places.find((r) => /^package\.json:\d+$/.test(r.label));
    assert.ok(pkg, places.map((r) => r.label).join(', '));
    assert.strictEqual(pkg.description, 'signal');
    assert.strictEqual(pkg.item.command?.command, 'backendSkillMap.openEvidence');
  });

  it('opens a soft skill guidance page from "How to practise"', async () => {
    const api = await activeApi();
    const learn = await row(api, ['Soft skills', 'Communication', 'How to practise']);
    const cmd = learn.item.command!;
    assert.strictEqual(cmd.command, 'backendSkillMap.openGuidance');
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    try {
      assert.ok(api.getOpenGuidance().includes('communication'), api.getOpenGuidance().join(', '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('marks a soft skill done from its row, without changing any count of the 21 skills', async () => {
    const api = await activeApi();
    const before = (await rows(api)).map((r) => r.description);
    const status = api.getStatusText();
    const teamwork = await row(api, ['Soft skills', 'Teamwork']);
    await vscode.commands.executeCommand('backendSkillMap.markDone', teamwork.node);
    try {
      await eventually(async () => {
        const marked = await row(api, ['Soft skills', 'Teamwork']);
        assert.strictEqual(marked.description, '(marked done)');
        assert.strictEqual(marked.icon, 'verified');
        assert.strictEqual(marked.item.contextValue, 'softSkill.done');
      });
      const after = (await rows(api)).map((r) => r.description);
      assert.deepStrictEqual(after.slice(0, 2), before.slice(0, 2), 'Core and Advanced counts unchanged');
      assert.strictEqual(after[2], '1 of 7 marked done');
      assert.strictEqual(api.getStatusText(), status);
      const suggestions = (await vscode.commands.executeCommand('backendSkillMap.suggestNext', { noUi: true })) as { id: string }[];
      assert.ok(!suggestions.some((s) => s.id === 'teamwork'));
    } finally {
      await vscode.commands.executeCommand('backendSkillMap.clearMark', 'teamwork');
    }
    assert.strictEqual((await row(api, ['Soft skills', 'Teamwork'])).description, 'not detectable from code');
  });

  it('is hidden when the tiers setting leaves out "soft"', async () => {
    const api = await activeApi();
    const config = vscode.workspace.getConfiguration('backendSkillMap');
    await config.update('tiers', ['core', 'advanced'], vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () =>
        assert.deepStrictEqual(
          (await rows(api)).map((r) => r.label),
          ['Core', 'Advanced'],
        ),
      );
    } finally {
      await config.update('tiers', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => assert.strictEqual((await rows(api)).length, 3));
  });
});
