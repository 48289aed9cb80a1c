import * as assert from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BaseNameBuckets } from '../../../src/core/baseBuckets';
import picomatch from 'picomatch';
import { baseNameMatcher, globMatcher } from '../../../src/core/glob';
import { DEFAULT_EXCLUDED_FILES } from '../../../src/core/workspace/excludes';
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
    const names = [
      ...fixtureBaseNames(FIXTURES),
      '.yml',
      'a.b.yml',
      'Dockerfile.prod',
      'x.d.ts',
      'values-prod.yaml',
      '.env.example',
      'README',
    ];
    assert.ok(names.length > 100);
    for (const base of names) assert.deepStrictEqual(buckets.lookup(base), expected(base), base);
  });

  it("agrees with the glob matcher on random names built from the catalogue's own pieces", () => {
    const pieces = [
      '.',
      'yml',
      'yaml',
      'json',
      'ts',
      'js',
      'docker',
      'Dockerfile',
      'compose',
      'nginx',
      'conf',
      '-',
      '_',
      'test',
      'x',
      'tf',
      'sql',
      'Chart',
      'values',
      'config',
      'py',
      'rb',
      'go',
      'mod',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }), (parts) => {
        const base = parts.join('');
        assert.deepStrictEqual(buckets.lookup(base), expected(base), base);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('glob matcher (compiled expression behind a substring check)', () => {
  const globs = [
    ...new Set([
      ...builtinCatalog().rules.flatMap((r) => r.content?.files ?? r.file?.paths ?? []),
      ...DEFAULT_EXCLUDED_FILES,
      'docs/**/*.py',
      'src/@(a|b)/x.ts',
      '**/[Dd]ockerfile.*',
      'a\\*b',
      '!(x)/y.js',
      '{api,web}/**/main.go',
      'legacy/**',
    ]),
  ];
  const plain = (g: string) => picomatch.makeRe(g, { dot: true });

  function fixturePaths(dir: string, rel = '', out: string[] = []): string[] {
    for (const name of readdirSync(dir)) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, name)).isDirectory()) fixturePaths(path.join(dir, name), r, out);
      else out.push(r);
    }
    return out;
  }

  it('decides like picomatch for every file of the fixtures', () => {
    const paths = fixturePaths(FIXTURES);
    assert.ok(paths.length > 200);
    for (const g of globs) {
      const re = plain(g);
      const m = globMatcher(g);
      for (const p of paths) assert.strictEqual(m(p), re.test(p), `${g} on ${p}`);
    }
  });

  it("decides like picomatch on random paths built from the globs' own pieces", () => {
    const pieces = [
      '/',
      '.',
      '.github',
      'workflows',
      'ci',
      'yml',
      'yaml',
      'migrations',
      'x',
      'a',
      'b',
      'api',
      'docs',
      'py',
      'ts',
      'js',
      'Dockerfile',
      'ockerfile',
      'Jenkinsfile',
      '_pb2_grpc',
      '-',
      'k8s',
      'helm',
      'templates',
      'Chart',
      'tf',
      'test',
      '__tests__',
      'legacy',
      'main',
      'go',
      'min',
      'generated',
    ];
    const sample = globs.filter((_, i) => i % 3 === 0);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }), (parts) => {
        const p =
          parts
            .join('')
            .replace(/\/+/g, '/')
            .replace(/^\/|\/$/g, '') || 'x';
        for (const g of sample) assert.strictEqual(globMatcher(g)(p), plain(g).test(p), `${g} on ${p}`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('base-name bucket keys', () => {
  const globs = [...new Set(builtinCatalog().rules.flatMap((r) => r.content?.files ?? r.file?.paths ?? []))];
  const buckets = new BaseNameBuckets<string>();
  for (const g of globs) buckets.add(g.slice(g.lastIndexOf('/') + 1), g, baseNameMatcher(g));

  it('gives two names the same key exactly when their lookups are equal', () => {
    const names = [
      ...fixtureBaseNames(FIXTURES),
      'm1.ts',
      'm2.ts',
      'a.d.ts',
      'Dockerfile',
      'Dockerfile.prod',
      'x_pb2_grpc.py',
      'y.py',
      'values.yaml',
      'values-prod.yaml',
      'ci.yml',
      '.env.example',
    ];
    const byKey = new Map<string, string>();
    for (const n of names) {
      const key = buckets.lookupKey(n);
      const lookup = buckets.lookupIndices(n).join(',');
      if (byKey.has(key))
        assert.strictEqual(buckets.lookupIndices(byKey.get(key)!).join(','), lookup, `${n} and ${byKey.get(key)} share a key`);
      else byKey.set(key, n);
    }
    assert.strictEqual(buckets.lookupKey('m1.ts'), buckets.lookupKey('m2.ts'));
  });
});
