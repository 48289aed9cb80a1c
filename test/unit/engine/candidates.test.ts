import * as assert from 'node:assert';
import fc from 'fast-check';
import { CandidateIndex, pathMatcher, type FileRule } from '../../../src/core/match/candidates';
import { baseNameMatcher, globMatcher } from '../../../src/core/glob';
import type { Rule } from '../../../src/core/types';

const GLOBS = [
  '.github/**',
  '.github/ISSUE_TEMPLATE/*',
  '**/sites-available/*',
  '**/sites-{available,enabled}/*',
  '**/nginx/**',
  'docs/adr/**',
  '**/Dockerfile',
  '**/*.yml',
  '**/templates/nginx*',
  'k8s/*.yaml',
];

function index(): CandidateIndex {
  const idx = new CandidateIndex();
  for (const glob of GLOBS)
    idx.addFileRule(glob, { rule: { id: glob } as Rule, matches: pathMatcher(glob), baseMatches: baseNameMatcher(glob) });
  return idx;
}

/** The rules whose glob matches a path, as the candidates and their globs give them. */
function matching(idx: CandidateIndex, path: string): string[] {
  const c = idx.for(path);
  return c.files.filter((f: FileRule, i: number) => idx.globMatches(path, c, c.fileMatcher[i])).map((f) => f.rule.id);
}

describe('candidates of a path', () => {
  it('are every rule whose glob matches, whether or not the path is in a folder some glob names', () => {
    const idx = index();
    const segment = fc.constantFrom(
      '.github',
      'ISSUE_TEMPLATE',
      'sites-available',
      'sites-enabled',
      'nginx',
      'docs',
      'adr',
      'k8s',
      'templates',
      'src',
      'app',
    );
    const base = fc.constantFrom(
      'Dockerfile',
      'ci.yml',
      'app.yaml',
      'default',
      'nginx.conf',
      'main.go',
      '0001-record.md',
      'nginx-site',
      '.github',
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), base, (dirs, name) => {
        const path = [...dirs, name].join('/');
        const expected = GLOBS.filter((g) => globMatcher(g)(path));
        assert.deepStrictEqual(matching(idx, path), expected, path);
      }),
      { numRuns: 500 },
    );
  });

  it('leave the folder rules out of a path in none of their folders', () => {
    const idx = index();
    const ids = (path: string) => idx.for(path).files.map((f) => f.rule.id);
    assert.ok(!ids('src/app/main.yml').includes('.github/**'), ids('src/app/main.yml').join(' '));
    assert.ok(ids('.github/workflows/ci.yml').includes('.github/**'));
    assert.ok(ids('etc/nginx/sites-available/default').includes('**/sites-available/*'));
  });
});
