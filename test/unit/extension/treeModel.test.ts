import * as assert from 'node:assert';
import { buildTree, countsAsPractised, findNode, type TreeNode } from '../../../src/extension/tree/model';
import type { Rule } from '../../../src/core';
import { accessibleLabel } from '../../../src/extension/tree/accessibility';
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

  it('lists under a further-practice item what ticked it, with the framework it was found through', () => {
    const catalog = sampleCatalog();
    const rule = (id: string, technology: string, practice?: string): Rule => ({
      id,
      skill: 'caching',
      technology,
      strength: 'strong',
      practice,
      examples: { positive: [], negative: [] },
      source: { file: 'x', line: 1 },
    });
    catalog.rules = [rule('caching/redis-npm', 'Redis'), rule('caching/response-laravel', 'Response caching', 'api-cache')];
    const map = sampleMap();
    const caching = map.skills.find((s) => s.id === 'caching')!;
    const ticked = {
      file: 'app/Http/Kernel.php',
      line: 5,
      technology: 'Response caching',
      via: 'Laravel',
      rule: 'caching/response-laravel',
      strength: 'strong' as const,
    };
    caching.evidence.push(ticked);
    caching.practice[0].technologies = ['Response caching'];
    const roots = buildTree({ ...base, map, catalog });
    const item = findNode(roots, 'practice:caching:api-cache')!;
    assert.strictEqual(item.description, 'shown in code: Response caching');
    assert.deepStrictEqual(labels(item.children), ['app/Http/Kernel.php:5']);
    assert.strictEqual(item.children[0].description, 'Response caching · via Laravel');
    assert.strictEqual(accessibleLabel(item.children[0]), 'app/Http/Kernel.php:5, Response caching, strong evidence');
    // The skill row lists only its technologies; what only ticks the item stays under the item.
    assert.deepStrictEqual(labels(findNode(roots, 'skill:caching')!.children), ['Redis', 'Further practice']);
    assert.deepStrictEqual(findNode(roots, 'practice:caching:sessions')!.children, []);
  });

  it('names the unit a row of workloads opens, without "via", and keeps "via" for what a rule was found through', () => {
    const catalog = sampleCatalog();
    const services: Rule = {
      id: 'caching/services',
      skill: 'caching',
      technology: 'Separately deployed services',
      strength: 'strong',
      combine: { units: 2, anyOf: [{ talksToUnit: true }] },
      examples: { positive: [], negative: [] },
      source: { file: 'x', line: 1 },
    };
    catalog.rules = [...catalog.rules, services, { ...services, id: 'caching/through', technology: 'Through', via: 'Helm' }];
    const map = sampleMap();
    const caching = map.skills.find((s) => s.id === 'caching')!;
    const row = (file: string, line: number, via?: string, rule = services.id, technology = services.technology) => ({
      file,
      line,
      technology,
      rule,
      strength: 'strong' as const,
      ...(via !== undefined && { via }),
    });
    caching.evidence.push(
      row('k8s/carts.yaml', 2, 'carts'),
      row('k8s/orders.yaml', 2, 'orders'),
      row('k8s/orders.yaml', 21),
      row('k8s/all.yaml', 5, 'Helm', 'caching/through', 'Through'),
    );
    caching.technologies.push(services.technology, 'Through');
    const roots = buildTree({ ...base, map, catalog });
    const tech = findNode(roots, `tech:caching:${services.technology}`)!;
    assert.strictEqual(tech.description, '2 services: carts, orders');
    assert.deepStrictEqual(
      tech.children.map((c) => [c.label, c.description]),
      [
        ['k8s/carts.yaml:2', 'carts'],
        ['k8s/orders.yaml:2', 'orders'],
        ['k8s/orders.yaml:21', undefined],
      ],
    );
    assert.strictEqual(accessibleLabel(tech.children[0]), 'k8s/carts.yaml:2, carts, strong evidence');
    assert.strictEqual(findNode(roots, 'tech:caching:Through')!.children[0].description, 'via Helm');
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
