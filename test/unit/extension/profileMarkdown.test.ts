import * as assert from 'node:assert';
import { PROFICIENCY_LEGEND } from '../../../src/core';
import { profileMarkdown } from '../../../src/extension/profile/markdown';
import { emptyStore, projectKey, recordScan, withAuthorship, type ProfileStore } from '../../../src/extension/profile/store';
import { sampleCatalog, sampleMap, sampleResult } from './sample';

const JAN = new Date('2026-01-10T09:00:00Z');
const orders = { name: 'orders-api', folders: ['file:///home/me/orders-api'] };
const shop = { name: 'web-shop', folders: ['file:///home/me/web-shop'] };

/** orders-api: Databases (PostgreSQL, your lines) and caching at Advanced; web-shop: SQLite beside PostgreSQL, caching only started. */
function profile(): ProfileStore {
  const shopMap = sampleMap();
  shopMap.skills = [
    sampleResult({
      id: 'databases',
      title: 'Databases',
      tier: 'core',
      technologies: ['SQLite', 'PostgreSQL'],
      practice: [{ id: 'indexing', title: 'Add indexes', done: false, technologies: [] }],
    }),
    sampleResult({ status: 'started', technologies: ['Memcached'], practice: [] }),
  ];
  const ordersRecord = withAuthorship(recordScan(undefined, orders, sampleMap(), JAN), new Map([['databases', 'practised' as const]]));
  return {
    ...emptyStore(),
    projects: { [projectKey(orders.folders)]: ordersRecord, [projectKey(shop.folders)]: recordScan(undefined, shop, shopMap, JAN) },
  };
}

describe('profile export as Markdown', () => {
  it('writes each skill once with its best level, technologies across projects most evidenced first, and the projects', () => {
    const text = profileMarkdown(profile(), sampleCatalog().skills);
    assert.strictEqual(
      text,
      [
        '## Technical skills across 2 projects',
        '',
        PROFICIENCY_LEGEND,
        '',
        '- **Databases** (Intermediate): PostgreSQL, SQLite',
        '  - Shown in orders-api (yours), web-shop',
        '- **Advanced caching strategies** (Advanced): Redis, Memcached',
        '  - Shown in orders-api, web-shop',
        '',
        '## Not yet shown',
        '',
        'Testing',
        '',
        '_2 of 3 skills practised across 2 projects._',
        '',
      ].join('\n'),
    );
  });

  it('reads stores written before levels were kept, and escapes names', () => {
    const store = profile();
    const key = projectKey(shop.folders);
    store.projects[key].name = 'web_*shop*';
    for (const s of Object.values(store.projects[key].skills)) delete s.level;
    delete store.projects[projectKey(orders.folders)];
    const text = profileMarkdown(store);
    assert.match(text, /^- \*\*Databases\*\* \(Intermediate\): SQLite, PostgreSQL$/m);
    assert.match(text, /^- \*\*Advanced caching strategies\*\* \(Beginner\): Memcached$/m);
    assert.match(text, /Shown in web\\_\\\*shop\\\*$/m);
    assert.match(text, /^_1 skills practised across one project\._$/m);
    assert.doesNotMatch(text, /Not yet shown/, 'without the catalogue, no list of what is missing');
  });

  it('says so when no project shows a skill', () => {
    assert.match(profileMarkdown(emptyStore(), sampleCatalog().skills), /_No project in the profile shows a backend skill yet\._/);
  });
});
