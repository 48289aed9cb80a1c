import * as assert from 'node:assert';
import fc from 'fast-check';
import { NameIndex, PrefixLookup } from '../../../src/core/match/names';
import type { Rule } from '../../../src/core/types';

/** The lookup a PrefixLookup must give: the module, then every prefix before a separator, shortest first. */
function naive(idx: NameIndex, module: string): Rule[] {
  const found: Rule[] = [];
  idx.lookup(module, found);
  for (let i = 1; i < module.length; i++) {
    const c = module[i];
    if (c === '/' || c === '.' || c === '\\' || (c === ':' && module[i + 1] === ':')) {
      idx.lookup(module.slice(0, i), found);
      if (c === ':') i++;
    }
  }
  return found;
}

describe('module lookups by prefix', () => {
  it('find the rules of a module and of each prefix before a separator, in order, remembered or not', () => {
    const rule = (id: string) => ({ id }) as Rule;
    const idx = new NameIndex();
    for (const m of ['org', 'org.acme', 'org.acme.web', 'a::b', 'a', '@scope/pkg', 'x\\y', 'a:', 'org.acme.web.Api'])
      idx.add(m, rule(m), false);
    const lookup = new PrefixLookup(idx);
    const piece = fc.constantFrom('org', 'acme', 'web', 'Api', 'a', 'b', '@scope', 'pkg', 'x', 'y', '.', '/', '\\', ':', '::');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }), (modules) => {
        // Asked in turn, as a scan asks: later modules meet packages remembered from earlier ones.
        for (const parts of modules) {
          const module = parts.join('');
          const found: Rule[] = [];
          lookup.lookup(module, found);
          assert.deepStrictEqual(
            found.map((r) => r.id),
            naive(idx, module).map((r) => r.id),
            module,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
