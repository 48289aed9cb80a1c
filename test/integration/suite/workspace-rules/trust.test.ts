import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, row, rows } from '../helpers';

const untrusted = process.env.BSM_TEST_UNTRUSTED === '1';

describe('Rule files named by the workspace, trusted and untrusted', function () {
  it(`opens the workspace ${untrusted ? 'untrusted (restricted mode)' : 'trusted'}`, () => {
    assert.strictEqual(vscode.workspace.isTrusted, !untrusted);
  });

  it('still builds the tree from the built-in rules', async () => {
    const api = await activeApi();
    assert.deepStrictEqual(
      (await rows(api)).map((r) => r.label),
      ['Core', 'Advanced', 'Soft skills'],
    );
    const db = await row(api, ['Core', 'Databases']);
    assert.strictEqual(db.icon, 'pass-filled', `Databases row: ${db.description}`);
    assert.match(db.description, /PostgreSQL/);
  });

  it(untrusted ? 'ignores the rule file the workspace settings name' : 'applies the rule file the workspace settings name', async () => {
    const api = await activeApi();
    const caching = api.getSkillMap()!.skills.find((s) => s.id === 'caching')!;
    if (untrusted) {
      assert.strictEqual(caching.status, 'missing', `caching evidence: ${caching.evidence.map((e) => e.rule).join(', ')}`);
      assert.ok(!caching.technologies.includes('HouseCache'));
    } else {
      assert.strictEqual(caching.status, 'practised');
      assert.deepStrictEqual(caching.technologies, ['HouseCache']);
      assert.ok(caching.evidence.some((e) => e.rule === 'caching/house-cache' && e.file === 'package.json' && e.line === 7));
    }
  });
});
