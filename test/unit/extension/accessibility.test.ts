import * as assert from 'node:assert';
import { buildTree, findNode } from '../../../src/extension/tree/model';
import { accessibleLabel } from '../../../src/extension/tree/accessibility';
import { sampleCatalog, sampleMap } from './sample';

describe('skill tree, as a screen reader hears it (accessibleLabel)', () => {
  const base = {
    map: sampleMap(),
    catalog: sampleCatalog(),
    marks: new Map(),
    filter: 'all' as const,
    tiers: ['core', 'advanced'] as const,
    multiRoot: false,
  };
  const spoken = (id: string, over: Partial<typeof base> = {}) => accessibleLabel(findNode(buildTree({ ...base, ...over }), id)!);

  it("says each skill row's status, which only its icon shows, then the technologies", () => {
    assert.strictEqual(spoken('skill:databases'), 'Databases, practised, PostgreSQL');
    assert.strictEqual(spoken('skill:testing'), 'Testing, not shown yet');
    assert.strictEqual(spoken('skill:caching'), 'Advanced caching strategies, practised, Redis');
  });

  it('says a mark and what was detected beside it', () => {
    const marks = new Map([['testing', 'done' as const]]);
    assert.strictEqual(spoken('skill:testing', { marks }), 'Testing, marked done (detected: not shown yet)');
  });

  it('says whether a practice item is ticked', () => {
    const group = findNode(buildTree(base), 'practice:caching')!;
    const [done, open] = group.children.map((c) => accessibleLabel(c));
    assert.match(done!, /, shown in code$/);
    assert.match(open!, /, not shown in code yet$/);
  });

  it('says whether evidence is strong or weak, and its folder in a multi-root workspace', () => {
    const redis = findNode(buildTree(base), 'skill:caching')!.children[0];
    assert.deepStrictEqual(
      redis.children.map((c) => accessibleLabel(c)),
      ['package.json:12, strong evidence', 'src/cache.ts:3, weak evidence'],
    );
    const map = sampleMap();
    for (const s of map.skills) for (const e of s.evidence) e.folder = 'api';
    const ev = findNode(buildTree({ ...base, map, multiRoot: true }), 'skill:caching')!.children[0].children[1];
    assert.strictEqual(accessibleLabel(ev), 'src/cache.ts:3, in api, weak evidence');
  });

  it('leaves rows whose words already say everything to the label and description', () => {
    const roots = buildTree(base);
    assert.strictEqual(accessibleLabel(roots[0]), undefined);
    assert.strictEqual(accessibleLabel(findNode(roots, 'practice:caching')!), undefined);
  });
});
