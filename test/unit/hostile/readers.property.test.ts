import * as assert from 'node:assert';
import fc from 'fast-check';
import { READERS } from '../../../src/core/readers';
import { evidenceInText } from '../../../src/core';
import { builtinCatalog } from '../helpers';

/** A file name each reader claims, so every reader is exercised. */
const SAMPLE_PATHS = [
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'setup.cfg',
  'setup.py',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'gradle/libs.versions.toml',
  'go.mod',
  'Gemfile',
  'app.gemspec',
  'composer.json',
  'Cargo.toml',
  'Api.csproj',
  'Directory.Packages.props',
  'packages.config',
  'mix.exs',
  'Package.swift',
  'Dockerfile',
  'docker-compose.yml',
  'k8s/deployment.yaml',
  'chart/templates/deploy.yaml',
  '.github/workflows/ci.yml',
  '.gitlab-ci.yml',
  '.circleci/config.yml',
  'bitbucket-pipelines.yml',
  'src/app.ts',
  'app/main.py',
  'src/Main.java',
  'src/App.kt',
  'main.go',
  'app.rb',
  'index.php',
  'Program.cs',
  'src/main.rs',
  'lib/app.ex',
  'Sources/App/routes.swift',
  'infra/main.tf',
  'nginx/nginx.conf',
  'db/migrations/001.sql',
  'serverless.yml',
  'schema.graphql',
  'openapi.yaml',
];

const SEEDS: Record<string, string> = {
  'package.json': '{"dependencies": {"express": "^4", "pg": "^8"}, "devDependencies": {"jest": "^29"}}',
  'requirements.txt': 'fastapi==0.110\nredis>=5 ; python_version > "3.8"\n-r base.txt\n',
  'pyproject.toml': '[project]\nname = "x"\ndependencies = ["django>=5", "psycopg[binary]"]\n',
  'pom.xml':
    '<project><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>',
  'go.mod': 'module x\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgolang.org/x/net v0.1.0 // indirect\n)\n',
  'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n',
  'k8s/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: nginx:1.27\n',
  'src/app.ts': "import express from 'express';\nconst r = require('ioredis');\n",
  'Cargo.toml': '[dependencies]\naxum = "0.7"\n[dev-dependencies]\nmockall = "0.12"\n',
  'Package.swift':
    'let package = Package(\n  dependencies: [.package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")],\n  targets: [.testTarget(name: "T", dependencies: [.product(name: "XCTVapor", package: "vapor")])]\n)\n',
};

/** A generous bound: it catches hangs and quadratic passes, not slowness (the benchmark measures speed). */
const BUDGET_MS = 3000;

function timedRead(path: string, text: string): void {
  const started = Date.now();
  for (const reader of READERS) {
    if (!reader.matches(path)) continue;
    const result = reader.read(path, text);
    assert.ok(Array.isArray(result.facts), `${reader.name} returned no fact list`);
    for (const f of result.facts) assert.ok(Number.isInteger(f.line) && f.line >= 1, `${reader.name}: bad line ${f.line}`);
    if (result.skipped !== undefined) assert.ok(result.skipped.length > 0, `${reader.name}: empty skip reason`);
  }
  evidenceInText(path, text, builtinCatalog());
  const ms = Date.now() - started;
  assert.ok(ms < BUDGET_MS, `${path} took ${ms} ms`);
}

/** Cuts, duplicates and splices a valid file: the kind of damage a half-saved file has. */
const mutated = (seed: string) =>
  fc
    .tuple(fc.nat(seed.length), fc.nat(seed.length), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 3 }))
    .map(([a, b, junk, mode]) => {
      const [i, j] = a < b ? [a, b] : [b, a];
      switch (mode) {
        case 0:
          return seed.slice(0, i);
        case 1:
          return seed.slice(0, i) + junk + seed.slice(j);
        case 2:
          return seed.slice(0, j) + seed.slice(i);
        default:
          return '\uFEFF' + seed.slice(i) + '\0' + junk;
      }
    });

describe('readers never throw and stay fast on random and damaged input', () => {
  it('every sample path is claimed by a reader or a rule', () => {
    assert.ok(READERS.length >= 10);
  });

  for (const path of SAMPLE_PATHS) {
    it(`random text as ${path}`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => timedRead(path, text)),
        { numRuns: 150 },
      );
    });
  }

  for (const [path, seed] of Object.entries(SEEDS)) {
    it(`damaged ${path}`, () => {
      fc.assert(
        fc.property(mutated(seed), (text) => timedRead(path, text)),
        { numRuns: 300 },
      );
    });
  }
});

describe('hostile documents', () => {
  it('a YAML alias bomb is skipped quickly, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
      );
    const bomb = 'apiVersion: v1\nkind: ConfigMap\n' + lines.join('\n') + '\n';
    for (const path of ['docker-compose.yml', 'k8s/bomb.yaml', '.gitlab-ci.yml', '.github/workflows/x.yml']) timedRead(path, bomb);
  });

  it('JSON nested 100,000 levels deep does not crash', () => {
    const deep = '{"dependencies":' + '['.repeat(100000) + ']'.repeat(100000) + '}';
    timedRead('package.json', deep);
    timedRead('composer.json', deep);
  });

  it('a pom.xml with an external entity or a billion-laughs DTD is not expanded', () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<project><dependencies><dependency><groupId>&x;</groupId><artifactId>pg</artifactId></dependency></dependencies></project>';
    const laughs = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', '<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    laughs.push(']>', '<project><name>&lol9;</name></project>');
    for (const text of [xxe, laughs.join('\n')]) {
      timedRead('pom.xml', text);
      const facts = READERS.filter((r) => r.matches('pom.xml')).flatMap((r) => r.read('pom.xml', text).facts);
      for (const f of facts) assert.ok(!JSON.stringify(f).includes('root:'), 'entity was expanded');
    }
  });

  it('a line of several megabytes is read in bounded time', () => {
    const long = 'import x from "' + 'a'.repeat(3 * 1024 * 1024) + '";\n';
    timedRead('src/app.ts', long);
    timedRead('requirements.txt', 'redis' + ' '.repeat(2 * 1024 * 1024) + '==5\n');
  });
});
