import * as assert from 'node:assert';
import { suggestNext, toMarkdown, mergeMaps } from '../../../src/core';
import { builtinCatalog, scanMemory } from '../helpers';

describe('suggest next skill', () => {
  it('ranks only skills not yet practised, each with a reason and learning time', async () => {
    const map = await scanMemory({ 'package.json': '{"dependencies": {"express": "^4", "pg": "^8"}}' });
    const list = suggestNext(map, builtinCatalog());
    const practised = map.skills.filter((s) => s.status === 'practised').map((s) => s.id);
    assert.ok(list.length > 0);
    for (const s of list) {
      assert.ok(!practised.includes(s.id), `${s.id} is practised already`);
      assert.ok(s.reason.length > 10 && /about .*\d/.test(s.reason), s.reason);
    }
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].score >= list[i].score);
  });

  it('prefers a skill whose prerequisites are met over one that needs others first', async () => {
    const map = await scanMemory({ 'package.json': '{"dependencies": {"express": "^4", "pg": "^8"}}' });
    const list = suggestNext(map, builtinCatalog());
    const ids = list.map((s) => s.id);
    // Caching builds on databases, which is practised; stream processing needs message brokers first.
    assert.ok(ids.indexOf('caching') < ids.indexOf('stream-processing'));
    assert.match(list.find((s) => s.id === 'stream-processing')!.reason, /first/);
  });

  it('moves a started skill up and skips skills marked done or skipped', async () => {
    const map = await scanMemory({ 'package.json': '{"dependencies": {"express": "^4"}, "devDependencies": {"ioredis": "^5"}}' });
    const list = suggestNext(map, builtinCatalog(), { done: ['databases'], skipped: ['testing'] });
    assert.ok(!list.some((s) => s.id === 'databases' || s.id === 'testing'));
    const caching = list.find((s) => s.id === 'caching')!;
    assert.match(caching.reason, /already started/i);
  });
});

describe('report', () => {
  it('writes a résumé-style Markdown section with the evidence behind each line', async () => {
    const map = await scanMemory({ 'package.json': '{\n  "dependencies": {\n    "express": "^4",\n    "pg": "^8"\n  }\n}' });
    const md = toMarkdown(map, builtinCatalog());
    assert.match(md, /^## Technical skills/m);
    assert.match(md, /- \*\*Databases\*\* \((Intermediate|Advanced)\): PostgreSQL/);
    assert.match(md, /PostgreSQL: `package\.json:4`/);
  });

  it('merges several folders, labelling the evidence with its folder', async () => {
    const a = await scanMemory({ 'package.json': '{"dependencies": {"pg": "^8"}}' });
    const b = await scanMemory({ 'requirements.txt': 'django-redis==5.4\n' });
    const merged = mergeMaps([
      { folder: 'api', map: a },
      { folder: 'worker', map: b },
    ]);
    const db = merged.skills.find((s) => s.id === 'databases')!;
    const cache = merged.skills.find((s) => s.id === 'caching')!;
    assert.strictEqual(db.status, 'practised');
    assert.strictEqual(cache.status, 'practised');
    assert.strictEqual(db.evidence[0].folder, 'api');
    assert.strictEqual(cache.evidence[0].folder, 'worker');
  });
});
