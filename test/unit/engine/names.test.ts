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

describe('wildcard names filed by their plain beginning', () => {
  /** What a list of every wildcard name, tried in turn, finds (exact names first, as the index gives them). */
  function linear(names: string[], key: string): string[] {
    const exact = names.filter((n) => !n.includes('*') && n === key);
    const wild = names.filter((n) => n.includes('*') && new RegExp(`^${n.split('*').map(escapeRe).join('.*')}$`).test(key));
    return [...exact, ...wild];
  }
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('find what trying every name would find, in the order the names were added', () => {
    const piece = fc.constantFrom('github.com/', 'jackc/', 'pgx', '/v5', 'redis', '-', 'go-', '*', 'a', '@aws-sdk/', 'client-', 's3', '.');
    const name = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 30 }), fc.array(name, { minLength: 1, maxLength: 10 }), (names, keys) => {
        const idx = new NameIndex();
        for (const n of names) idx.add(n, { id: n } as Rule, false);
        for (const raw of keys) {
          const key = raw.replace(/\*/g, '');
          const found: Rule[] = [];
          idx.lookup(key, found);
          assert.deepStrictEqual(
            found.map((r) => r.id),
            linear(names, key),
            key,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('match case-folded names on lower-case keys', () => {
    const idx = new NameIndex();
    idx.add('Microsoft.AspNetCore.Authentication*', { id: 'auth' } as Rule, true);
    const found: Rule[] = [];
    idx.lookup('microsoft.aspnetcore.authentication.jwtbearer', found);
    assert.deepStrictEqual(
      found.map((r) => r.id),
      ['auth'],
    );
  });
});
