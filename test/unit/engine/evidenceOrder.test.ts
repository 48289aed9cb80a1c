import * as assert from 'node:assert';
import fc from 'fast-check';
import { byStrengthThenPlace, earliest, earliestStrong, leading } from '../../../src/core/evidenceOrder';
import { evaluate } from '../../../src/core/evaluate';
import { rankTechnologies } from '../../../src/core/technologies';
import type { Evidence } from '../../../src/core/types';
import { builtinCatalog } from '../helpers';

/** Items from a few places, so that many share a file, a line or a whole place. */
const item = fc.record({
  file: fc.constantFrom('a.go', 'b/x.py', 'b-c/y.ts', 'b/a/z.js', 'Dockerfile'),
  line: fc.integer({ min: 1, max: 4 }),
  technology: fc.constantFrom('Redis', 'Kafka', 'Gin', 'FastAPI'),
  rule: fc.constantFrom('r1', 'r2', 'r3'),
  strength: fc.constantFrom('strong' as const, 'weak' as const),
  folder: fc.option(fc.constantFrom('api', 'web'), { nil: undefined }),
});

/** How the map ordered evidence before these helpers: a stable sort of every item. */
const sorted = (evidence: readonly Evidence[]) => [...evidence].sort(byStrengthThenPlace);

/** How technologies were ranked before: over the sorted items, first place by position in them. */
function rankedBySorting(all: readonly Evidence[]): string[] {
  const tally = new Map<string, { strong: boolean; n: number; first: number }>();
  sorted(all).forEach((e, i) => {
    const t = tally.get(e.technology) ?? { strong: false, n: 0, first: i };
    t.strong ||= e.strength === 'strong';
    t.n++;
    tally.set(e.technology, t);
  });
  return [...tally].sort((a, b) => Number(b[1].strong) - Number(a[1].strong) || b[1].n - a[1].n || a[1].first - b[1].first).map(([t]) => t);
}

describe('evidence order without sorting every item', () => {
  it('leading gives what sorting all and cutting gives, ties in the order they came', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (evidence, limit) => {
        assert.deepStrictEqual(leading(evidence, limit), sorted(evidence).slice(0, limit));
      }),
      { numRuns: 2000 },
    );
  });

  it('leading passes over long runs already in order, and still finds a late first item', () => {
    const inOrder: Evidence[] = Array.from({ length: 5000 }, (_, i) => ({
      file: `src/f${String(i).padStart(5, '0')}.go`,
      line: 1,
      technology: 'Gin',
      rule: 'r',
      strength: 'weak',
    }));
    const late: Evidence = { file: 'a.go', line: 9, technology: 'Redis', rule: 'r', strength: 'strong' };
    const top = leading([...inOrder, late], 3);
    assert.deepStrictEqual(
      top.map((e) => e.file),
      ['a.go', 'src/f00000.go', 'src/f00001.go'],
    );
  });

  it('earliest and earliestStrong find the first item a sort would put first', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.constantFrom('Redis', 'Kafka', 'Gin'), (evidence, technology) => {
        const all = sorted(evidence);
        assert.strictEqual(earliest(evidence), all[0]);
        assert.strictEqual(
          earliestStrong(evidence, technology),
          all.find((e) => e.technology === technology && e.strength === 'strong'),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('technologies rank as they did over sorted items, whatever order the items come in', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (evidence) => {
        assert.deepStrictEqual(rankTechnologies(evidence), rankedBySorting(evidence));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a map does not depend on the order its evidence came in', () => {
  const catalog = builtinCatalog();
  // Every 40th rule: few enough that technologies and skills repeat between items.
  const rules = catalog.rules.filter((r, i) => !r.combine && i % 40 === 0);

  it('gives the same skills for any order of items in distinct places', () => {
    const drawn = fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: rules.length - 1 }), fc.integer({ min: 1, max: 400 })), {
        maxLength: 120,
        selector: ([, line]) => line,
      })
      .map((picks) =>
        picks.map(([r, line]): Evidence => {
          const rule = rules[r];
          return { file: `svc${line % 3}/main${line % 7}.go`, line, technology: rule.technology, rule: rule.id, strength: rule.strength };
        }),
      );
    fc.assert(
      fc.property(drawn, fc.integer(), (evidence, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(evidence, { minLength: evidence.length }), { numRuns: 1, seed })[0];
        const stats = { files: 0, bytesRead: 0, ms: 0 };
        assert.deepStrictEqual(evaluate(catalog, '/w', shuffled, [], stats), evaluate(catalog, '/w', sorted(evidence), [], stats));
      }),
      { numRuns: 300 },
    );
  });
});
