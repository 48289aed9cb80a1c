import * as assert from 'node:assert';
import { buildTree, countsAsPractised, findNode, type TreeNode } from '../../../src/extension/tree/model';
import { sampleCatalog, sampleMap } from './sample';

const labels = (nodes: readonly TreeNode[]) => nodes.map((n) => n.label);

describe('skill tree model', () => {
  const base = {
    map: sampleMap(),
    catalog: sampleCatalog(),
    marks: new Map(),
    filter: 'all' as const,
    tiers: ['core', 'advanced'] as const,
    multiRoot: false,
  };

  it('has one row per tier with "n of N practised"', () => {
    const roots = buildTree({ ...base, tiers: ['core', 'advanced'] });
    assert.deepStrictEqual(labels(roots), ['Core', 'Advanced']);
    assert.strictEqual(roots[0].description, '1 of 2 practised');
    assert.strictEqual(roots[1].description, '1 of 1 practised');
  });

  it('gives each skill an icon and description by status', () => {
    const roots = buildTree({ ...base, tiers: ['core', 'advanced'] });
    const db = findNode(roots, 'skill:databases')!;
    assert.strictEqual(db.description, 'PostgreSQL');
    assert.deepStrictEqual(db.icon, { id: 'pass-filled', color: 'testing.iconPassed' });
    const testing = findNode(roots, 'skill:testing')!;
    assert.strictEqual(testing.description, 'not shown yet');
    assert.deepStrictEqual(testing.icon, { id: 'circle-outline', color: 'disabledForeground' });
    assert.ok(labels(testing.children).includes('How to learn'));
  });

  it('nests technology → file:line evidence and a further-practice group', () => {
    const roots = buildTree({ ...base, tiers: ['core', 'advanced'] });
    const caching = findNode(roots, 'skill:caching')!;
    assert.deepStrictEqual(labels(caching.children), ['Redis', 'Further practice']);
    const redis = caching.children[0];
    assert.deepStrictEqual(labels(redis.children), ['package.json:12', 'src/cache.ts:3']);
    assert.strictEqual(redis.children[1].description, 'weak');
    assert.strictEqual(redis.children[0].parent, redis);
    const practice = caching.children[1];
    assert.strictEqual(practice.description, '1 of 2 shown in code');
    assert.deepStrictEqual(
      practice.children.map((p) => p.icon?.id),
      ['pass', 'circle-large-outline'],
    );
  });

  it('shows marks apart from detection and counts "done" as practised', () => {
    const marks = new Map([
      ['testing', 'done' as const],
      ['databases', 'skipped' as const],
    ]);
    const roots = buildTree({ ...base, marks, tiers: ['core'] });
    const testing = findNode(roots, 'skill:testing')!;
    assert.strictEqual(testing.description, '(marked done)');
    assert.strictEqual(testing.contextValue, 'skill.done.missing');
    assert.strictEqual(findNode(roots, 'skill:databases')!.description, '(skipped)');
    assert.strictEqual(roots[0].description, '1 of 2 practised');
    assert.strictEqual(countsAsPractised({ status: 'practised' }, 'skipped'), false);
  });

  it('filters by practised / missing and by tier', () => {
    const practised = buildTree({ ...base, filter: 'practised', tiers: ['core', 'advanced'] });
    assert.deepStrictEqual(
      practised.flatMap((t) => labels(t.children)),
      ['Databases', 'Advanced caching strategies'],
    );
    const missing = buildTree({ ...base, filter: 'missing', tiers: ['core', 'advanced'] });
    assert.deepStrictEqual(
      missing.flatMap((t) => labels(t.children)),
      ['Testing'],
    );
    assert.deepStrictEqual(labels(buildTree({ ...base, tiers: ['advanced'] })), ['Advanced']);
  });

  it('labels evidence with its folder in a multi-root workspace', () => {
    const map = sampleMap();
    map.skills[0].evidence[0].folder = 'api';
    const roots = buildTree({ ...base, map, multiRoot: true, tiers: ['core'] });
    const row = findNode(roots, 'skill:databases')!.children[0].children[0];
    assert.strictEqual(row.label, 'package.json:10');
    assert.strictEqual(row.description, 'api');
  });
});
