import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog, type Catalog } from '../../../src/core';
import { globMatcher } from '../../../src/core/glob';
import { builtinCatalog, scanMemory, SKILLS_DIR } from '../helpers';

/** The built-in catalogue plus one user rule file. */
function withRules(yaml: string): Catalog {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bsm-scope-')), 'rules.yaml');
  writeFileSync(file, yaml);
  const { catalog, problems } = loadCatalog(SKILLS_DIR, [file]);
  assert.deepStrictEqual(problems, []);
  return catalog;
}

const SCOPED = `rules:
  - id: databases/test-scoped-sql
    technology: SQL
    strength: strong
    content:
      files: ["**/*.{ts,java,kt,scala}"]
      imports: { languages: [java, kotlin], modules: [java.sql] }
      pattern: 'SELECT_FROM_MARKER'
    examples:
      positive:
        - a.ts: "const q = 'SELECT_FROM_MARKER';\\n"
      negative:
        - a.ts: "const q = 1;\\n"
`;

const fired = async (catalog: Catalog, files: Record<string, string>): Promise<string[]> => {
  const map = await scanMemory(files, catalog);
  const db = map.skills.find((s) => s.id === 'databases')!;
  return db.evidence.filter((e) => e.rule === 'databases/test-scoped-sql').map((e) => e.file);
};

describe('content rules scoped to imports in some languages', () => {
  it('hold only the named languages to their imports', async () => {
    const catalog = withRules(SCOPED);
    const files = {
      'web/q.ts': "export const q = 'SELECT_FROM_MARKER';\n",
      'src/Plain.java': 'package app;\n\nimport java.util.List;\n\nclass Plain { String q = "SELECT_FROM_MARKER"; }\n',
      'src/Jdbc.java': 'package app;\n\nimport java.sql.Connection;\n\nclass Jdbc { String q = "SELECT_FROM_MARKER"; }\n',
      'src/Wild.kt': 'package app\n\nimport java.sql.*\n\nval q = "SELECT_FROM_MARKER"\n',
      'src/Plain.kt': 'package app\n\nval q = "SELECT_FROM_MARKER"\n',
      // Scala's imports are not read: a language the scope does not name is not held to it.
      'src/Q.scala': 'object Q { val q = "SELECT_FROM_MARKER" }\n',
    };
    assert.deepStrictEqual((await fired(catalog, files)).sort(), ['src/Jdbc.java', 'src/Q.scala', 'src/Wild.kt', 'web/q.ts']);
  });

  it('as a plain list, hold every file the rule looks in', async () => {
    const catalog = withRules(SCOPED.replace('{ languages: [java, kotlin], modules: [java.sql] }', '[java.sql]'));
    const files = {
      'web/q.ts': "export const q = 'SELECT_FROM_MARKER';\n",
      'src/Jdbc.java': 'package app;\n\nimport java.sql.Connection;\n\nclass Jdbc { String q = "SELECT_FROM_MARKER"; }\n',
    };
    assert.deepStrictEqual(await fired(catalog, files), ['src/Jdbc.java']);
  });

  it('are refused by the schema without languages or modules', () => {
    for (const bad of [
      '{ languages: [java] }',
      '{ modules: [java.sql] }',
      '{ languages: [cobol], modules: [x] }',
      '{ languages: [], modules: [x] }',
    ]) {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bsm-scope-')), 'rules.yaml');
      writeFileSync(file, SCOPED.replace('{ languages: [java, kotlin], modules: [java.sql] }', bad));
      const { problems } = loadCatalog(SKILLS_DIR, [file]);
      assert.ok(problems.length > 0, bad);
    }
  });
});

describe('the catalogue for Java and Kotlin files', () => {
  // A Java or Kotlin file whose imports concern no content rule is read only as far as its imports
  // (fileEvidence.ts): one rule held to no imports in these languages makes every such file read whole.
  it('names, for every content rule that looks in them, the imports that make it relevant', () => {
    const unscoped: string[] = [];
    for (const rule of builtinCatalog().rules) {
      const c = rule.content;
      if (!c) continue;
      for (const [language, file] of [
        ['java', 'src/main/java/app/Service.java'],
        ['kotlin', 'src/main/kotlin/app/Service.kt'],
      ] as const) {
        if (!c.files.some((g) => globMatcher(g)(file))) continue;
        const held = Array.isArray(c.imports) || c.imports?.languages.includes(language);
        if (!held) unscoped.push(`${rule.id} (${language})`);
      }
    }
    assert.deepStrictEqual(unscoped, [], 'content rules for Java or Kotlin files without imports:');
  });
});
