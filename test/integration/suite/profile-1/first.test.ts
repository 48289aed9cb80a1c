// The first of two workspaces opened one after the other in one window (same user data): the
// profile learns this project here, and the second step (profile-2/) checks what it remembers.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeApi, eventually, row } from '../helpers';

describe('Profile, first workspace', () => {
  it('offers "Add to my profile" once, after the first completed scan', async () => {
    const api = await activeApi();
    await eventually(() => assert.strictEqual(api.getProfileOffers(), 1));
    assert.deepStrictEqual(api.getProfile().store.projects, {}, 'nothing is remembered before the user says so');
    await vscode.commands.executeCommand('backendSkillMap.refresh');
    await api.whenScanned();
    assert.strictEqual(api.getProfileOffers(), 1, 'not offered again');
    assert.deepStrictEqual(api.getProfile().store.projects, {});
  });

  it('adds the open project: its skills, technologies and places, in a file in global storage', async () => {
    const api = await activeApi();
    assert.strictEqual(await vscode.commands.executeCommand('backendSkillMap.profile.add'), true);
    const { store, place } = api.getProfile();
    const projects = Object.values(store.projects);
    assert.deepStrictEqual(
      projects.map((p) => p.name),
      ['express-postgres-redis'],
    );
    assert.ok(projects[0].skills.databases.technologies.includes('PostgreSQL'), projects[0].skills.databases.technologies.join());
    assert.strictEqual(projects[0].skills.caching.status, 'practised');
    const places = projects[0].skills.databases.evidence;
    assert.ok(places.length > 0);
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    for (const e of places) assert.ok(e.line > 0 && fs.existsSync(`${root}/${e.file}`), JSON.stringify(e));
    const onDisk = JSON.parse(fs.readFileSync(place.fsPath, 'utf8'));
    assert.deepStrictEqual(Object.keys(onDisk.projects), Object.keys(store.projects));
    assert.doesNotMatch(fs.readFileSync(place.fsPath, 'utf8'), /"pg"|require\(/, 'no file contents');
  });

  it('remembers each completed scan of a profile project', async () => {
    const api = await activeApi();
    const before = Object.values(api.getProfile().store.projects)[0].scans.length;
    await vscode.commands.executeCommand('backendSkillMap.refresh');
    await api.whenScanned();
    await eventually(() => assert.strictEqual(Object.values(api.getProfile().store.projects)[0].scans.length, before + 1));
  });

  it('dates skills from the commits that added their evidence, read through the Git extension', async function () {
    const api = await activeApi();
    // The fixture is committed in this repository (git is switched on for this run); an export
    // without history has no commit to read, and the first scan's date stands.
    let dir = vscode.workspace.workspaceFolders![0].uri.fsPath;
    while (!fs.existsSync(`${dir}/.git`) && dir !== '/') dir = path.dirname(dir);
    if (!fs.existsSync(`${dir}/.git`)) this.skip();
    await eventually(() => {
      const skills = Object.values(Object.values(api.getProfile().store.projects)[0].skills);
      assert.ok(
        skills.some((s) => s.firstCommit),
        'some skill has a commit date',
      );
      for (const s of skills)
        if (s.firstCommit) assert.ok(Date.parse(s.firstCommit) <= Date.parse(s.firstSeen), `${s.title}: ${s.firstCommit}`);
    }, 15000);
    const db = api.getProfile().skills.find((s) => s.id === 'databases')!;
    assert.ok(Date.parse(db.firstSeen) <= Date.parse(Object.values(api.getProfile().store.projects)[0].scans[0]));
  });

  it("says whose lines show each skill, by the repository's git name, read through the Git extension", async function () {
    const api = await activeApi();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const git = (...args: string[]) => {
      try {
        return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
      } catch {
        return '';
      }
    };
    if (!git('rev-parse', '--git-dir')) this.skip();
    // What the test itself finds: the configured name, and the author of each kept line of Databases.
    const name = git('config', 'user.name');
    const record = () => Object.values(api.getProfile().store.projects)[0].skills.databases;
    const mine = record().evidence.map((p) => {
      const author = /^author (.*)$/m.exec(git('blame', '--porcelain', '-L', `${p.line},${p.line}`, '--', p.file))?.[1] ?? '';
      return { weak: !!p.weak, own: author === 'Not Committed Yet' || author.toLowerCase() === name.toLowerCase() };
    });
    const expected = !name ? undefined : mine.some((m) => m.own && !m.weak) ? 'practised' : mine.some((m) => m.own) ? 'started' : 'missing';
    if (expected === undefined) {
      await new Promise((r) => setTimeout(r, 2000));
      assert.strictEqual(record().own, undefined, 'no identity: no claim');
      return;
    }
    await eventually(() => assert.strictEqual(record().own, expected, `git name ${name}`), 15000);
    const shown = api.getProfileRows().find((r) => r.label === 'Databases');
    assert.strictEqual(shown?.description, `practised ${expected === 'practised' ? '(yours)' : "(the project's)"} in 1 project`);
  });

  it('shows the project in the Profile view', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('backendSkillMap.profile.focus');
    const caching = api.getProfile().skills.find((s) => s.id === 'caching');
    assert.deepStrictEqual(
      caching?.projects.map((p) => [p.name, p.status, p.technologies]),
      [['express-postgres-redis', 'practised', ['Redis']]],
    );
  });

  it('keeps marks in the profile (a technical skill and a soft skill), for the next workspace to show', async () => {
    const api = await activeApi();
    await api.whenMarksMoved();
    await vscode.commands.executeCommand('backendSkillMap.markDone', 'message-brokers');
    await vscode.commands.executeCommand('backendSkillMap.markDone', 'attention-to-detail');
    const brokers = await row(api, ['Core', 'Message brokers & queues']);
    assert.match(brokers.description, /marked done/);
  });
});
