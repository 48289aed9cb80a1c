import * as assert from 'node:assert';
import { MANIFEST_READERS } from '../../../src/core/readers/manifests';
import picomatch from 'picomatch';
import { ECOSYSTEM_REGISTRY, LOCK_FILES } from '../../../src/core/ecosystems';
import type { DependencyFact, ReadResult } from '../../../src/core/types';

/** Reads a file with the one manifest reader that claims it. */
function read(path: string, text: string): ReadResult {
  const readers = MANIFEST_READERS.filter((r) => r.matches(path));
  assert.strictEqual(
    readers.length,
    1,
    `${path} should be claimed by exactly one manifest reader, got ${readers.map((r) => r.name).join(', ')}`,
  );
  return readers[0].read(path, text);
}

/** `name@line`, with ` (dev)` for dev dependencies: compact to compare. */
function summary(result: ReadResult): string[] {
  return result.facts.map((f) => {
    const d = f as DependencyFact;
    assert.strictEqual(d.type, 'dependency');
    return `${d.name}@${d.line}${d.dev ? ' (dev)' : ''}`;
  });
}

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('manifest readers', () => {
  describe('claims', () => {
    it('claims manifests and leaves lock files alone', () => {
      const claimed = [
        'package.json',
        'web/package.json',
        'requirements.txt',
        'requirements-dev.txt',
        'dev-requirements.txt',
        'requirements/test.txt',
        'requirements.in',
        'pyproject.toml',
        'Pipfile',
        'setup.cfg',
        'setup.py',
        'environment.yml',
        'pom.xml',
        'svc/pom.xml',
        'build.gradle',
        'app/build.gradle.kts',
        'gradle/libs.versions.toml',
        'go.mod',
        'Gemfile',
        'gems.rb',
        'x.gemspec',
        'composer.json',
        'Cargo.toml',
        'src/Api/Api.csproj',
        'Lib.fsproj',
        'Old.vbproj',
        'Directory.Packages.props',
        'Directory.Build.props',
        'packages.config',
        'mix.exs',
        'Package.swift',
      ];
      for (const p of claimed)
        assert.ok(
          MANIFEST_READERS.some((r) => r.matches(p)),
          `${p} should be claimed`,
        );
      const notClaimed = [
        ...LOCK_FILES,
        'constraints.txt',
        'constraints-dev.txt',
        'node_modules/pg/package.json',
        'README.md',
        'notes.txt',
        'settings.gradle',
      ];
      for (const p of notClaimed) assert.ok(!MANIFEST_READERS.some((r) => r.matches(p)), `${p} should not be claimed`);
    });
  });

  describe('npm package.json', () => {
    const pkg = lines(
      '{',
      '  "name": "api",',
      '  "scripts": { "test": "jest --coverage" },',
      '  "dependencies": {',
      '    "express": "^4.19.0",',
      '    "@prisma/client": "^5.0.0"',
      '  },',
      '  "optionalDependencies": { "bufferutil": "^4" },',
      '  "devDependencies": {',
      '    "jest": "^29.0.0"',
      '  },',
      '  "peerDependencies": { "react": ">=18" }',
      '}',
    );

    it('reads each section with its dev flag and the line of each name', () => {
      assert.deepStrictEqual(summary(read('package.json', pkg)), [
        'express@5',
        '@prisma/client@6',
        'bufferutil@8',
        'jest@10 (dev)',
        'react@12 (dev)',
      ]);
    });

    it('does not read names from scripts, descriptions or nested objects', () => {
      const r = read('package.json', '{"description": "uses \\"pg\\": fast", "jest": {"dependencies": {"pg": "1"}}, "dependencies": {}}');
      assert.deepStrictEqual(summary(r), []);
      assert.strictEqual(r.skipped, undefined);
    });

    it('skips invalid JSON with the line, keeping what came before the error', () => {
      const r = read('package.json', '{\n  "dependencies": {\n    "pg": "^8",\n    "redis" "^4"\n  }\n}');
      assert.match(r.skipped ?? '', /invalid JSON at line 4/);
      assert.deepStrictEqual(summary(r), ['pg@3']);
    });

    it('takes a byte-order mark and deep nesting in its stride', () => {
      assert.deepStrictEqual(summary(read('package.json', '\uFEFF{"dependencies": {"pg": "1"}}')), ['pg@1']);
      const deep = read('package.json', '{"dependencies":' + '['.repeat(100000) + ']'.repeat(100000) + '}');
      assert.deepStrictEqual(deep.facts, []);
    });
  });

  describe('pypi', () => {
    it('reads requirements files: extras, markers, hashes, URLs, editables and includes', () => {
      const text = lines(
        '# Production dependencies',
        'Django[argon2]>=4.2,<5 ; python_version >= "3.10"',
        '-r base.txt',
        '--index-url https://pypi.example.org/simple',
        'psycopg2-binary==2.9.9 \\',
        '    --hash=sha256:0123456789abcdef',
        'celery @ https://example.org/celery-5.3.tar.gz',
        '-e git+https://github.com/acme/tool.git#egg=acme-tool',
        '-e ./local/package',
        'redis  # the cache',
        '',
      );
      assert.deepStrictEqual(summary(read('requirements.txt', text)), [
        'Django@2',
        'psycopg2-binary@5',
        'celery@7',
        'acme-tool@8',
        'redis@10',
      ]);
    });

    it('flags dev, test, lint and docs requirements files as dev', () => {
      for (const p of [
        'requirements-dev.txt',
        'dev-requirements.txt',
        'requirements-test.txt',
        'requirements/test.txt',
        'requirements/dev.txt',
        'requirements_lint.txt',
        'docs/requirements.txt',
        'requirements/docs.in',
      ]) {
        assert.deepStrictEqual(summary(read(p, 'pytest\n')), ['pytest@1 (dev)'], p);
      }
      for (const p of ['requirements.txt', 'requirements/prod.txt', 'requirements/base.in', 'services/api/requirements.txt']) {
        assert.deepStrictEqual(summary(read(p, 'fastapi\n')), ['fastapi@1'], p);
      }
    });

    it('reads only the asked-for pins of a pip-compile or uv output, by their via lines', () => {
      const text = lines(
        '#',
        '# This file is autogenerated by pip-compile with Python 3.12',
        '# by the following command:',
        '#',
        '#    pip-compile --generate-hashes requirements.in',
        '#',
        'authlib==1.3.0 \\',
        '    --hash=sha256:0123456789abcdef',
        '    # via fastmcp',
        'fastapi==0.111.0 \\',
        '    --hash=sha256:0123456789abcdef',
        '    # via -r requirements.in',
        'pyjwt==2.8.0',
        '    # via',
        '    #   authlib',
        '    #   msal',
        'redis==5.0.4',
        '    # via',
        '    #   -r requirements.in',
        '    #   celery',
        'uvicorn==0.29.0',
        '    # via shop (pyproject.toml)',
      );
      assert.deepStrictEqual(summary(read('requirements.txt', text)), ['fastapi@10', 'redis@17', 'uvicorn@21']);
      const uv = lines(
        '# This file was autogenerated by uv via the following command:',
        '#    uv pip compile requirements.in',
        'pyjwt==2.8.0',
        '    # via authlib',
      );
      assert.deepStrictEqual(summary(read('requirements.txt', uv)), []);
    });

    it('keeps every pin of a compiled file written without via lines, and of a hand-written one', () => {
      const compiled = lines('# This file is autogenerated by pip-compile with Python 3.12', 'authlib==1.3.0', 'fastapi==0.111.0');
      assert.deepStrictEqual(summary(read('requirements.txt', compiled)), ['authlib@2', 'fastapi@3']);
      const handWritten = lines('authlib==1.3.0', '    # via nothing: a note', 'fastapi==0.111.0');
      assert.deepStrictEqual(summary(read('requirements.txt', handWritten)), ['authlib@1', 'fastapi@3']);
    });

    it('does not read prose as requirements and says which line is wrong', () => {
      const r = read('requirements.txt', 'flask==3.0\nInstall these with pip before running the app\n');
      assert.deepStrictEqual(summary(r), ['flask@1']);
      assert.match(r.skipped ?? '', /line 2/);
    });

    it('reads pyproject.toml: PEP 621, optional groups, PEP 735, Poetry, uv and PDM', () => {
      const text = lines(
        '[project]',
        'name = "svc"',
        'dependencies = [',
        '  "fastapi>=0.110",',
        '  "psycopg[binary]>=3.1",',
        ']',
        '',
        '[project.optional-dependencies]',
        'test = ["pytest>=8"]',
        'postgres = ["asyncpg"]',
        '',
        '[dependency-groups]',
        'lint = ["ruff", {include-group = "test"}]',
        '',
        '[tool.poetry.dependencies]',
        'python = "^3.11"',
        'sqlalchemy = "^2.0"',
        '',
        '[tool.poetry.group.dev.dependencies]',
        'mypy = "*"',
        '',
        '[tool.poetry.group.main.dependencies]',
        'httpx = "*"',
        '',
        '[tool.uv]',
        'dev-dependencies = ["black"]',
        '',
        '[tool.pdm.dev-dependencies]',
        'docs = ["mkdocs"]',
      );
      assert.deepStrictEqual(summary(read('pyproject.toml', text)), [
        'fastapi@4',
        'psycopg@5',
        'pytest@9 (dev)',
        'asyncpg@10',
        'ruff@13 (dev)',
        'sqlalchemy@17',
        'mypy@20 (dev)',
        'httpx@23',
        'black@26 (dev)',
        'mkdocs@29 (dev)',
      ]);
    });

    it('skips invalid TOML with the line', () => {
      const r = read('pyproject.toml', '[project]\ndependencies = ["django"\n[tool.x]\n');
      assert.match(r.skipped ?? '', /TOML/);
      assert.ok(!read('pyproject.toml', '[project]\nname = \n').skipped?.includes('\n'), 'reason is one line');
    });

    it('reads Pipfile, setup.cfg, setup.py and conda environments', () => {
      assert.deepStrictEqual(
        summary(
          read(
            'Pipfile',
            lines('[packages]', 'flask = "*"', '', '[dev-packages]', 'pytest = "*"', '[requires]', 'python_version = "3.12"'),
          ),
        ),
        ['flask@2', 'pytest@5 (dev)'],
      );
      const cfg = lines(
        '[metadata]',
        'name = svc',
        '',
        '[options]',
        'install_requires =',
        '    requests>=2',
        '    celery[redis]',
        'tests_require = pytest',
        '',
        '[options.extras_require]',
        'docs =',
        '    sphinx',
        'postgres = psycopg2',
      );
      assert.deepStrictEqual(summary(read('setup.cfg', cfg)), [
        'requests@6',
        'celery@7',
        'pytest@8 (dev)',
        'sphinx@12 (dev)',
        'psycopg2@13',
      ]);
      const py = lines(
        'from setuptools import setup',
        '# install_requires=["nope"]',
        'setup(',
        '    name="svc",',
        '    install_requires=[',
        '        "flask>=2",  # "not-this"',
        "        'redis',",
        '    ],',
        '    tests_require=["pytest"],',
        '    extras_require={"test": ["coverage"], "pg": ["psycopg2"]},',
        ')',
      );
      assert.deepStrictEqual(summary(read('setup.py', py)), ['flask@6', 'redis@7', 'pytest@9 (dev)', 'coverage@10 (dev)', 'psycopg2@10']);
      const env = lines(
        'name: ml',
        'channels:',
        '  - conda-forge',
        'dependencies:',
        '  - python=3.11',
        '  - numpy>=1.26',
        '  - conda-forge::pandas',
        '  - pip',
        '  - pip:',
        '    - redis==5.0',
        'variables:',
        '  - notadep',
      );
      assert.deepStrictEqual(summary(read('environment.yml', env)), ['numpy@6', 'pandas@7', 'redis@10']);
    });
  });

  describe('maven pom.xml', () => {
    const pom = lines(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<project xmlns="http://maven.apache.org/POM/4.0.0">',
      '  <parent>',
      '    <groupId>org.springframework.boot</groupId>',
      '    <artifactId>spring-boot-starter-parent</artifactId>',
      '  </parent>',
      '  <!-- <dependency><groupId>x</groupId><artifactId>commented</artifactId></dependency> -->',
      '  <dependencyManagement><dependencies><dependency>',
      '    <groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42</version>',
      '  </dependency></dependencies></dependencyManagement>',
      '  <dependencies>',
      '    <dependency>',
      '      <groupId>org.postgresql</groupId>',
      '      <artifactId>postgresql</artifactId>',
      '      <exclusions><exclusion><groupId>a</groupId><artifactId>excluded</artifactId></exclusion></exclusions>',
      '    </dependency>',
      '    <dependency><groupId>jakarta.servlet</groupId><artifactId>jakarta.servlet-api</artifactId><scope>provided</scope></dependency>',
      '    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>',
      '  </dependencies>',
      '  <build><plugins>',
      '    <plugin><artifactId>maven-surefire-plugin</artifactId></plugin>',
      '    <plugin><groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId></plugin>',
      '  </plugins></build>',
      '  <profiles><profile><id>it</id><dependencies>',
      '    <dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><scope>test</scope></dependency>',
      '  </dependencies></profile></profiles>',
      '</project>',
    );

    it('reads parent, dependencies, plugins and profiles, not managed versions or exclusions', () => {
      assert.deepStrictEqual(summary(read('pom.xml', pom)), [
        'org.springframework.boot:spring-boot-starter-parent@5',
        'org.postgresql:postgresql@14',
        'jakarta.servlet:jakarta.servlet-api@17',
        'org.junit.jupiter:junit-jupiter@18 (dev)',
        'org.apache.maven.plugins:maven-surefire-plugin@21',
        'org.flywaydb:flyway-maven-plugin@22',
        'org.testcontainers:postgresql@25 (dev)',
      ]);
    });

    it('skips malformed XML with a line and never expands entities', () => {
      const bad = read('pom.xml', '<project>\n<dependencies>\n<dependency>\n</project>');
      assert.match(bad.skipped ?? '', /invalid XML at line \d/);
      const xxe =
        '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<project><dependencies><dependency><groupId>&x;</groupId><artifactId>pg</artifactId></dependency></dependencies></project>';
      const r = read('pom.xml', xxe);
      assert.match(r.skipped ?? '', /entity/i);
      assert.deepStrictEqual(r.facts, []);
      assert.match(read('pom.xml', '<settings><servers/></settings>').skipped ?? '', /project/);
    });
  });

  describe('gradle', () => {
    it('reads Groovy and Kotlin scripts: configurations, notations and plugins', () => {
      const groovy = lines(
        'plugins {',
        "  id 'org.springframework.boot' version '3.2.0'",
        "  id 'java'",
        '}',
        "apply plugin: 'io.spring.dependency-management'",
        'dependencies {',
        "  implementation 'org.springframework.boot:spring-boot-starter-web'",
        '  // implementation "commented:out:1.0"',
        '  /* runtimeOnly "block:comment:1" */',
        "  runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.0'",
        "  implementation platform('org.springframework.cloud:spring-cloud-dependencies:2023.0.0')",
        "  testImplementation 'org.springframework.boot:spring-boot-starter-test', 'org.testcontainers:junit-jupiter'",
        '  implementation libs.kafka.clients',
        "  implementation project(':core')",
        "  developmentOnly 'org.springframework.boot:spring-boot-devtools'",
        '}',
      );
      assert.deepStrictEqual(summary(read('build.gradle', groovy)), [
        'org.springframework.boot@2',
        'java@3',
        'io.spring.dependency-management@5',
        'org.springframework.boot:spring-boot-starter-web@7',
        'org.postgresql:postgresql@10',
        'org.springframework.boot:spring-boot-starter-test@12 (dev)',
        'org.testcontainers:junit-jupiter@12 (dev)',
        'org.springframework.boot:spring-boot-devtools@15 (dev)',
      ]);
      const kts = lines(
        'plugins {',
        '    id("io.ktor.plugin") version "2.3.7"',
        '    kotlin("jvm") version "1.9.22"',
        '}',
        'dependencies {',
        '    implementation("io.ktor:ktor-server-netty:2.3.7")',
        '    implementation(kotlin("reflect"))',
        '    kapt("org.mapstruct:mapstruct-processor:1.5.5.Final")',
        '    androidTestImplementation("androidx.test.ext:junit:1.1.5") { exclude(group = "x", module = "y") }',
        '}',
      );
      assert.deepStrictEqual(summary(read('build.gradle.kts', kts)), [
        'io.ktor.plugin@2',
        'org.jetbrains.kotlin.jvm@3',
        'io.ktor:ktor-server-netty@6',
        'org.jetbrains.kotlin:kotlin-reflect@7',
        'org.mapstruct:mapstruct-processor@8',
        'androidx.test.ext:junit@9 (dev)',
      ]);
    });

    it('reads notations whose version is a template, and a closure after one', () => {
      const groovy = lines(
        'dependencies {',
        '    implementation "com.amazonaws:aws-java-sdk-sqs:${revAwsSdk}"',
        '    implementation "org.redisson:redisson:${versions.redisson}" { exclude group: "x" }',
        '    testImplementation "org.spockframework:spock-core:${revSpock}"',
        '}',
      );
      assert.deepStrictEqual(summary(read('build.gradle', groovy)), [
        'com.amazonaws:aws-java-sdk-sqs@2',
        'org.redisson:redisson@3',
        'org.spockframework:spock-core@4 (dev)',
      ]);
      const kts = lines('dependencies {', '    implementation("io.ktor:ktor-server-core:${Versions.ktor}")', '}');
      assert.deepStrictEqual(summary(read('build.gradle.kts', kts)), ['io.ktor:ktor-server-core@2']);
    });

    it('reads version catalogs', () => {
      const toml = lines(
        '[versions]',
        'boot = "3.2.0"',
        '',
        '[libraries]',
        'spring-kafka = { module = "org.springframework.kafka:spring-kafka", version.ref = "boot" }',
        'postgres = { group = "org.postgresql", name = "postgresql", version = "42.7.0" }',
        'junit-jupiter = "org.junit.jupiter:junit-jupiter:5.10.0"',
        '',
        '[plugins]',
        'spring-boot = { id = "org.springframework.boot", version.ref = "boot" }',
        'flyway = "org.flywaydb.flyway:10.0.0"',
      );
      assert.deepStrictEqual(summary(read('gradle/libs.versions.toml', toml)), [
        'org.springframework.kafka:spring-kafka@5',
        'org.postgresql:postgresql@6',
        'org.junit.jupiter:junit-jupiter@7 (dev)',
        'org.springframework.boot@10',
        'org.flywaydb.flyway@11',
      ]);
    });

    it('reports unbalanced braces and broken catalogs as skipped', () => {
      const r = read('build.gradle', "dependencies {\n  implementation 'a.b:c:1'\n");
      assert.deepStrictEqual(summary(r), ['a.b:c@2']);
      assert.match(r.skipped ?? '', /never closed/);
      assert.match(read('gradle/libs.versions.toml', '[libraries]\nx = { module = \n').skipped ?? '', /TOML/);
    });
  });

  describe('go.mod', () => {
    it('reads direct requirements, not indirect ones, replacements, excludes or tools', () => {
      const text = lines(
        'module example.com/svc',
        '',
        'go 1.22',
        '',
        'require github.com/redis/go-redis/v9 v9.5.1',
        '',
        'require (',
        '\tgithub.com/gin-gonic/gin v1.10.0',
        '\t// github.com/commented/out v1.0.0',
        '\tgolang.org/x/net v0.25.0 // indirect',
        '\tgithub.com/jackc/pgx/v5 v5.6.0 // pinned',
        ')',
        '',
        'replace github.com/old/mod => github.com/new/mod v1.2.3',
        'exclude github.com/bad/mod v0.1.0',
        'tool golang.org/x/tools/cmd/stringer',
      );
      assert.deepStrictEqual(summary(read('go.mod', text)), [
        'github.com/redis/go-redis/v9@5',
        'github.com/gin-gonic/gin@8',
        'github.com/jackc/pgx/v5@11',
      ]);
    });

    it('skips text that is not a go.mod and unterminated blocks', () => {
      assert.match(read('go.mod', 'This project uses gin and redis.\n').skipped ?? '', /not a go\.mod directive at line 1/);
      const r = read('go.mod', 'module x\nrequire (\n\tgithub.com/a/b v1.0.0\n');
      assert.deepStrictEqual(summary(r), ['github.com/a/b@3']);
      assert.match(r.skipped ?? '', /unterminated require block/);
    });
  });

  describe('rubygems', () => {
    it('reads Gemfile gems with group blocks and group options', () => {
      const text = lines(
        "source 'https://rubygems.org'",
        "gem 'rails', '~> 7.1'",
        "# gem 'commented'",
        'gem "pg", ">= 1.1"',
        'group :development, :test do',
        "  gem 'rspec-rails'",
        '  platforms :mri do',
        "    gem 'byebug'",
        '  end',
        'end',
        "gem 'sidekiq'",
        "gem 'rubocop', require: false, group: :development",
        "gem 'bootsnap', groups: [:default, :production]",
        'group :production do',
        "  gem 'lograge'",
        'end',
      );
      assert.deepStrictEqual(summary(read('Gemfile', text)), [
        'rails@2',
        'pg@4',
        'rspec-rails@6 (dev)',
        'byebug@8 (dev)',
        'sidekiq@11',
        'rubocop@12 (dev)',
        'bootsnap@13',
        'lograge@15',
      ]);
    });

    it('reads gemspec dependencies', () => {
      const text = lines(
        'Gem::Specification.new do |spec|',
        '  spec.name = "mygem"',
        '  spec.add_dependency "rack", ">= 2"',
        "  spec.add_runtime_dependency('redis')",
        '  # spec.add_dependency "commented"',
        '  spec.add_development_dependency "rspec", "~> 3"',
        'end',
      );
      assert.deepStrictEqual(summary(read('mygem.gemspec', text)), ['rack@3', 'redis@4', 'rspec@6 (dev)']);
    });

    it('skips a Gemfile whose blocks do not balance', () => {
      const r = read('Gemfile', "group :test do\n  gem 'rspec'\n");
      assert.deepStrictEqual(summary(r), ['rspec@2 (dev)']);
      assert.match(r.skipped ?? '', /never closed/);
      assert.deepStrictEqual(summary(read('Gemfile', 'Run gem install bundler first, then bundle install.\n')), []);
    });
  });

  describe('composer.json', () => {
    it('reads require and require-dev without platform packages', () => {
      const text = lines(
        '{',
        '  "require": {',
        '    "php": "^8.2",',
        '    "ext-redis": "*",',
        '    "lib-curl": "*",',
        '    "laravel/framework": "^11.0",',
        '    "predis/predis": "^2.2"',
        '  },',
        '  "require-dev": {',
        '    "phpunit/phpunit": "^10.5"',
        '  }',
        '}',
      );
      assert.deepStrictEqual(summary(read('composer.json', text)), ['laravel/framework@6', 'predis/predis@7', 'phpunit/phpunit@10 (dev)']);
    });

    it('skips invalid JSON', () => {
      assert.match(read('composer.json', '{"require": {"laravel/framework": }').skipped ?? '', /invalid JSON at line 1/);
    });
  });

  describe('Cargo.toml', () => {
    it('reads every dependency table, renamed packages by their real name', () => {
      const text = lines(
        '[package]',
        'name = "svc"',
        '',
        '[dependencies]',
        'axum = "0.7"',
        '# sqlx = "0.7"',
        'cache = { package = "redis", version = "0.25" }',
        '',
        '[dependencies.tokio]',
        'version = "1"',
        'features = ["full"]',
        '',
        '[dev-dependencies]',
        'mockall = "0.12"',
        '',
        '[build-dependencies]',
        'prost-build = "0.12"',
        '',
        "[target.'cfg(unix)'.dependencies]",
        'nix = "0.27"',
        '',
        '[workspace.dependencies]',
        'serde = "1"',
      );
      assert.deepStrictEqual(summary(read('Cargo.toml', text)), [
        'axum@5',
        'redis@7',
        'tokio@9',
        'mockall@14 (dev)',
        'prost-build@17 (dev)',
        'serde@23',
        'nix@20',
      ]);
    });

    it('skips invalid TOML', () => {
      assert.match(read('Cargo.toml', '[dependencies]\naxum = \n').skipped ?? '', /invalid TOML at line 2/);
    });
  });

  describe('nuget', () => {
    const csproj = lines(
      '<Project Sdk="Microsoft.NET.Sdk.Web">',
      '  <ItemGroup>',
      '    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.0" />',
      '    <!-- <PackageReference Include="Commented.Out" Version="1.0" /> -->',
      '    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />',
      '    <PackageReference Update="Serilog.AspNetCore">',
      '      <PrivateAssets>All</PrivateAssets>',
      '    </PackageReference>',
      '    <PackageReference Include="StackExchange.Redis" />',
      '  </ItemGroup>',
      '</Project>',
    );

    it('reads PackageReference items, analyzers as dev', () => {
      assert.deepStrictEqual(summary(read('src/Api/Api.csproj', csproj)), [
        'Npgsql.EntityFrameworkCore.PostgreSQL@3',
        'StyleCop.Analyzers@5 (dev)',
        'Serilog.AspNetCore@6 (dev)',
        'StackExchange.Redis@9',
      ]);
    });

    it('treats every reference of a test project as dev', () => {
      const refs = '<Project><ItemGroup><PackageReference Include="Testcontainers.PostgreSql" /></ItemGroup></Project>';
      assert.deepStrictEqual(summary(read('tests/Api.Tests.csproj', refs)), ['Testcontainers.PostgreSql@1 (dev)']);
      assert.deepStrictEqual(summary(read('tests/Api.IntegrationTests.csproj', refs)), ['Testcontainers.PostgreSql@1 (dev)']);
      const flagged =
        '<Project><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="Moq" /></ItemGroup></Project>';
      assert.deepStrictEqual(summary(read('Checks.fsproj', flagged)), ['Moq@1 (dev)']);
    });

    it('reads central package versions and packages.config', () => {
      const props = lines(
        '<Project>',
        '  <ItemGroup>',
        '    <PackageVersion Include="MassTransit" Version="8.1.0" />',
        '  </ItemGroup>',
        '</Project>',
      );
      assert.deepStrictEqual(summary(read('Directory.Packages.props', props)), ['MassTransit@3']);
      const config = lines(
        '<?xml version="1.0" encoding="utf-8"?>',
        '<packages>',
        '  <package id="EntityFramework" version="6.4.4" targetFramework="net48" />',
        '  <package id="NUnit" version="3.14" developmentDependency="true" />',
        '</packages>',
      );
      assert.deepStrictEqual(summary(read('packages.config', config)), ['EntityFramework@3', 'NUnit@4 (dev)']);
    });

    it('skips malformed project files', () => {
      assert.match(read('Api.csproj', '<Project><ItemGroup><PackageReference Include="X"></Project>').skipped ?? '', /invalid XML/);
    });
  });

  describe('hex mix.exs', () => {
    it('reads the deps tuples with only: environments', () => {
      const text = lines(
        'defmodule Svc.MixProject do',
        '  use Mix.Project',
        '',
        '  def project do',
        '    [app: :svc, version: "0.1.0", deps: deps()]',
        '  end',
        '',
        '  defp deps do',
        '    [',
        '      {:phoenix, "~> 1.7.10"},',
        '      # {:commented, "~> 1.0"},',
        '      {:ecto_sql, "~> 3.10"},',
        '      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},',
        '      {:ex_machina, "~> 2.7",',
        '       only: :test},',
        '      {:telemetry_poller, "~> 1.0", only: :prod}',
        '    ]',
        '  end',
        'end',
      );
      assert.deepStrictEqual(summary(read('mix.exs', text)), [
        'phoenix@10',
        'ecto_sql@12',
        'credo@13 (dev)',
        'ex_machina@14 (dev)',
        'telemetry_poller@16',
      ]);
    });

    it('skips an unclosed tuple and reads nothing outside deps', () => {
      const r = read('mix.exs', 'defmodule X do\n  defp deps do\n    [{:phoenix, "~> 1.7"\n');
      assert.match(r.skipped ?? '', /unclosed dependency tuple at line 3/);
      assert.deepStrictEqual(summary(read('mix.exs', 'defmodule X do\n  def config, do: [{:phoenix, "x"}]\nend\n')), []);
    });
  });

  describe('hostile input', () => {
    const SAMPLE: Record<string, string> = {
      npm: 'package.json',
      pypi: 'requirements.txt',
      maven: 'pom.xml',
      gradle: 'build.gradle',
      sbt: 'build.sbt',
      go: 'go.mod',
      rubygems: 'Gemfile',
      composer: 'composer.json',
      cargo: 'Cargo.toml',
      nuget: 'Api.csproj',
      hex: 'mix.exs',
      swiftpm: 'Package.swift',
    };
    const EXTRA = [
      'pyproject.toml',
      'Pipfile',
      'setup.cfg',
      'setup.py',
      'environment.yml',
      'build.gradle.kts',
      'gradle/libs.versions.toml',
      'x.gemspec',
      'packages.config',
    ];

    it('has a sample path for every reader, and none for a reader that is gone', () => {
      for (const r of MANIFEST_READERS) assert.ok(SAMPLE[r.name] && r.matches(SAMPLE[r.name]), r.name);
      assert.deepStrictEqual(Object.keys(SAMPLE).sort(), MANIFEST_READERS.map((r) => r.name).sort());
    });

    it("offers the hover on each sample: it is among the manifest globs of its reader's ecosystem", () => {
      for (const d of ECOSYSTEM_REGISTRY) {
        const isManifest = picomatch(d.manifests as string[]);
        for (const r of d.readers) assert.ok(isManifest(SAMPLE[r.name]), `${d.id}: ${SAMPLE[r.name]}`);
      }
    });

    const bigLines = [
      'a'.repeat(3 * 1024 * 1024),
      '{"dependencies": {"' + 'x'.repeat(3 * 1024 * 1024),
      '<project><dependencies>' + '<dependency><artifactId>a</artifactId>'.repeat(80000),
      'implementation ' + "'a:b".repeat(700000),
      'gem ' + "'".repeat(3 * 1024 * 1024),
      '{:a, '.repeat(600000),
      'redis' + ' '.repeat(3 * 1024 * 1024) + '==5',
      '[dependencies]' + ' x = "1"'.repeat(400000),
      '"'.repeat(3 * 1024 * 1024),
    ];

    it('every reader returns within 1 s on a 3 MB single line, without throwing', function () {
      this.timeout(60000);
      for (const path of [...Object.values(SAMPLE), ...EXTRA]) {
        for (const text of bigLines) {
          const started = Date.now();
          const r = read(path, text);
          const ms = Date.now() - started;
          assert.ok(ms < 3000, `${path} took ${ms} ms on a ${text.slice(0, 20)}... line`);
          assert.ok(Array.isArray(r.facts));
          for (const f of r.facts) assert.ok(f.line >= 1);
        }
      }
    });

    it('skips binary and UTF-16-looking text with a reason', () => {
      const utf16 = '\uFFFD\uFFFD{\0"\0d\0e\0p\0"\0}\0';
      for (const path of [...Object.values(SAMPLE), ...EXTRA]) {
        const r = read(path, utf16);
        assert.deepStrictEqual(r.facts, []);
        assert.match(r.skipped ?? '', /binary/, path);
      }
    });

    it('never throws on truncated manifests', () => {
      const samples: Record<string, string> = {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>',
        'Cargo.toml': '[dependencies]\naxum = "0.7"\n[dev-dependencies]\nmockall = { version = "0.12" }\n',
        'mix.exs': 'defp deps do\n  [{:phoenix, "~> 1.7", only: [:dev]}]\nend\n',
        'Package.swift': 'let package = Package(dependencies: [.package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")])\n',
        Gemfile: "group :test do\n  gem 'rspec', require: false\nend\n",
        'setup.py': 'setup(install_requires=["flask", "redis"], extras_require={"t": ["x"]})\n',
      };
      for (const [path, text] of Object.entries(samples)) {
        for (let i = 0; i <= text.length; i++) {
          const r = read(path, text.slice(0, i));
          for (const f of r.facts) assert.ok(f.line >= 1);
          if (r.skipped !== undefined) assert.ok(r.skipped.length > 0);
        }
      }
    });
  });
});
