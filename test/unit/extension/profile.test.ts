import * as assert from 'node:assert';
import {
  emptyStore,
  mergeStores,
  parseStore,
  projectKey,
  recordScan,
  serializeStore,
  withAuthorship,
  withCommitDates,
  withoutProject,
  MAX_PLACES,
  type ProfileStore,
} from '../../../src/extension/profile/store';
import {
  blameDates,
  isOwnLine,
  parseBlame,
  position,
  profileNote,
  profileSkills,
  rankWithProfile,
  timeline,
  whose,
} from '../../../src/extension/profile/combine';
import { sampleMap, sampleResult } from './sample';
import { BlameMemo } from '../../../src/extension/profile/blameMemo';

const JAN = new Date('2026-01-10T09:00:00Z');
const MAR = new Date('2026-03-02T09:00:00Z');
const api = { name: 'orders-api', folders: ['file:///home/me/orders-api'] };
const web = { name: 'web-shop', folders: ['file:///home/me/web-shop'] };

/** Two projects: orders-api (databases, caching) and web-shop (caching started only, later). */
function twoProjects(): ProfileStore {
  const shop = sampleMap();
  shop.skills = [
    sampleResult({ status: 'started', evidence: [{ file: 'src/cache.ts', line: 3, technology: 'Redis', rule: 'r', strength: 'weak' }] }),
  ];
  return {
    ...emptyStore(),
    projects: {
      [projectKey(api.folders)]: recordScan(undefined, api, sampleMap(), JAN),
      [projectKey(web.folders)]: recordScan(undefined, web, shop, MAR),
    },
  };
}

describe('profile store', () => {
  it('remembers status, technologies and places of evidence, never file contents', () => {
    const record = recordScan(undefined, api, sampleMap(), JAN);
    assert.deepStrictEqual(Object.keys(record.skills).sort(), ['caching', 'databases'], 'missing skills are not remembered');
    assert.deepStrictEqual(record.skills.caching, {
      title: 'Advanced caching strategies',
      status: 'practised',
      level: 'Advanced',
      technologies: ['Redis'],
      evidence: [
        { file: 'package.json', line: 12 },
        { file: 'src/cache.ts', line: 3, weak: true },
      ],
      firstSeen: JAN.toISOString(),
      firstPractised: JAN.toISOString(),
      lastSeen: JAN.toISOString(),
    });
    assert.deepStrictEqual(record.scans, [JAN.toISOString()]);
    assert.doesNotMatch(serializeStore({ ...emptyStore(), projects: { k: record } }), /rule|reason|strength/);
  });

  it('keeps the first dates across scans, moves the last one, and keeps a skill no longer shown as missing', () => {
    const first = recordScan(undefined, api, sampleMap(), JAN);
    const later = sampleMap();
    later.skills = later.skills.filter((s) => s.id !== 'caching');
    const second = recordScan(first, api, later, MAR);
    assert.strictEqual(second.skills.databases.firstSeen, JAN.toISOString());
    assert.strictEqual(second.skills.databases.lastSeen, MAR.toISOString());
    assert.strictEqual(second.skills.caching.status, 'missing');
    assert.strictEqual(second.skills.caching.level, undefined, 'no level once not shown');
    assert.strictEqual(second.skills.caching.firstSeen, JAN.toISOString());
    assert.deepStrictEqual(second.skills.caching.evidence, []);
    assert.deepStrictEqual(second.scans, [JAN.toISOString(), MAR.toISOString()]);
  });

  it('keeps at most a few places per skill: strong ones, and two weak ones when there are', () => {
    const evidence = (strongAt: (i: number) => boolean) =>
      Array.from({ length: 20 }, (_, i) => ({
        file: `f${String(i).padStart(2, '0')}.ts`,
        line: i + 1,
        technology: 'Redis',
        rule: 'r',
        strength: strongAt(i) ? ('strong' as const) : ('weak' as const),
      }));
    const kept = (strongAt: (i: number) => boolean) => {
      const map = sampleMap();
      map.skills = [sampleResult({ evidence: evidence(strongAt) })];
      const places = recordScan(undefined, api, map, JAN).skills.caching.evidence;
      assert.strictEqual(places.length, MAX_PLACES);
      return places.map((p) => `${p.file}${p.weak ? ' weak' : ''}`);
    };
    assert.deepStrictEqual(
      kept((i) => i === 19),
      ['f19.ts', 'f00.ts weak', 'f01.ts weak', 'f02.ts weak', 'f03.ts weak'],
    );
    assert.deepStrictEqual(
      kept((i) => i >= 10),
      ['f10.ts', 'f11.ts', 'f12.ts', 'f00.ts weak', 'f01.ts weak'],
    );
    assert.deepStrictEqual(
      kept(() => true),
      ['f00.ts', 'f01.ts', 'f02.ts', 'f03.ts', 'f04.ts'],
    );
  });

  it('reads back what it writes', () => {
    const store = twoProjects();
    assert.deepStrictEqual(parseStore(serializeStore(store)), { store });
  });

  it('calls a damaged store corrupt and says why, rather than reading part of it', () => {
    const good = serializeStore(twoProjects());
    const cases: [string, RegExp][] = [
      ['', /not valid JSON/],
      [good.slice(0, good.length / 2), /not valid JSON/],
      ['[]', /not a JSON object/],
      ['{"format":"something-else","version":1,"projects":{}}', /not a profile/],
      ['{"format":"backend-skill-map-profile","projects":{}}', /no version/],
      ['{"format":"backend-skill-map-profile","version":1,"projects":[]}', /no projects/],
      [
        '{"format":"backend-skill-map-profile","version":1,"projects":{"k":{"name":"x","folders":[],"scans":["not a date"],"skills":{}}}}',
        /scan dates/,
      ],
      [good.replace('"practised"', '"expert"'), /skill .* cannot be read/],
      [
        `{"format":"backend-skill-map-profile","version":1,"projects":{"k":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
        /nested too deep|not a record/,
      ],
    ];
    for (const [text, problem] of cases) {
      const checked = parseStore(text);
      assert.ok('problem' in checked, text.slice(0, 60));
      assert.strictEqual(checked.kind, 'corrupt', text.slice(0, 60));
      assert.match(checked.problem, problem, text.slice(0, 60));
    }
  });

  it('calls a store of a newer version newer, so that it is set aside rather than overwritten', () => {
    const checked = parseStore('{"format":"backend-skill-map-profile","version":2,"projects":{"k":{"future":true}}}');
    assert.deepStrictEqual(checked, { kind: 'newer', problem: 'written by a newer version of the extension (store version 2)' });
  });

  it('forgets one project; an import replaces a project of the same key and adds the others', () => {
    const store = twoProjects();
    const apiKey = projectKey(api.folders);
    assert.deepStrictEqual(Object.keys(withoutProject(store, apiKey).projects), [projectKey(web.folders)]);
    const other = { ...emptyStore(), projects: { [apiKey]: { ...store.projects[apiKey], name: 'renamed' }, z: store.projects[apiKey] } };
    const merged = mergeStores(store, other);
    assert.strictEqual(merged.projects[apiKey].name, 'renamed');
    assert.strictEqual(Object.keys(merged.projects).length, 3);
  });

  it('keeps the earliest commit dates found for a skill, of any evidence and of strong evidence', () => {
    const record = recordScan(undefined, api, sampleMap(), MAR);
    const once = withCommitDates(record, new Map([['caching', { any: '2025-06-01T00:00:00.000Z' }]]));
    const twice = withCommitDates(
      once,
      new Map([
        ['caching', { any: '2025-09-01T00:00:00.000Z', strong: '2025-09-01T00:00:00.000Z' }],
        ['nope', { any: '2025-01-01T00:00:00.000Z' }],
      ]),
    );
    assert.strictEqual(twice.skills.caching.firstCommit, '2025-06-01T00:00:00.000Z');
    assert.strictEqual(twice.skills.caching.firstStrongCommit, '2025-09-01T00:00:00.000Z');
    assert.ok(!('nope' in twice.skills));
  });

  it('names a workspace by its workspace file, else by its folders in any order', () => {
    assert.strictEqual(projectKey(['file:///b', 'file:///a']), projectKey(['file:///a', 'file:///b']));
    assert.strictEqual(projectKey(['file:///a'], 'file:///w.code-workspace'), 'file:///w.code-workspace');
  });
});

describe('profile across projects', () => {
  it('shows the union of the projects, each skill with its best status and the projects that show it', () => {
    const rows = profileSkills(twoProjects());
    assert.deepStrictEqual(
      rows.map((r) => [r.id, r.status, r.projects.map((p) => `${p.name}:${p.status}:${p.technologies.join('+')}`)]),
      [
        ['caching', 'practised', ['orders-api:practised:Redis', 'web-shop:started:Redis']],
        ['databases', 'practised', ['orders-api:practised:PostgreSQL']],
      ],
    );
    const caching = rows[0];
    assert.strictEqual(caching.firstSeen, JAN.toISOString());
    assert.strictEqual(caching.lastSeen, MAR.toISOString());
  });

  it('dates a skill from its commits when they are earlier than the first scan: started by any line, practised by a strong one', () => {
    const store = twoProjects();
    const key = projectKey(api.folders);
    store.projects[key] = withCommitDates(
      store.projects[key],
      new Map([['databases', { any: '2024-05-05T00:00:00.000Z', strong: '2024-11-05T00:00:00.000Z' }]]),
    );
    const db = profileSkills(store).find((r) => r.id === 'databases')!;
    assert.strictEqual(db.firstSeen, '2024-05-05T00:00:00.000Z');
    assert.strictEqual(db.firstPractised, '2024-11-05T00:00:00.000Z');
    const row = timeline(store, MAR).rows.find((r) => r.id === 'databases')!;
    assert.deepStrictEqual([row.started, row.practised], ['2024-05-05', '2024-11-05']);
  });

  it('says where else the profile shows a skill, leaving out the open project', () => {
    const rows = profileSkills(twoProjects());
    assert.deepStrictEqual(profileNote(rows, 'caching', projectKey(api.folders)), { practised: [], started: ['web-shop'] });
    assert.deepStrictEqual(profileNote(rows, 'caching', projectKey(web.folders)), { practised: ['orders-api'], started: [] });
    assert.deepStrictEqual(profileNote(rows, 'testing'), { practised: [], started: [] });
  });

  it('lays the skills out on a timeline, started and practised apart', () => {
    const t = timeline(twoProjects(), new Date('2026-04-01T00:00:00Z'));
    assert.strictEqual(t.from, '2026-01-10');
    assert.strictEqual(t.to, '2026-04-01');
    assert.deepStrictEqual(
      t.rows.map((r) => [r.id, r.started, r.practised]),
      [
        ['caching', '2026-01-10', '2026-01-10'],
        ['databases', '2026-01-10', '2026-01-10'],
      ],
    );
    assert.strictEqual(position('2026-01-10', t.from, t.to), 0);
    assert.strictEqual(position('2026-04-01', t.from, t.to), 1);
    assert.strictEqual(position('2026-01-10', '2026-01-10', '2026-01-10'), 1);
  });

  it("reads each line's commit date from git blame, leaving out lines not committed yet", () => {
    const out = [
      '78a945f5 (Ada Lovelace 2025-11-25 09:39:56 +0100  1) {',
      '^1c2d3e4 old/name.json (Grace Hopper 2024-02-01 23:10:00 -0500  2)   "name": "x",',
      '00000000 (Not Committed Yet 2026-12-06 04:00:00 +0000  3)   "pg": "8"',
      'garbage',
    ].join('\n');
    assert.deepStrictEqual(
      [...blameDates(out)],
      [
        [1, '2025-11-25T08:39:56.000Z'],
        [2, '2024-02-02T04:10:00.000Z'],
      ],
    );
  });

  // Output of `git blame -- g.txt` (the default format, as the Git extension's API returns it) in a
  // repository where f.txt was renamed to g.txt, with two authors and one line not committed yet.
  const REAL_BLAME = [
    '^1f0e0f2 f.txt (Ann Smith         2024-01-02 10:00:00 +0000 1) a',
    '^1f0e0f2 f.txt (Ann Smith         2024-01-02 10:00:00 +0000 2) b',
    'ee7fe47e f.txt (Bob (old) Jones   2026-12-06 05:17:30 +0000 3) c',
    'e7a892fe g.txt (Bob (old) Jones   2026-12-06 05:18:45 +0000 4) d',
    '00000000 g.txt (Not Committed Yet 2026-12-06 05:18:45 +0000 5) x',
  ].join('\n');

  it("keeps each blamed line's author, with names padded or holding brackets", () => {
    const lines = parseBlame(REAL_BLAME);
    assert.deepStrictEqual(
      [...lines].map(([n, l]) => [n, l.author, l.date ?? null, !!l.uncommitted]),
      [
        [1, 'Ann Smith', '2024-01-02T10:00:00.000Z', false],
        [2, 'Ann Smith', '2024-01-02T10:00:00.000Z', false],
        [3, 'Bob (old) Jones', '2026-12-06T05:17:30.000Z', false],
        [4, 'Bob (old) Jones', '2026-12-06T05:18:45.000Z', false],
        [5, 'Not Committed Yet', null, true],
      ],
    );
    assert.deepStrictEqual([...blameDates(REAL_BLAME).keys()], [1, 2, 3, 4]);
  });

  it("calls a line the user's when their git name wrote it, or when it is not committed yet", () => {
    const lines = parseBlame(REAL_BLAME);
    assert.deepStrictEqual(
      [1, 3, 5].map((n) => isOwnLine(lines.get(n)!, ' ann smith')),
      [true, false, true],
    );
    assert.strictEqual(isOwnLine(lines.get(3)!, 'Bob (old) Jones'), true);
    assert.strictEqual(isOwnLine(lines.get(3)!, 'Bob'), false, 'a part of a name is not the name');
  });

  it("says whose lines show a skill: yours, the project's, or nothing when git could not tell", () => {
    assert.strictEqual(whose({ status: 'practised', own: 'practised' }), 'yours');
    assert.strictEqual(whose({ status: 'practised', own: 'started' }), 'project', 'only a weak line of yours: the practice is not');
    assert.strictEqual(whose({ status: 'started', own: 'missing' }), 'project');
    assert.strictEqual(whose({ status: 'practised' }), undefined);
  });

  it('stores whose lines show each skill, carries it to the view and timeline, and reads it again after a scan', () => {
    const store = twoProjects();
    const [apiKey, webKey] = [projectKey(api.folders), projectKey(web.folders)];
    store.projects[apiKey] = withAuthorship(
      store.projects[apiKey],
      new Map([
        ['databases', 'practised' as const],
        ['testing', 'practised' as const],
      ]),
    );
    store.projects[webKey] = withAuthorship(store.projects[webKey], new Map([['caching', 'missing' as const]]));
    assert.strictEqual(store.projects[apiKey].skills.databases.own, 'practised');
    assert.ok(!store.projects[apiKey].skills.testing, 'a skill the project does not show gets no claim');
    assert.strictEqual(store.projects[apiKey].skills.caching.own, undefined);
    const back = parseStore(serializeStore(store));
    assert.ok('store' in back);
    assert.strictEqual(back.store.projects[apiKey].skills.databases.own, 'practised');
    assert.strictEqual(back.store.projects[webKey].skills.caching.own, 'missing');
    const caching = profileSkills(store).find((s) => s.id === 'caching')!;
    assert.deepStrictEqual(
      caching.projects.map((p) => [p.name, p.own ?? null, whose(p) ?? null]),
      [
        ['orders-api', null, null],
        ['web-shop', 'missing', 'project'],
      ],
    );
    const rows = timeline(store, new Date('2026-04-01T00:00:00Z')).rows;
    assert.deepStrictEqual(Object.fromEntries(rows.map((r) => [r.id, r.whose])), {
      caching: { 'web-shop': 'project' },
      databases: { 'orders-api': 'yours' },
    });
    const rescanned = recordScan(store.projects[apiKey], api, sampleMap(), MAR);
    assert.strictEqual(rescanned.skills.databases.own, undefined, 'the new evidence is blamed again');
  });

  it('ranks suggestions with the profile: what another project practises moves down, the rest keeps its order', () => {
    const rows = profileSkills(twoProjects());
    const list = ['caching', 'testing', 'databases', 'security'].map((id) => ({ id }));
    // orders-api practises caching and databases; web-shop only starts caching.
    assert.deepStrictEqual(
      rankWithProfile(list, rows).map((s) => s.id),
      ['testing', 'security', 'caching', 'databases'],
    );
    assert.deepStrictEqual(
      rankWithProfile(list, rows, projectKey(api.folders)).map((s) => s.id),
      ['caching', 'testing', 'databases', 'security'],
      'the open project itself does not count: started elsewhere keeps its place',
    );
    assert.deepStrictEqual(rankWithProfile([], rows), []);
  });
});

describe('blames kept across scans', () => {
  it('gives a file its kept blame only under the same stamp, and forgets the oldest beyond its bound', () => {
    const memo = new BlameMemo<string>(2);
    memo.set('/w/a.ts', '100:20:c1', 'a at c1');
    assert.strictEqual(memo.get('/w/a.ts', '100:20:c1'), 'a at c1');
    assert.strictEqual(memo.get('/w/a.ts', '100:20:c2'), undefined, 'a new HEAD blames again');
    assert.strictEqual(memo.get('/w/a.ts', '101:20:c1'), undefined, 'an edited file blames again');
    memo.set('/w/b.ts', '5:1:c1', 'b');
    memo.set('/w/a.ts', '101:20:c1', 'a edited');
    memo.set('/w/c.ts', '7:1:c1', 'c');
    assert.strictEqual(memo.size, 2);
    assert.strictEqual(memo.get('/w/b.ts', '5:1:c1'), undefined, 'the least recently written entry went');
    assert.strictEqual(memo.get('/w/a.ts', '101:20:c1'), 'a edited');
    assert.strictEqual(memo.get('/w/c.ts', '7:1:c1'), 'c');
  });
});
