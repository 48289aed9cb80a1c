import * as assert from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { READERS, readersFor } from '../../../src/core/readers';
import { FIXTURES } from '../helpers';

/** Every file of the fixture workspaces, and names placed where readers look twice (vendor, CI folders, docs). */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else out.push(r);
    }
  };
  walk(FIXTURES, '');
  const names = [
    'package.json',
    'requirements.txt',
    'requirements-dev.in',
    'base.txt',
    'pyproject.toml',
    'Pipfile',
    'setup.py',
    'environment.yml',
    'pom.xml',
    'build.gradle.kts',
    'libs.versions.toml',
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
    'Dockerfile.dev',
    'api.dockerfile',
    'Dockerfile.json',
    'compose.yaml',
    'docker-compose.prod.yml',
    'deploy.yaml',
    'ci.yml',
    'config.yml',
    '.gitlab-ci.yml',
    'azure-pipelines.yml',
    '.travis.yml',
    'main.ts',
    'index.d.ts',
    'app.min.js',
    'views.py',
    'Main.java',
    'build.kts',
    'main.go',
    'app.rb',
    'index.php',
    'Program.cs',
    'main.rs',
    'app.ex',
    'routes.swift',
    'README.md',
  ];
  const dirs = [
    '',
    'svc/',
    'vendor/',
    'node_modules/x/',
    'vendor/bundle/',
    'target/',
    'bin/',
    'obj/',
    'deps/',
    'requirements/',
    '.github/workflows/',
    '.circleci/',
    '.gitlab/ci/',
    '.azure-pipelines/',
    '.woodpecker/',
    'docs/',
    'charts/app/templates/',
  ];
  for (const d of dirs) for (const n of names) out.push(d + n);
  return out;
}

describe('readers by file name', () => {
  const paths = corpus();

  it('a reader that takes a path also claims its base name (the first, per-name filter never drops a reader)', () => {
    for (const r of READERS) {
      if (!r.claims) continue;
      for (const p of paths)
        if (r.matches(p)) assert.ok(r.claims(p.slice(p.lastIndexOf('/') + 1)), `${r.name} takes ${p} but does not claim its name`);
    }
  });

  it('gives the same readers as asking every reader about the path', () => {
    assert.ok(paths.length > 500);
    for (const p of paths) {
      assert.deepStrictEqual(
        readersFor(p).map((r) => r.name),
        READERS.filter((r) => r.matches(p)).map((r) => r.name),
        p,
      );
    }
  });

  it('rules out most readers by name: a source file, a picture and a manifest', () => {
    assert.deepStrictEqual(READERS.filter((r) => r.claims && !r.claims('logo.png')).length, READERS.length);
    assert.deepStrictEqual(
      readersFor('src/app/main.ts').map((r) => r.name),
      ['imports'],
    );
    assert.deepStrictEqual(
      readersFor('vendor/bundle/Gemfile').map((r) => r.name),
      [],
    );
  });
});
