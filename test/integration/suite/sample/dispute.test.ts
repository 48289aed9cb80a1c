import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendSkillMapApi } from '../../../../src/extension/api';
import type { TreeNode } from '../../../../src/extension/tree/model';
import { activeApi, eventually, workspaceRoot } from '../helpers';

const config = () => vscode.workspace.getConfiguration('backendSkillMap');

type EvidenceRow = Extract<TreeNode, { kind: 'evidence' }>;

/** Every evidence row of the tree, the way the view would show them once expanded. */
function evidenceRows(api: BackendSkillMapApi): EvidenceRow[] {
  const provider = api.getTreeProvider();
  const out: EvidenceRow[] = [];
  const walk = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'evidence') out.push(n);
      walk(provider.getChildren(n));
    }
  };
  walk(provider.getChildren());
  return out;
}

function evidenceIn(api: BackendSkillMapApi, file: string | RegExp, rule?: string) {
  const hit = (f: string) => (typeof file === 'string' ? f === file : file.test(f));
  return api.getSkillMap()!.skills.flatMap((s) => s.evidence.filter((e) => hit(e.file) && (!rule || e.rule === rule)));
}

/** Runs a command with a scope given, so that no quick pick waits for an answer; then clears the setting. */
async function withSetting(key: 'exclude' | 'dismissed', body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

describe('Disputing the map: Exclude from skill map and Not evidence', function () {
  it('Not evidence on an evidence row drops that rule in that file, and clearing the setting brings it back', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const target = evidenceRows(api).find((n) => n.evidence.file === 'package.json' && n.evidence.rule === 'databases/postgres-npm');
    assert.ok(target, 'the tree shows PostgreSQL in package.json');
    const others = evidenceIn(api, 'package.json').filter((e) => e.rule !== target.evidence.rule).length;
    assert.ok(others > 0, 'package.json proves other skills too');
    await withSetting('dismissed', async () => {
      const entry = await vscode.commands.executeCommand<string>('backendSkillMap.notEvidence', target, undefined, 'user');
      assert.strictEqual(entry, 'databases/postgres-npm in package.json');
      assert.deepStrictEqual(config().inspect('dismissed')?.globalValue, [entry], 'written to the user settings only');
      assert.strictEqual(config().inspect('dismissed')?.workspaceValue, undefined);
      await eventually(async () => {
        await api.whenScanned();
        assert.deepStrictEqual(evidenceIn(api, 'package.json', target.evidence.rule), [], 'gone from the map');
      });
      assert.ok(
        !evidenceRows(api).some((n) => n.evidence.file === 'package.json' && n.evidence.rule === target.evidence.rule),
        'and from the tree',
      );
      assert.strictEqual(evidenceIn(api, 'package.json').length, others, "the file's other evidence stays");
      const again = await vscode.commands.executeCommand<string>('backendSkillMap.notEvidence', target, undefined, 'user');
      assert.strictEqual(again, entry);
      assert.deepStrictEqual(config().inspect('dismissed')?.globalValue, [entry], 'not written twice');
    });
    await eventually(async () => {
      await api.whenScanned();
      assert.strictEqual(evidenceIn(api, 'package.json', target.evidence.rule).length, 1, 'back once the setting is cleared');
    });
  });

  it('Exclude from skill map on an evidence row leaves that file out, and clearing the setting brings it back', async function () {
    this.timeout(30000);
    const api = await activeApi();
    const target = evidenceRows(api).find((n) => n.evidence.file === 'docker-compose.yml');
    assert.ok(target, 'the tree shows evidence in docker-compose.yml');
    await withSetting('exclude', async () => {
      const glob = await vscode.commands.executeCommand<string>('backendSkillMap.excludeFromMap', target, undefined, 'user');
      assert.strictEqual(glob, 'docker-compose.yml');
      assert.deepStrictEqual(config().inspect('exclude')?.globalValue, ['docker-compose.yml']);
      await eventually(async () => {
        await api.whenScanned();
        assert.deepStrictEqual(evidenceIn(api, 'docker-compose.yml'), []);
      });
      assert.ok(!evidenceRows(api).some((n) => n.evidence.file === 'docker-compose.yml'));
      assert.ok(evidenceIn(api, 'package.json').length > 0, 'other files stay');
    });
    await eventually(async () => {
      await api.whenScanned();
      assert.ok(evidenceIn(api, 'docker-compose.yml').length > 0, 'back once the setting is cleared');
    });
  });

  it('Exclude from skill map on a folder of the Explorer leaves out what it holds', async function () {
    this.timeout(30000);
    const api = await activeApi();
    assert.ok(evidenceIn(api, /^src\//).length > 0, 'src/ holds evidence');
    await withSetting('exclude', async () => {
      const folder = vscode.Uri.joinPath(workspaceRoot(), 'src');
      const glob = await vscode.commands.executeCommand<string>('backendSkillMap.excludeFromMap', folder, [folder], 'user');
      assert.strictEqual(glob, 'src/**');
      await eventually(async () => {
        await api.whenScanned();
        assert.deepStrictEqual(evidenceIn(api, /^src\//), []);
      });
    });
    await eventually(async () => {
      await api.whenScanned();
      assert.ok(evidenceIn(api, /^src\//).length > 0, 'back once the setting is cleared');
    });
  });

  it('refuses what it cannot act on, writing nothing', async function () {
    const api = await activeApi();
    assert.strictEqual(
      await vscode.commands.executeCommand('backendSkillMap.notEvidence', { kind: 'skill' }, undefined, 'user'),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('backendSkillMap.excludeFromMap', workspaceRoot(), undefined, 'user'),
      undefined,
    );
    assert.ok(api.getSkillMap());
    assert.strictEqual(config().inspect('exclude')?.globalValue, undefined);
    assert.strictEqual(config().inspect('dismissed')?.globalValue, undefined);
  });
});
