import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, hoverText, lineOf, workspaceRoot } from '../helpers';

describe('Hover hints', function () {
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
    assert.deepStrictEqual(
      hoverText(hovers).filter((t) => t.includes('Backend Skill Map')),
      [],
    );
  });
});
