import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, eventually, fileEventsFlowing, workspaceRoot } from '../helpers';

const untrusted = process.env.BSM_TEST_UNTRUSTED === '1';

describe('Problems in a rule file', function () {
  this.timeout(40000);
  const file = () => vscode.Uri.joinPath(workspaceRoot(), 'rules', 'team-rules.yaml');
  let original: Uint8Array | undefined;

  before(async () => {
    await fileEventsFlowing(workspaceRoot());
    original = await vscode.workspace.fs.readFile(file());
  });
  after(async () => {
    if (original) await vscode.workspace.fs.writeFile(file(), original);
    const api = await activeApi();
    await vscode.commands.executeCommand('backendSkillMap.refresh');
    await api.whenScanned();
    // Leave the map as the rule file makes it, for the suites that follow.
    const caching = api.getSkillMap()!.skills.find((s) => s.id === 'caching')!;
    assert.strictEqual(caching.technologies.includes('HouseCache'), !untrusted);
  });

  const broken = (extra: string) => Buffer.concat([Buffer.from(original!), Buffer.from(`  - id: [unclosed${extra}\n`)]);

  it(
    untrusted ? 'are not announced: the rule file is ignored' : 'are announced once per change of the file, not on every rescan',
    async () => {
      const api = await activeApi();
      const before = api.getRuleProblemNotices();
      await vscode.workspace.fs.writeFile(file(), broken(''));
      await vscode.commands.executeCommand('backendSkillMap.refresh');
      await api.whenScanned();
      if (untrusted) {
        assert.strictEqual(api.getRuleProblemNotices(), before);
        return;
      }
      assert.strictEqual(api.getRuleProblemNotices(), before + 1, 'announced once');
      await vscode.commands.executeCommand('backendSkillMap.refresh');
      await api.whenScanned();
      assert.strictEqual(api.getRuleProblemNotices(), before + 1, 'a rescan of the same file is quiet');
      // A change of the rule file starts a scan by itself, and its problems are announced again.
      await vscode.workspace.fs.writeFile(file(), broken(' again'));
      await eventually(async () => {
        await api.whenScanned();
        assert.strictEqual(api.getRuleProblemNotices(), before + 2, 'announced again after the file changed');
      }, 15000);
    },
  );
});
