import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, hoverText, lineOf, workspaceRoot } from '../helpers';

/** Our hover on the go.mod line that requires `module`, hovering over the module's last path part. */
async function goModHover(module: string, word: string): Promise<string[]> {
  await activeApi();
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'go.mod');
  const line = await lineOf(uri, new RegExp(`^\\s*${module.replace(/[.]/g, '\\.')}\\s`));
  const doc = await vscode.workspace.openTextDocument(uri);
  const col = doc.lineAt(line).text.indexOf(word) + 1;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col));
  return hoverText(hovers).filter((t) => t.includes('Backend Skill Map'));
}

describe('Go requirements: imported by the code, or by tests only', function () {
  it('a module the code imports proves its skill on its go.mod line, as in the map', async () => {
    const api = await activeApi();
    const databases = api.getSkillMap()!.skills.find((s) => s.id === 'databases')!;
    assert.strictEqual(databases.status, 'practised');
    const ours = await goModHover('github.com/jackc/pgx/v5', 'pgx');
    assert.strictEqual(ours.length, 1);
    assert.match(ours[0], /\*\*PostgreSQL\*\* proves \*\*Databases\*\*/);
    assert.doesNotMatch(ours[0], /No code outside tests imports/);
  });

  it('a module only tests import says so on its go.mod line, and proves nothing in the map', async () => {
    const api = await activeApi();
    const brokers = api.getSkillMap()!.skills.find((s) => s.id === 'message-brokers')!;
    assert.notStrictEqual(brokers.status, 'practised');
    assert.ok(!brokers.evidence.some((e) => e.file === 'go.mod'), JSON.stringify(brokers.evidence));
    const ours = await goModHover('github.com/IBM/sarama', 'sarama');
    assert.strictEqual(ours.length, 1, JSON.stringify(ours));
    assert.match(
      ours[0],
      /No code outside tests imports \*\*Apache Kafka\*\* in this workspace: like a test dependency, it proves no skill here\./,
    );
    assert.doesNotMatch(ours[0], /proves \*\*Message brokers/);
  });
});
