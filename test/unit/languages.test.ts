import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LANGUAGE_DESCRIPTORS, SOURCE_EXTENSIONS, sourceLanguage } from '../../src/core/languages';
import { commentMarkers, withYamlTemplates } from '../../src/core/paths';
import { IMPORT_READERS } from '../../src/core/readers/imports';
import { isSourceFile } from '../../src/core/scanner';
import { isFixturePath } from '../../src/core/paths';

const ids = LANGUAGE_DESCRIPTORS.map((d) => d.id);

describe('source languages', () => {
  describe('the registry', () => {
    it('lists each language once (the type checker holds the registry to the Language type)', () => {
      assert.strictEqual(new Set(ids).size, ids.length);
      for (const d of LANGUAGE_DESCRIPTORS) assert.match(d.id, /^[a-z]+$/);
    });

    it('agrees with the languages the catalogue schema lets a rule name, in its one list of them', () => {
      const schema = JSON.parse(readFileSync(path.join(__dirname, '../../../skills/schema.json'), 'utf8'));
      assert.deepStrictEqual(schema.definitions.languageList.items.enum, ids);
      const uses: unknown[] = [];
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const languages = (node as Record<string, unknown>).languages;
        if (languages && typeof languages === 'object' && !Array.isArray(languages)) uses.push(languages);
        for (const child of Object.values(node)) walk(child);
      };
      walk(schema.definitions.rule ?? schema);
      assert.ok(uses.length > 0, 'rules name languages');
      for (const use of uses) assert.deepStrictEqual(use, { $ref: '#/definitions/languageList' }, 'every rule refers to the one list');
    });

    it('gives every extension, in lower case without a dot, to one language only', () => {
      for (const ext of SOURCE_EXTENSIONS) assert.match(ext, /^[a-z0-9]+$/);
      assert.strictEqual(new Set(SOURCE_EXTENSIONS).size, SOURCE_EXTENSIONS.length);
    });

    it('gives every language extensions and import words', () => {
      for (const d of LANGUAGE_DESCRIPTORS) {
        assert.ok(d.extensions.length > 0, d.id);
        assert.ok(d.importWords.length > 0, d.id);
        for (const w of d.importWords) assert.match(w, /^[a-z]+$/, d.id);
      }
    });

    it('tells a language by the extension, in any case, and names none by an Object member', () => {
      for (const d of LANGUAGE_DESCRIPTORS) {
        for (const ext of d.extensions) {
          assert.strictEqual(sourceLanguage(`src/a.${ext}`)?.id, d.id, ext);
          assert.strictEqual(sourceLanguage(`A.${ext.toUpperCase()}`)?.id, d.id, ext);
        }
      }
      for (const p of ['a.constructor', 'a.__proto__', 'a.hasownproperty', 'a', '.ts', 'a.ts/b'])
        assert.strictEqual(sourceLanguage(p), undefined, p);
    });
  });

  describe('what derives from it', () => {
    it('the scanner reads every source file in the second pass, type declarations aside', () => {
      for (const ext of SOURCE_EXTENSIONS) {
        assert.ok(isSourceFile(`src/a.${ext}`), ext);
        assert.ok(isSourceFile(`src/A.${ext.toUpperCase()}`), ext);
      }
      for (const p of ['a.d.ts', 'package.json', 'a.yaml', 'Dockerfile', 'a.ts.orig', 'a.json', 'a.md', 'a.c'])
        assert.ok(!isSourceFile(p), p);
    });

    it('the imports reader claims the files of every language', () => {
      const reader = IMPORT_READERS[0];
      for (const ext of SOURCE_EXTENSIONS) assert.ok(reader.claims?.(`a.${ext}`) && reader.matches(`src/a.${ext}`), ext);
    });

    it('comment markers of source files come from their language', () => {
      const hash = ['#'];
      const slash = ['//', '/*', '*'];
      const expected: Record<string, string[]> = {
        js: slash,
        jsx: slash,
        mjs: slash,
        cjs: slash,
        ts: slash,
        tsx: slash,
        mts: slash,
        cts: slash,
        py: hash,
        java: slash,
        kt: slash,
        kts: slash,
        go: slash,
        rb: hash,
        cs: slash,
        rs: slash,
        ex: hash,
        exs: hash,
        swift: slash,
        scala: slash,
        // `#` also starts a PHP comment, but `#[Route(...)]` is an attribute: a prefix cannot tell them apart.
        php: slash,
      };
      assert.deepStrictEqual(Object.keys(expected).sort(), [...SOURCE_EXTENSIONS].sort());
      for (const [ext, markers] of Object.entries(expected)) assert.deepStrictEqual(commentMarkers(`src/a.${ext}`), markers, ext);
    });

    it("test files are told by their language's names for them, and prove only Testing", () => {
      const tests = [
        'src/orders.test.ts',
        'web/App.spec.jsx',
        'test/test-helper.ts',
        'internal/api/orders_test.go',
        'tests/test_orders.py',
        'app/orders_test.py',
        'spec/models/order_spec.rb',
        'test/test_helper.rb',
        'test/orders_test.exs',
        'Tests/AppTests/TodoTests.swift',
        'Tests/AppTests/RouteTest.swift',
        'src/test/java/com/acme/OrderListeners.java',
        'orders/src/test/kotlin/com/acme/Fakes.kt',
        'src/integrationTest/java/com/acme/KafkaCheck.java',
        'lib/src/testFixtures/java/com/acme/Builders.java',
        'tests/health.rs',
        'crates/api/tests/routes/orders.rs',
        'benches/routing.rs',
        // A test/ or tests/ folder holds tests whatever the language: mocha's test/, pytest's tests/,
        // Jest's __tests__/, Ant-era Java's test/, and what they start or serve.
        'test/src/main.java',
        'tests/conftest.rb.bak',
        'test/manual-test-grpc/simple-grpc-server.js',
        'tests/factories.py',
        'src/__tests__/api.js',
        'tests/docker-compose.yml',
      ];
      const notTests = [
        'src/latest.ts',
        'src/testing.py',
        'lib/orders_test.ex',
        'Sources/App/Requests.swift',
        'Sources/App/Contest.swift',
        'Sources/App/TestsRunner.go',
        'src/OrderTests.kt.orig',
        'docs/orders_test.md',
        'src/main/java/com/acme/test/TestClock.java',
        'src/main/java/com/acme/OrderTests.java',
        'src/jmh/java/com/acme/Bench.java',
        'src/tests.rs',
        'src/routes/mod.rs',
        'crates/contests/src/lib.rs',
        'benches/README.md',
        'src/main/java/com/acme/tests/Fixtures.java',
        'src/main/scala/com/acme/test/Clock.scala',
        'contest/entries.py',
      ];
      for (const p of tests) assert.ok(isFixturePath(p), p);
      for (const p of notTests) assert.ok(!isFixturePath(p), p);
      for (const d of LANGUAGE_DESCRIPTORS)
        if (d.testFile) for (const ext of d.extensions) assert.ok(!d.testFile.test(`main.${ext}`), `${d.id}: main.${ext}`);
    });

    it('other files keep their own comment markers', () => {
      assert.deepStrictEqual(commentMarkers('a.yaml'), ['#']);
      assert.deepStrictEqual(commentMarkers('a.sql'), ['--', '/*', '*']);
      assert.deepStrictEqual(commentMarkers('a.scala'), ['//', '/*', '*']);
      assert.deepStrictEqual(commentMarkers('Dockerfile'), ['#']);
      assert.deepStrictEqual(commentMarkers('a.unknown'), ['#', '//']);
    });

    it('a template is read as the file it renders, and its own comments are comments', () => {
      const nginx = commentMarkers('roles/web/templates/nginx.conf.j2');
      for (const m of ['#', '{#', '<%#', '{{/*']) assert.ok(nginx.includes(m), m);
      assert.ok(commentMarkers('deploy/site.yaml.tmpl').includes('#'));
      assert.ok(commentMarkers('Dockerfile.erb').includes('<%#'));
      assert.ok(!commentMarkers('infra/db.tf.tftpl').includes('--'));
      assert.ok(commentMarkers('db/init.sql.j2').includes('--'));
    });

    it("a glob for any YAML file of a folder also takes that YAML's templates, one glob per suffix", () => {
      const globs = withYamlTemplates('**/*.yaml');
      for (const g of ['**/*.yaml', '**/*.yaml.erb', '**/*.yaml.j2', '**/*.yaml.tmpl', '**/*.yaml.gotmpl']) assert.ok(globs.includes(g), g);
      assert.ok(!globs.some((g) => g.includes('{')), 'no brace left: each is found by its ending');
      const both = withYamlTemplates('deploy/*.{yaml,yml}');
      assert.ok(both.includes('deploy/*.yml.erb') && both.includes('deploy/*.yaml.j2'));
      // A named file, or any other kind, stays as it is.
      assert.deepStrictEqual(withYamlTemplates('**/docker-compose.yml'), ['**/docker-compose.yml']);
      assert.deepStrictEqual(withYamlTemplates('**/*.conf'), ['**/*.conf']);
    });
  });
});
