import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, eventually, hoverText, lineOf, workspaceRoot } from '../helpers';

const config = () => vscode.workspace.getConfiguration('backendSkillMap');

async function ourHovers(): Promise<string[]> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'package.json');
  const line = await lineOf(uri, /"pg"\s*:/);
  const col = (await vscode.workspace.openTextDocument(uri)).lineAt(line).text.indexOf('"pg"') + 2;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col));
  return hoverText(hovers).filter((t) => t.includes('Backend Skill Map'));
}

describe('Settings that switch parts on and off', function () {
  it('the include setting narrows the map to the globs it names, and lifting it widens it again', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const files = () => new Set(api.getSkillMap()!.skills.flatMap((s) => s.evidence.map((e) => e.file)));
    assert.ok(files().has('package.json') && files().has('docker-compose.yml'));
    await config().update('include', ['src', 'docker-compose.yml'], vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => {
        await api.whenScanned();
        const now = [...files()];
        assert.ok(now.includes('docker-compose.yml'), 'the named file is read');
        assert.ok(
          now.some((f) => f.startsWith('src/')),
          'the named folder is read',
        );
        assert.deepStrictEqual(
          now.filter((f) => f !== 'docker-compose.yml' && !f.startsWith('src/') && f !== '.git/HEAD'),
          [],
          'nothing else is',
        );
      });
    } finally {
      await config().update('include', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => {
      await api.whenScanned();
      assert.ok(files().has('package.json'), 'package.json is read again');
    });
  });

  it('the status bar says what it counts, reveals the view, and hides when switched off', async function () {
    this.timeout(20000);
    const api = await activeApi();
    const map = api.getSkillMap()!;
    const practised = map.skills.filter((s) => s.status === 'practised').length;
    const status = api.getStatus();
    assert.ok(status, 'shown while the map has evidence');
    assert.strictEqual(status.label, `${practised} of 21 backend skills practised`);
    assert.strictEqual(status.command, 'backendSkillMap.skills.focus');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand(status.command);
    await config().update('statusBar', false, vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => assert.strictEqual(api.getStatus(), undefined));
    } finally {
      await config().update('statusBar', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(() => assert.strictEqual(api.getStatus()?.label, status.label));
  });

  it('hovers are unregistered and registered again as the setting changes', async function () {
    this.timeout(20000);
    await activeApi();
    assert.strictEqual((await ourHovers()).length, 1);
    await config().update('hovers', false, vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => assert.deepStrictEqual(await ourHovers(), []));
    } finally {
      await config().update('hovers', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => assert.strictEqual((await ourHovers()).length, 1));
  });
});
