import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync, readdirSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog, CatalogError, MemorySource, Scanner, type SkillMap } from '../../src/core';
import picomatch from 'picomatch';
import { deriveLiterals } from '../../src/core/literals';
import { parseCompiledCatalog, readCompiledCatalog } from '../../src/core/compiledCatalog';
import { lookedForTable } from '../../src/core/reasons';
import { builtinCatalog, scanMemory, SKILLS_DIR } from './helpers';

const ALL_SKILLS = [
  'programming-languages',
  'databases',
  'api-development',
  'auth',
  'version-control',
  'web-frameworks',
  'containerization',
  'cloud-computing',
  'testing',
  'message-brokers',
  'security',
  'microservices',
  'server-admin-deployment',
  'distributed-systems',
  'event-driven-architecture',
  'graph-databases',
  'serverless',
  'stream-processing',
  'load-balancing-ha',
  'ci-cd',
  'caching',
];

/** The 21 skills' evidence and the soft skills' signals: every rule's examples are checked against both. */
const allEvidence = (map: SkillMap) => [...map.skills.flatMap((s) => s.evidence), ...map.softSkills.flatMap((s) => s.signals)];

describe('skill catalogue', () => {
  const catalog = builtinCatalog();

  it('defines all 21 skills with guidance', () => {
    assert.deepStrictEqual(catalog.skills.map((s) => s.id).sort(), [...ALL_SKILLS].sort());
    for (const s of catalog.skills) {
      assert.ok(s.howToLearn.length >= 3, `${s.id}: how-to-learn steps`);
      assert.ok(s.links.length >= 1 && s.links.every((l) => l.url.startsWith('https://')), `${s.id}: links`);
      assert.ok(s.learningMonths > 0, `${s.id}: learning time`);
    }
    assert.strictEqual(catalog.skills.filter((s) => s.tier === 'core').length, 13);
    assert.strictEqual(catalog.skills.filter((s) => s.tier === 'advanced').length, 8);
  });

  it('has detection rules for every skill', () => {
    for (const id of ALL_SKILLS)
      assert.ok(
        catalog.rules.some((r) => r.skill === id),
        `${id} has no rule`,
      );
  });

  describe('every rule fires on its positive examples and not on its negatives', () => {
    for (const rule of builtinCatalog().rules) {
      it(rule.id, async () => {
        for (const [i, example] of rule.examples.positive.entries()) {
          const map = await scanMemory(example);
          const fired = allEvidence(map).some((e) => e.rule === rule.id);
          assert.ok(fired, `positive example ${i + 1} of ${rule.id} (${rule.source.file}:${rule.source.line}) did not fire`);
        }
        for (const [i, example] of rule.examples.negative.entries()) {
          const map = await scanMemory(example);
          const hit = allEvidence(map).find((e) => e.rule === rule.id);
          assert.ok(!hit, `negative example ${i + 1} of ${rule.id} fired at ${hit?.file}:${hit?.line}`);
        }
      });
    }
  });
});

describe('catalogue validation', () => {
  function copySkills(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-skills-'));
    for (const f of readdirSync(SKILLS_DIR)) if (/\.(ya?ml|json)$/.test(f)) copyFileSync(path.join(SKILLS_DIR, f), path.join(dir, f));
    return dir;
  }

  it('rejects an unknown field with the file and line', () => {
    const dir = copySkills();
    const file = path.join(dir, 'caching.yaml');
    const text = readFileSync(file, 'utf8').replace(/^summary:/m, 'colour: blue\nsummary:');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l: string) => l.startsWith('colour:')) + 1;
    assert.throws(
      () => loadCatalog(dir),
      (err: unknown) => {
        assert.ok(err instanceof CatalogError);
        assert.match(err.message, new RegExp(`caching\\.yaml:${line}: .*unknown field "colour"`));
        return true;
      },
    );
  });

  it('rejects an unknown skill id in prerequisites and malformed YAML', () => {
    const dir = copySkills();
    const file = path.join(dir, 'caching.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^prerequisites:.*$/m, 'prerequisites: [cooking]'));
    assert.throws(() => loadCatalog(dir), /caching\.yaml:\d+: .*prerequisites.*must be one of/);
    writeFileSync(file, 'id: caching\ntitle: [unclosed\n');
    assert.throws(() => loadCatalog(dir), /caching\.yaml:\d+:/);
  });

  it('takes user rules that add to and override built-in rules by id', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-user-'));
    const file = path.join(dir, 'my-rules.yaml');
    writeFileSync(
      file,
      [
        'rules:',
        '  - id: databases/postgres-npm',
        '    technology: Postgres (team driver)',
        '    strength: strong',
        '    dependency: { ecosystem: npm, names: [our-pg-wrapper] }',
        '    examples:',
        '      positive: [{ package.json: \'{"dependencies":{"our-pg-wrapper":"1"}}\' }]',
        '      negative: [{ package.json: \'{"dependencies":{"pg":"1"}}\' }]',
        '  - id: caching/house-cache',
        '    technology: HouseCache',
        '    strength: weak',
        '    dependency: { ecosystem: npm, names: [house-cache] }',
        '    examples:',
        '      positive: [{ package.json: \'{"dependencies":{"house-cache":"1"}}\' }]',
        "      negative: [{ package.json: '{}' }]",
      ].join('\n'),
    );
    const { catalog, problems } = loadCatalog(SKILLS_DIR, [file]);
    assert.deepStrictEqual(problems, []);
    const pg = catalog.rules.find((r) => r.id === 'databases/postgres-npm')!;
    assert.strictEqual(pg.technology, 'Postgres (team driver)');
    assert.ok(catalog.rules.some((r) => r.id === 'caching/house-cache' && r.skill === 'caching'));
  });

  it('reports a bad user rule file with file and line and keeps the built-in rules', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-user-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'rules:\n  - id: cooking/pasta\n    technology: Pasta\n    strength: strong\n    file: { paths: ["**/pasta"] }\n    examples: { positive: [{a: b}], negative: [{a: b}] }\n  - id: caching/evil\n    technology: Evil\n    strength: weak\n    content: { files: ["**/*.js"], pattern: "(a+)+$" }\n    examples: { positive: [{a: b}], negative: [{a: b}] }\n',
    );
    const { catalog, problems } = loadCatalog(SKILLS_DIR, [file]);
    assert.ok(
      problems.some((p) => /bad\.yaml:2: .*unknown skill "cooking"/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /bad\.yaml:7: .*catastrophic backtracking/.test(p)),
      problems.join('\n'),
    );
    assert.ok(!catalog.rules.some((r) => r.id === 'caching/evil'));
    assert.ok(catalog.rules.length > 50);
    const missing = loadCatalog(SKILLS_DIR, [path.join(dir, 'nope.yaml')]);
    assert.match(missing.problems[0], /nope\.yaml:1: cannot read rule file/);
  });
});

void mkdirSync;

describe('compiled catalogue (dist/catalog.json)', () => {
  const file = path.join(__dirname, '..', '..', '..', 'dist', 'catalog.json');
  const compiled = () => parseCompiledCatalog(readFileSync(file, 'utf8'));

  it('holds every built-in rule, and the same rules the YAML gives', () => {
    const c = compiled();
    assert.strictEqual(c.format, 4);
    assert.deepStrictEqual(
      c.catalog.rules.map((r: { id: string }) => r.id),
      builtinCatalog().rules.map((r) => r.id),
    );
  });

  it('says in its first line what each skill looks for, as the rules would', () => {
    assert.deepStrictEqual(compiled().lookedFor, lookedForTable(builtinCatalog()));
  });

  it('reads the rules only when they are first used, and then the same ones', () => {
    const read = readCompiledCatalog(file)!;
    assert.strictEqual(read.format, 4);
    assert.strictEqual(read.catalog.skills.length, builtinCatalog().skills.length);
    assert.strictEqual(typeof Object.getOwnPropertyDescriptor(read.catalog, 'rules')!.get, 'function');
    const rules = read.catalog.rules;
    assert.strictEqual(Object.getOwnPropertyDescriptor(read.catalog, 'rules')!.value, rules);
    assert.deepStrictEqual(
      rules.map((r) => [r.id, r.skill, r.technology, r.source.line]),
      builtinCatalog().rules.map((r) => [r.id, r.skill, r.technology, r.source.line]),
    );
    assert.deepStrictEqual(rules[0].examples, { positive: [], negative: [] });
  });

  it('says which file to rebuild when its rules line is damaged', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-compiled-'));
    const damaged = path.join(dir, 'catalog.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(damaged, text.slice(0, text.indexOf('\n') + 100));
    const read = readCompiledCatalog(damaged)!;
    assert.strictEqual(read.catalog.skills.length, builtinCatalog().skills.length);
    assert.throws(
      () => read.catalog.rules,
      (err: Error) => err.message.includes(damaged) && err.message.includes('rebuild'),
    );
  });

  it('maps an empty folder from the first line alone', async () => {
    const read = readCompiledCatalog(file)!;
    const map = await new Scanner(new MemorySource({}), read.catalog).scan();
    assert.strictEqual(typeof Object.getOwnPropertyDescriptor(read.catalog, 'rules')!.get, 'function');
    const fromYaml = await new Scanner(new MemorySource({}), builtinCatalog()).scan();
    assert.deepStrictEqual(
      map.skills.map((s) => [s.id, s.status, s.reason]),
      fromYaml.skills.map((s) => [s.id, s.status, s.reason]),
    );
    assert.ok(map.skills.every((s) => s.status === 'missing'));
  });

  it('stores the prefilter the engine would derive for every content pattern', () => {
    const { literals } = compiled().prefilters as { literals: [string, string[] | null][] };
    const patterns = builtinCatalog().rules.filter((r) => r.content);
    assert.ok(literals.length >= patterns.length && patterns.length > 100);
    for (const [key, stored] of literals) {
      const ignoreCase = key.startsWith('i:');
      assert.deepStrictEqual(stored, deriveLiterals(key.slice(key.indexOf(':') + 1), ignoreCase), key);
    }
    const keys = new Set(literals.map(([k]) => k));
    for (const r of patterns) assert.ok(keys.has((r.content!.ignoreCase ? 'i:' : ':') + r.content!.pattern), r.id);
  });

  it('stores each glob as the expression picomatch compiles, and that expression decides like the glob', () => {
    const { globs } = compiled().prefilters as { globs: [string, string, string][] };
    assert.ok(globs.length > 100);
    for (const [glob, source, flags] of globs) {
      const re = picomatch.makeRe(glob, { dot: true });
      assert.strictEqual(source, re.source, glob);
      assert.strictEqual(flags, re.flags, glob);
    }
    const stored = new Map(globs.map(([g, s, f]) => [g, new RegExp(s, f)]));
    assert.ok(stored.get('**/.github/workflows/*.yml')!.test('.github/workflows/ci.yml'));
    assert.ok(!stored.get('**/.github/workflows/*.yml')!.test('.github/workflows/sub/ci.yml'));
  });
});
