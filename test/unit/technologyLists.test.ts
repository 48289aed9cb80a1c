import * as assert from 'node:assert';
import { SkillTechnologies, toMarkdown, type Catalog, type Rule } from '../../src/core';
import { builtinCatalog, scanMemory } from './helpers';

/** Languages and their runtimes, as a résumé names them: only Programming languages may list one. (The catalogue's "Bun" is a Go ORM.) */
const LANGUAGES = new Set([
  'C', 'C#', 'C++', 'Clojure', 'Crystal', 'Dart', 'Deno', 'Elixir', 'Erlang', 'F#', 'Gleam', 'Go', 'Groovy', 'Haskell',
  'Java', 'JavaScript', 'Julia', 'Kotlin', 'Lua', 'Node.js', 'OCaml', 'Perl', 'PHP', 'Python', 'R', 'Ruby', 'Rust', 'Scala',
  'Swift', 'TypeScript', 'Zig',
]); // prettier-ignore

/** Hosted CI services: CI/CD and Version control may list them, no other skill. */
const CI_SERVICES = new Set([
  'AppVeyor', 'AWS CodeBuild', 'Azure Pipelines', 'Bitbucket Pipelines', 'Buildkite', 'CircleCI', 'Drone CI', 'GitHub Actions',
  'GitLab CI', 'Google Cloud Build', 'Jenkins', 'Semaphore', 'TeamCity', 'Travis CI', 'Woodpecker CI',
]); // prettier-ignore

/** Package managers and build tools: only CI/CD may list them. */
const BUILD_TOOLS = new Set([
  'npm', 'pnpm', 'Yarn', 'pip', 'pipenv', 'Poetry', 'uv', 'PDM', 'Hatch', 'setuptools', 'Maven', 'Gradle', 'sbt', 'Cargo',
  'Composer', 'Bundler', 'RubyGems', 'NuGet', 'MSBuild', 'Mix', 'Rebar3', 'Leiningen', 'Bazel', 'Make',
]); // prettier-ignore

/** Rules whose technology reaches their skill's list although it belongs to another skill's kind of list. */
function foreignNames(catalog: Catalog): string[] {
  const lists = new SkillTechnologies(catalog);
  const technical = new Set(catalog.skills.map((s) => s.id));
  const out: string[] = [];
  for (const r of catalog.rules) {
    if (!technical.has(r.skill) || !lists.listedRule(r)) continue;
    const t = r.technology;
    const where = `${r.id} lists "${t}"`;
    if (r.skill === 'programming-languages' && !LANGUAGES.has(t)) out.push(`${where}, which is no language or runtime`);
    if (r.skill !== 'programming-languages' && LANGUAGES.has(t)) out.push(`${where}, a language`);
    if (!['ci-cd', 'version-control'].includes(r.skill) && CI_SERVICES.has(t)) out.push(`${where}, a CI service`);
    if (r.skill !== 'ci-cd' && BUILD_TOOLS.has(t)) out.push(`${where}, a package manager or build tool`);
  }
  return out;
}

function withRule(catalog: Catalog, rule: Partial<Rule> & Pick<Rule, 'id' | 'skill' | 'technology'>): Catalog {
  const full: Rule = { strength: 'weak', examples: { positive: [], negative: [] }, source: { file: 'test', line: 1 }, ...rule };
  return { ...catalog, rules: [...catalog.rules, full] };
}

describe('technology lists', () => {
  const catalog = builtinCatalog();

  describe('the catalogue', () => {
    it('lists under each skill only names of its own kind', () => {
      assert.deepStrictEqual(foreignNames(catalog), []);
    });

    it('would reject a language, a CI service or a package manager listed under another skill', () => {
      let bad = withRule(catalog, { id: 'testing/py-files', skill: 'testing', technology: 'Python' });
      bad = withRule(bad, { id: 'security/ci', skill: 'security', technology: 'Travis CI' });
      bad = withRule(bad, { id: 'databases/pm', skill: 'databases', technology: 'Gradle' });
      bad = withRule(bad, { id: 'programming-languages/host', skill: 'programming-languages', technology: 'GitLab' });
      assert.deepStrictEqual(foreignNames(bad), [
        'testing/py-files lists "Python", a language',
        'security/ci lists "Travis CI", a CI service',
        'databases/pm lists "Gradle", a package manager or build tool',
        'programming-languages/host lists "GitLab", which is no language or runtime',
      ]);
    });

    it("keeps what ticks an item of another skill's kind under the item only", () => {
      // As a detection rule of Testing, the CI service would be a testing technology, listed from every rule that names it.
      const asDetection = withRule(catalog, { id: 'testing/ci-as-tool', skill: 'testing', technology: 'GitHub Actions' });
      assert.deepStrictEqual(foreignNames(asDetection), [
        'testing/tests-in-ci lists "GitHub Actions", a CI service',
        'testing/ci-as-tool lists "GitHub Actions", a CI service',
      ]);
      const lists = new SkillTechnologies(catalog);
      assert.strictEqual(lists.listed('testing', 'GitHub Actions'), false);
      assert.strictEqual(lists.listed('programming-languages', 'GitHub'), false);
      assert.strictEqual(lists.listed('stream-processing', 'WebSocket'), false, 'its item says listed: false');
      assert.strictEqual(lists.listed('testing', 'Mockito'), true, 'a mocking library is a testing tool');
      assert.strictEqual(lists.listed('web-frameworks', 'FastAPI'), true, 'its rule says listed: true');
    });
  });

  describe('a scanned workspace', () => {
    const workspace = {
      'package.json': JSON.stringify({ dependencies: { express: '^4.19.0' }, devDependencies: { jest: '^29.0.0' } }, null, 2),
      'src/app.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
      'src/app.test.js': "test('adds', () => expect(1 + 1).toBe(2));\n",
      'CONTRIBUTING.md': 'Thanks for helping.\n',
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm test\n',
    };

    it('shows practice evidence under its item, not in the skill list, and keeps every status', async () => {
      const map = await scanMemory(workspace);
      const skill = (id: string) => map.skills.find((s) => s.id === id)!;
      const pl = skill('programming-languages');
      assert.ok(pl.technologies.includes('Node.js'), pl.technologies.join(', '));
      assert.ok(!pl.technologies.includes('GitHub'), pl.technologies.join(', '));
      assert.deepStrictEqual(
        pl.practice.find((p) => p.id === 'open-source'),
        {
          id: 'open-source',
          title: 'Contribute to open-source projects',
          done: true,
          technologies: ['GitHub'],
        },
      );
      const testing = skill('testing');
      assert.strictEqual(testing.status, 'practised');
      assert.ok(testing.technologies.includes('Jest'), testing.technologies.join(', '));
      for (const t of testing.technologies) assert.ok(!LANGUAGES.has(t) && !CI_SERVICES.has(t) && !BUILD_TOOLS.has(t), t);
      assert.deepStrictEqual(testing.practice.find((p) => p.id === 'tests-in-ci')?.technologies, ['GitHub Actions']);
      // The evidence behind the item stays in the skill's evidence: it counts for the status.
      assert.ok(testing.evidence.some((e) => e.rule === 'testing/tests-in-ci'));
      const tests = testing.evidence.find((e) => e.rule === 'testing/js-test-files');
      assert.strictEqual(tests?.technology, 'Automated tests');
      assert.strictEqual(tests?.via, 'JavaScript');
      for (const p of map.skills.flatMap((s) => s.practice)) assert.strictEqual(p.done, p.technologies.length > 0, p.id);
    });

    it('writes the same lists in the résumé, with a legend of the levels', async () => {
      const map = await scanMemory(workspace);
      const md = toMarkdown(map, catalog);
      const testing = map.skills.find((s) => s.id === 'testing')!;
      const line = md.split('\n').find((l) => l.startsWith('- **Testing**'));
      assert.ok(line?.includes(testing.technologies.join(', ')), line);
      assert.ok(!line?.includes('GitHub Actions'), line);
      assert.match(md, /Advanced: .*Intermediate: .*Beginner: /);
      assert.ok(md.indexOf('## Not yet shown') > md.indexOf('- **Testing**'));
    });
  });
});
