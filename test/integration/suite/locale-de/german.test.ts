import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, eventually, EXTENSION_ID, row, rows } from '../helpers';

// Runs on the sample workspace with the display language set to German.
describe('German display language', function () {
  it('is the language the editor reports', () => {
    assert.strictEqual(vscode.env.language, 'de');
  });

  it('translates the adapter’s words and the engine’s reasons through vscode.l10n', () => {
    assert.strictEqual(vscode.l10n.t('Suggest next skill'), 'Nächste Fähigkeit vorschlagen');
    assert.strictEqual(vscode.l10n.t('{0} of {1} practised', 2, 13), '2 von 13 geübt');
    assert.strictEqual(vscode.l10n.t('Practised: {0} at {1}.', 'Redis', 'package.json:12'), 'Geübt: Redis in package.json:12.');
  });

  it('shows the tree’s rows in German', async () => {
    const api = await activeApi();
    const top = await rows(api);
    assert.deepStrictEqual(
      top.map((r) => r.label),
      ['Grundlagen', 'Fortgeschritten', 'Soft Skills'],
    );
    assert.match(top[0].description, /^\d+ von 13 geübt$/);
    const postgres = await row(api, ['Grundlagen', 'Databases', 'PostgreSQL']);
    assert.match(postgres.description, /^\d+ Stellen?$/);
    const databases = await row(api, ['Grundlagen', 'Databases']);
    assert.match(String((databases.item.tooltip as vscode.MarkdownString).value), /\nGeübt: \w+ in \S+:\d+/);
  });

  it('gives the contributed commands and the view their German titles', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; title: string | { value: string } }[]; views: Record<string, { name: string }[]> };
    };
    // The editor keeps the English title beside the translated one, as { original, value }.
    const title = manifest.contributes.commands.find((c) => c.command === 'backendSkillMap.suggestNext')?.title;
    assert.strictEqual(typeof title === 'string' ? title : title?.value, 'Nächste Fähigkeit vorschlagen');
    assert.strictEqual(manifest.contributes.views.backendSkillMap[0].name, 'Fähigkeiten');
  });

  it('says the status bar’s count in German', async () => {
    const api = await activeApi();
    assert.match(api.getStatus()?.label ?? '', /^\d+ von 21 Backend-Fähigkeiten geübt$/);
  });

  it('writes the guidance page’s own words in German', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const skill = api.getSkillMap()!.skills.find((s) => s.status === 'missing')!;
    await vscode.commands.executeCommand('backendSkillMap.openGuidance', skill.id);
    try {
      await eventually(
        () => assert.strictEqual(api.probeGuidance(skill.id)?.shownStatus, 'In diesem Arbeitsbereich noch nicht gezeigt'),
        15000,
      );
      const html = api.probeGuidance(skill.id)!.html;
      assert.match(html, /<html lang="de">/);
      assert.match(html, /<h2>Wie man es lernt<\/h2>/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
