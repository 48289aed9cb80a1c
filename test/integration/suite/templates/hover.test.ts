import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, hoverText, lineOf, workspaceRoot } from '../helpers';

/** Our hover on the first line of a file that matches `pattern`, over `word`. */
async function hoverOn(file: string, pattern: RegExp, word: string): Promise<string[]> {
  await activeApi();
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...file.split('/'));
  const line = await lineOf(uri, pattern);
  const doc = await vscode.workspace.openTextDocument(uri);
  const col = doc.lineAt(line).text.indexOf(word) + 1;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col));
  return hoverText(hovers).filter((t) => t.includes('Backend Skill Map'));
}

describe('YAML kept as templates (config/deploy/production/*.yml.erb)', function () {
  it('an ALB annotation in an ingress template proves load balancing, in the map and in its hover', async () => {
    const api = await activeApi();
    const lb = api.getSkillMap()!.skills.find((s) => s.id === 'load-balancing-ha')!;
    assert.strictEqual(lb.status, 'practised');
    assert.ok(
      lb.evidence.some((e) => e.file === 'config/deploy/production/ingress.yml.erb'),
      JSON.stringify(lb.evidence),
    );
    const ours = await hoverOn('config/deploy/production/ingress.yml.erb', /alb\.ingress\.kubernetes\.io\/scheme/, 'scheme');
    assert.strictEqual(ours.length, 1, JSON.stringify(ours));
    assert.match(ours[0], /\*\*Kubernetes\*\* proves \*\*Load balancing/);
  });

  it('an nginx reverse proxy in a ConfigMap template proves server administration on its line', async () => {
    const ours = await hoverOn('config/deploy/production/nginx-configmap.yml.erb', /proxy_pass/, 'proxy_pass');
    assert.strictEqual(ours.length, 1, JSON.stringify(ours));
    assert.match(ours[0], /\*\*Nginx\*\* proves \*\*Server administration/);
  });
});
