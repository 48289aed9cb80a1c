import * as assert from 'assert';
import { activeApi, row, rows } from '../helpers';

describe('Accessible names', function () {
  it("says a skill row's status, shown only by its icon, with its technologies", async () => {
    const api = await activeApi();
    const db = await row(api, ['Core', 'Databases']);
    const technologies = (await rows(api, db.node)).filter((r) => r.node.kind === 'technology').map((r) => r.label);
    assert.ok(technologies.includes('PostgreSQL'), technologies.join(', '));
    assert.deepStrictEqual(db.item.accessibilityInformation, {
      label: `Databases, practised, ${technologies.join(', ')}`,
      role: 'treeitem',
    });
    const core = await rows(api, (await row(api, ['Core'])).node);
    const missing = core.find((r) => r.icon === 'circle-outline');
    assert.ok(missing, 'a skill the fixture does not show');
    assert.strictEqual(missing.item.accessibilityInformation?.label, `${missing.label}, not shown yet`);
  });

  it('says whether practice items are ticked and evidence is strong or weak', async () => {
    const api = await activeApi();
    for (const item of await rows(api, (await row(api, ['Core', 'Databases', 'Further practice'])).node)) {
      const said = item.item.accessibilityInformation?.label ?? '';
      assert.strictEqual(said, `${item.label}, ${item.icon === 'pass' ? 'shown in code' : 'not shown in code yet'}`);
    }
    for (const ev of await rows(api, (await row(api, ['Core', 'Databases', 'PostgreSQL'])).node)) {
      const weak = ev.description.split(' · ').includes('weak');
      assert.strictEqual(ev.item.accessibilityInformation?.label, `${ev.label}, ${weak ? 'weak' : 'strong'} evidence`);
    }
  });

  it('says the status bar item in words', async () => {
    const api = await activeApi();
    const shown = api.getSkillMap()!.skills;
    const practised = shown.filter((s) => s.status === 'practised').length;
    assert.strictEqual(api.getStatusAccessibleLabel(), `${practised} of ${shown.length} backend skills practised`);
  });
});
