import * as assert from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BaseNameBuckets } from '../../../src/core/baseBuckets';
import { baseNameMatcher } from '../../../src/core/glob';
import { builtinCatalog, FIXTURES } from '../helpers';

function fixtureBaseNames(dir: string, out = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    out.add(name);
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) fixtureBaseNames(abs, out);
  }
  return out;
}

describe('base-name buckets', () => {
  const globs = [...new Set(builtinCatalog().rules.flatMap((r) => r.content?.files ?? r.file?.paths ?? []))];
  const buckets = new BaseNameBuckets<string>();
  for (const g of globs) buckets.add(g.slice(g.lastIndexOf('/') + 1), g, baseNameMatcher(g));
  const expected = (base: string) => globs.filter((g) => baseNameMatcher(g)(base));

  it('finds exactly the globs whose last segment matches, for every file name in the fixtures', () => {
    const names = [...fixtureBaseNames(FIXTURES), '.yml', 'a.b.yml', 'Dockerfile.prod', 'x.d.ts', 'values-prod.yaml', '.env.example', 'README'];
    assert.ok(names.length > 100);
    for (const base of names) assert.deepStrictEqual(buckets.lookup(base), expected(base), base);
  });

  it('agrees with the glob matcher on random names built from the catalogue\'s own pieces', () => {
    const pieces = ['.', 'yml', 'yaml', 'json', 'ts', 'js', 'docker', 'Dockerfile', 'compose', 'nginx', 'conf', '-', '_', 'test', 'x', 'tf', 'sql', 'Chart', 'values', 'config', 'py', 'rb', 'go', 'mod'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }), (parts) => {
        const base = parts.join('');
        assert.deepStrictEqual(buckets.lookup(base), expected(base), base);
      }),
      { numRuns: 2000 },
    );
  });
});
