import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, row, rows } from '../helpers';

const folders = () => vscode.workspace.workspaceFolders ?? [];

describe('Multi-root workspace', function () {
  it('merges the folders and labels each evidence row with its folder', async () => {
    const api = await activeApi();
    const map = api.getSkillMap()!;
    const names = new Set(folders().map((f) => f.name));
    const labelled = map.skills.flatMap((s) => s.evidence);
    assert.ok(labelled.length > 0, 'some evidence');
    for (const e of labelled) assert.ok(e.folder && names.has(e.folder), `evidence ${e.file} has folder ${e.folder}`);
    const foldersWithEvidence = new Set(labelled.map((e) => e.folder));
    assert.ok(foldersWithEvidence.size >= 2, `evidence from ${[...foldersWithEvidence].join(', ')}`);

    const top = await rows(api);
    assert.deepStrictEqual(
      top.map((r) => r.label),
      ['Core', 'Advanced', 'Soft skills'],
    );
    const practisedSkill = (await rows(api, top[0].node)).find((r) => r.icon === 'pass-filled');
    assert.ok(practisedSkill);
    const tech = (await rows(api, practisedSkill.node))[0];
    const evidence = await rows(api, tech.node);
    assert.ok(evidence.length > 0);
    for (const ev of evidence)
      assert.ok(names.has(ev.description.split(' · ')[0]), `${ev.label} is labelled with its folder: "${ev.description}"`);
  });

  it('opens an evidence row in the right folder', async () => {
    const api = await activeApi();
    const map = api.getSkillMap()!;
    const e = map.skills.flatMap((s) => s.evidence).find((x) => x.folder === folders()[1].name)!;
    assert.ok(e, 'evidence in the second folder');
    const skill = map.skills.find((s) => s.evidence.includes(e))!;
    const tierLabel = skill.tier === 'core' ? 'Core' : 'Advanced';
    const techRow = await row(api, [tierLabel, skill.title, e.technology]);
    const evRow = (await rows(api, techRow.node)).find((r) => r.label === `${e.file}:${e.line}` && r.description.startsWith(e.folder!));
    assert.ok(evRow, `row for ${e.folder}/${e.file}:${e.line}`);
    const cmd = evRow.item.command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    const expected = vscode.Uri.joinPath(folders()[1].uri, ...e.file.split('/'));
    assert.strictEqual(editor.document.uri.toString(), expected.toString());
    assert.strictEqual(editor.selection.start.line, e.line - 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
