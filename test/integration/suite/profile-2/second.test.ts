// The second workspace, opened in the same window after profile-1/ ran on the sample workspace:
// what the profile remembers across workspaces, forgetting, the timeline, marks and a damaged store.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeApi, eventually, row } from '../helpers';

const FIRST = 'express-postgres-redis';
const SECOND = 'rust-axum';

describe('Profile, second workspace', () => {
  it('still holds the first project, and adds this one: the union, with both projects named', async () => {
    const api = await activeApi();
    await eventually(() =>
      assert.deepStrictEqual(
        Object.values(api.getProfile().store.projects).map((p) => p.name),
        [FIRST],
      ),
    );
    assert.strictEqual(await vscode.commands.executeCommand('backendSkillMap.profile.add'), true);
    const names = Object.values(api.getProfile().store.projects)
      .map((p) => p.name)
      .sort();
    assert.deepStrictEqual(names, [FIRST, SECOND]);
    const skills = api.getProfile().skills;
    const named = (id: string) =>
      skills
        .find((s) => s.id === id)
        ?.projects.map((p) => p.name)
        .sort();
    assert.deepStrictEqual(named('databases'), [FIRST, SECOND], 'shown by both');
    assert.deepStrictEqual(named('caching'), [FIRST], 'only the first shows a cache');
  });

  it('says in Suggest next skill where the profile already shows a skill', async () => {
    const list = (await vscode.commands.executeCommand('backendSkillMap.suggestNext', { noUi: true })) as { id: string; profile: string }[];
    const caching = list.find((s) => s.id === 'caching');
    assert.ok(caching, `caching is suggested here: ${list.map((s) => s.id).join(', ')}`);
    assert.strictEqual(caching.profile, `Your profile: practised in ${FIRST}`);
    // Ranked with the profile: what the first project practises comes after everything else.
    const elsewhere = list.map((s) => s.profile.startsWith('Your profile: practised'));
    assert.ok(elsewhere.indexOf(false) === 0, 'the list still opens on a skill to learn here');
    assert.deepStrictEqual(
      elsewhere,
      [...elsewhere].sort((a, b) => Number(a) - Number(b)),
      JSON.stringify(list.map((s) => [s.id, s.profile])),
    );
  });

  it('shows the marks set in the first workspace', async () => {
    const api = await activeApi();
    assert.match((await row(api, ['Core', 'Message brokers & queues'])).description, /marked done/);
    assert.match((await row(api, ['Soft skills', 'Attention to detail'])).description, /marked done/);
  });

  it('opens the timeline page, whose table lists the skills with dates', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('backendSkillMap.profile.timeline');
    await eventually(() => assert.ok(api.getTimelineHtml()));
    const html = api.getTimelineHtml()!;
    const rows = [...html.matchAll(/<tr data-skill="([^"]+)"><th scope="row">[^<]*<\/th><td>[^<]*<\/td><td>(\d{4}-\d{2}-\d{2})<\/td>/g)];
    const ids = rows.map((m) => m[1]).sort();
    assert.deepStrictEqual(
      ids,
      api
        .getProfile()
        .skills.map((s) => s.id)
        .sort(),
    );
    assert.ok(ids.includes('caching') && ids.includes('databases'));
    for (const [, , date] of rows) assert.ok(Date.parse(date) <= Date.now(), date);
    await eventually(() => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      assert.ok(
        tabs.some((t) => t.label === 'Skills over time' && t.input instanceof vscode.TabInputWebview),
        `tabs: ${JSON.stringify(tabs.map((t) => [t.label, t.input?.constructor?.name]))}`,
      );
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports the whole profile as Markdown: each skill once, with its level, technologies and both projects', async () => {
    // Commit dates and authors arrive after a scan is stored; the two exports compared below must both come after them.
    await (await activeApi()).whenProfileHistorySettled();
    const text = (await vscode.commands.executeCommand('backendSkillMap.profile.exportMarkdown', { noUi: true })) as string;
    assert.match(text, /^## Technical skills across 2 projects$/m);
    assert.match(text, /^_Advanced: practised, with at least half/m, "the workspace export's level legend");
    const db = /^- \*\*Databases\*\* \((Advanced|Intermediate)\): (.*)\n {2}- Shown in (.*)$/m.exec(text);
    assert.ok(db, text);
    assert.ok(db[2].split(', ').includes('PostgreSQL'), db[2]);
    assert.deepStrictEqual(
      db[3]
        .split(', ')
        .map((p) => p.replace(/ \(.*\)$/, ''))
        .sort(),
      [FIRST, SECOND],
    );
    assert.strictEqual(text.match(/^- \*\*Databases\*\*/gm)?.length, 1, 'once');
    assert.match(text, /^- \*\*Advanced caching strategies\*\* \((Advanced|Intermediate)\): Redis\n {2}- Shown in express-postgres-redis/m);
    // Without arguments it opens the same text in a new Markdown editor.
    await vscode.commands.executeCommand('backendSkillMap.profile.exportMarkdown');
    await eventually(() => {
      const doc = vscode.window.activeTextEditor?.document;
      assert.strictEqual(doc?.languageId, 'markdown');
      assert.strictEqual(doc?.getText(), text);
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('forgets a project: its skills and name leave the profile', async () => {
    const api = await activeApi();
    const key = Object.entries(api.getProfile().store.projects).find(([, p]) => p.name === FIRST)![0];
    assert.strictEqual(await vscode.commands.executeCommand('backendSkillMap.profile.forget', key), true);
    assert.deepStrictEqual(
      Object.values(api.getProfile().store.projects).map((p) => p.name),
      [SECOND],
    );
    assert.ok(!api.getProfile().skills.some((s) => s.id === 'caching'));
    assert.ok(api.getProfile().skills.every((s) => s.projects.every((p) => p.name === SECOND)));
  });

  it('exports the store as one JSON file and imports it back', async () => {
    const api = await activeApi();
    const file = vscode.Uri.file(path.join(path.dirname(api.getProfile().place.fsPath), 'exported.json'));
    await vscode.commands.executeCommand('backendSkillMap.profile.export', file);
    await vscode.commands.executeCommand('backendSkillMap.profile.forgetAll', { confirm: false });
    assert.deepStrictEqual(api.getProfile().store.projects, {});
    assert.strictEqual(await vscode.commands.executeCommand('backendSkillMap.profile.import', file), true);
    assert.deepStrictEqual(
      Object.values(api.getProfile().store.projects).map((p) => p.name),
      [SECOND],
    );
  });

  for (const [kind, text] of [
    ['corrupt', '{"format":"backend-skill-map-profile","version":1,"projects":{"k":{"name":'],
    ['newer', '{"format":"backend-skill-map-profile","version":99,"projects":{}}'],
  ] as const) {
    it(`sets a ${kind} store aside with a message, and starts a new one`, async () => {
      const api = await activeApi();
      // A history read still under way from the last test would write over the text planted here.
      await api.whenProfileHistorySettled();
      const place = api.getProfile().place.fsPath;
      const before = api.getProfile().setAside;
      fs.writeFileSync(place, text);
      assert.strictEqual(await vscode.commands.executeCommand('backendSkillMap.profile.add'), true);
      assert.strictEqual(api.getProfile().setAside, before + 1);
      const aside = fs.readdirSync(path.dirname(place)).filter((f) => f.startsWith(`profile.json.${kind}-`));
      assert.strictEqual(aside.length, 1, `set aside: ${aside.join(', ')}`);
      assert.strictEqual(fs.readFileSync(path.join(path.dirname(place), aside[0]), 'utf8'), text, 'kept as it was');
      assert.deepStrictEqual(
        Object.values(api.getProfile().store.projects).map((p) => p.name),
        [SECOND],
      );
      assert.deepStrictEqual(Object.keys(JSON.parse(fs.readFileSync(place, 'utf8')).projects).length, 1);
    });
  }
});
