import * as assert from 'node:assert';
import fc from 'fast-check';
import { IMPORT_READERS, readImports } from '../../../src/core/readers/imports';
import type { ImportFact, Language, Reader } from '../../../src/core/types';
import { LANGUAGE_DESCRIPTORS } from '../../../src/core/languages';

const reader: Reader = IMPORT_READERS[0];

/** A file of each language, and a TypeScript one. */
const PATHS = ['a.ts', ...LANGUAGE_DESCRIPTORS.map((d) => `a.${d.extensions[0]}`)];

/** `[line, module]` pairs read from a file, in order. */
function imports(path: string, text: string): [number, string][] {
  const result = reader.read(path, text);
  return result.facts.map((f) => {
    const i = f as ImportFact;
    return [i.line, i.module];
  });
}

function languages(path: string, text: string): Language[] {
  return [...new Set(reader.read(path, text).facts.map((f) => (f as ImportFact).language))];
}

describe('imports reader', () => {
  describe('contract', () => {
    it('exports a single reader named imports', () => {
      assert.strictEqual(IMPORT_READERS.length, 1);
      for (const r of IMPORT_READERS) assert.strictEqual(r.name, 'imports');
    });

    it('claims source files by extension, not type declarations, minified code or prose', () => {
      const yes = [
        'src/a.js',
        'a.jsx',
        'a.mjs',
        'a.cjs',
        'src/a.ts',
        'a.tsx',
        'a.mts',
        'a.cts',
        'app/main.py',
        'src/Main.java',
        'App.kt',
        'build.gradle.kts',
        'main.go',
        'app.rb',
        'index.php',
        'Program.cs',
        'src/main.rs',
        'lib/app.ex',
        'test/a_test.exs',
        'Sources/App/routes.swift',
      ];
      const no = [
        'types/index.d.ts',
        'a.d.mts',
        'vendor/jquery.min.js',
        'README.md',
        'package.json',
        'go.mod',
        'Gemfile',
        'a.pyc',
        'Cargo.toml',
        'mix.exs.bak',
        '.ts',
        'Makefile',
        'a.rs.orig',
        'a.constructor',
        'lib/a.toString',
        'a.__proto__',
      ];
      for (const p of yes) assert.ok(reader.matches(p), p);
      for (const p of no) assert.ok(!reader.matches(p), p);
    });

    it('tags every fact with the language of its file', () => {
      assert.deepStrictEqual(languages('a.ts', "import x from 'x';\n"), ['js']);
      assert.deepStrictEqual(languages('a.py', 'import x\n'), ['python']);
      assert.deepStrictEqual(languages('A.java', 'import x.Y;\n'), ['java']);
      assert.deepStrictEqual(languages('a.kts', 'import x.Y\n'), ['kotlin']);
      assert.deepStrictEqual(languages('a.go', 'package a\nimport "x"\n'), ['go']);
      assert.deepStrictEqual(languages('a.rb', "require 'x'\n"), ['ruby']);
      assert.deepStrictEqual(languages('a.php', '<?php\nuse A\\B;\n'), ['php']);
      assert.deepStrictEqual(languages('a.cs', 'using A.B;\n'), ['csharp']);
      assert.deepStrictEqual(languages('a.rs', 'use a::b;\n'), ['rust']);
      assert.deepStrictEqual(languages('a.ex', 'alias A.B\n'), ['elixir']);
      assert.deepStrictEqual(languages('a.swift', 'import A\n'), ['swift']);
    });
  });

  describe('JavaScript and TypeScript', () => {
    const file = [
      "import express from 'express';", // 1
      'import { Injectable } from "@nestjs/common";',
      "import * as fs from 'node:fs';",
      "import 'reflect-metadata';",
      "import type { Redis } from 'ioredis';", // 5
      'import {',
      '  Kafka,',
      '  logLevel,',
      "} from 'kafkajs';",
      "export * from 'rxjs';", // 10
      "export { default as pg } from 'pg';",
      "export type { Job } from 'bullmq';",
      "const amqp = require('amqplib');",
      'async function load() {',
      "  const { S3Client } = await import('@aws-sdk/client-s3');", // 15
      '}',
      "import http = require('http');",
      "import a from 'a'; import b from 'b';",
      "import Default, { named } from 'mixed'",
      'export {', // 20
      '  x,',
      '};',
      "const m = import.meta.url; const n = require.resolve('not-an-import');",
    ].join('\n');

    it('reads every form of import with the line of its import keyword', () => {
      assert.deepStrictEqual(imports('src/app.ts', file), [
        [1, 'express'],
        [2, '@nestjs/common'],
        [3, 'node:fs'],
        [4, 'reflect-metadata'],
        [5, 'ioredis'],
        [6, 'kafkajs'],
        [10, 'rxjs'],
        [11, 'pg'],
        [12, 'bullmq'],
        [13, 'amqplib'],
        [15, '@aws-sdk/client-s3'],
        [17, 'http'],
        [18, 'a'],
        [18, 'b'],
        [19, 'mixed'],
      ]);
    });

    it('marks type-only imports and exports (erased at build time), however they are spread', () => {
      const text = [
        "import type { RedisOptions } from 'ioredis';", // 1
        "import type Redis from 'ioredis';",
        "import type * as K from 'kafkajs';",
        'import type {',
        '  Job,', // 5
        "} from 'bullmq';",
        "export type { Pool } from 'pg';",
        "import type from 'typemod';", // a default import named `type`
        "import type, { helper } from 'typemod2';",
        "import { type Queue, Worker } from 'bullmq-runtime';", // 10: a value import with a type among it
      ].join('\n');
      const facts = reader.read('src/a.ts', text).facts as ImportFact[];
      assert.deepStrictEqual(
        facts.map((f) => [f.line, f.module, f.typeOnly === true]),
        [
          [1, 'ioredis', true],
          [2, 'ioredis', true],
          [3, 'kafkajs', true],
          [4, 'bullmq', true],
          [7, 'pg', true],
          [8, 'typemod', false],
          [9, 'typemod2', false],
          [10, 'bullmq-runtime', false],
        ],
      );
    });

    it('skips relative modules, subpath imports and project path aliases', () => {
      const text =
        "import a from './a';\nimport b from '../b';\nimport c from '/abs/c';\nconst d = require('./d');\nimport e from '#internal';\nimport f from '@/components/f';\nimport g from '~/g';\nimport h from 'h';\n";
      assert.deepStrictEqual(imports('a.js', text), [[8, 'h']]);
    });

    it('does not count imports in comments or strings', () => {
      const text = [
        "// import a from 'a';",
        "/* import b from 'b';",
        "   const c = require('c'); */",
        'const s = "require(\'d\')";',
        'const t = \'import e from "e"\';',
        'const u = `',
        "import f from 'f';",
        '`;',
        "/** @example import g from 'g' */ import h from 'h';",
        "const url = 'http://example.com'; import i from 'i'; // import j from 'j'",
      ].join('\n');
      assert.deepStrictEqual(imports('a.ts', text), [
        [9, 'h'],
        [10, 'i'],
      ]);
    });

    it('does not take a slash-star inside a regular expression for a comment', () => {
      const text = "const trimmed = p.replace(/\\/*$/, '');\nimport x from 'x';\nconst re = /\\//; import y from 'y';\n";
      assert.deepStrictEqual(imports('a.js', text), [
        [2, 'x'],
        [3, 'y'],
      ]);
    });

    it('does not let a multi-line export list swallow later statements', () => {
      const text = "export {\n  a,\n  b\n}\nimport x from 'x';\n";
      assert.deepStrictEqual(imports('a.mjs', text), [[5, 'x']]);
    });

    it('ignores property names and method calls that look like imports', () => {
      const text = "const o = { import: 1, require: 2 };\nloader.require('x');\nmyrequire('y');\nobj.import('z');\n";
      assert.deepStrictEqual(imports('a.js', text), []);
    });

    it('handles CRLF line ends and a byte-order mark', () => {
      assert.deepStrictEqual(imports('a.ts', "\uFEFFimport a from 'a';\r\nimport {\r\n  b\r\n} from 'b';\r\n"), [
        [1, 'a'],
        [2, 'b'],
      ]);
    });
  });

  describe('Python', () => {
    const file = [
      '"""Service module.', // 1
      '',
      'import not_this',
      '"""',
      'import os', // 5
      'import redis.asyncio, json as j',
      'from celery import Celery',
      'from kafka.producer import (',
      '    KafkaProducer,',
      '    KafkaAdmin,', // 10
      ')',
      'from . import sibling',
      'from .models import User',
      'from ..core import x',
      '', // 15
      'def handler():',
      '    try:',
      '        import ujson as json',
      '    except ImportError:',
      '        pass', // 20
      "    doc = '''",
      '    from nowhere import nothing',
      "    '''",
      '    # import commented',
      "    s = 'import quoted'", // 25
      '    import sqlalchemy.orm; import psycopg2',
    ].join('\n');

    it('reads import and from-import statements (with the names a from-import brings in), indented ones too', () => {
      assert.deepStrictEqual(imports('app/service.py', file), [
        [5, 'os'],
        [6, 'redis.asyncio'],
        [6, 'json'],
        [7, 'celery'],
        [7, 'celery.Celery'],
        [8, 'kafka.producer'],
        [18, 'ujson'],
        [26, 'sqlalchemy.orm'],
        [26, 'psycopg2'],
      ]);
    });

    it('keeps a triple-quoted string open across lines only until it closes', () => {
      const text = 'x = """import a"""\nimport b\ny = """\n# not a comment """ ; import c\n';
      assert.deepStrictEqual(imports('a.py', text), [
        [2, 'b'],
        [4, 'c'],
      ]);
    });
  });

  describe('Java and Kotlin', () => {
    it('reads Java imports, static and on-demand ones', () => {
      const text = [
        'package com.example;',
        '',
        'import java.util.*;',
        'import static org.junit.jupiter.api.Assertions.assertEquals;',
        'import org.apache.kafka.clients.producer.KafkaProducer;',
        '// import com.commented.Out;',
        '/*',
        'import com.block.Out;',
        '*/',
        'public class A {',
        '  String s = """',
        '    import com.textblock.Out;',
        '    """;',
        '}',
      ].join('\n');
      assert.deepStrictEqual(imports('src/main/java/A.java', text), [
        [3, 'java.util'],
        [4, 'org.junit.jupiter.api.Assertions.assertEquals'],
        [5, 'org.apache.kafka.clients.producer.KafkaProducer'],
      ]);
    });

    it('reads Kotlin imports without semicolons and with aliases', () => {
      const text =
        'package app\n\nimport io.ktor.server.application.*\nimport org.jetbrains.exposed.sql.Database as Db\nimport kotlinx.coroutines.launch\n';
      assert.deepStrictEqual(imports('src/App.kt', text), [
        [3, 'io.ktor.server.application'],
        [4, 'org.jetbrains.exposed.sql.Database'],
        [5, 'kotlinx.coroutines.launch'],
      ]);
    });
  });

  describe('Go', () => {
    it('reads single imports and import blocks, one line per entry', () => {
      const text = [
        'package main', // 1
        '',
        'import "fmt"',
        'import redis "github.com/redis/go-redis/v9"',
        'import (', // 5
        '\t"context"',
        '\t_ "github.com/lib/pq"',
        '\tkafka "github.com/segmentio/kafka-go" // the client',
        '\t// "github.com/commented/out"',
        '\t. "github.com/onsi/gomega"', // 10
        '\t"./local"',
        ')',
        '',
        'func main() {',
        '\ts := `', // 15
        'import "github.com/in/raw/string"',
        '`',
        '}',
      ].join('\n');
      assert.deepStrictEqual(imports('cmd/main.go', text), [
        [3, 'fmt'],
        [4, 'github.com/redis/go-redis/v9'],
        [6, 'context'],
        [7, 'github.com/lib/pq'],
        [8, 'github.com/segmentio/kafka-go'],
        [10, 'github.com/onsi/gomega'],
      ]);
    });

    it('reads a one-line import block and skips a block comment before it', () => {
      const text = '/* import "no" */\npackage a\nimport ("os"; "net/http")\n';
      assert.deepStrictEqual(imports('a.go', text), [
        [3, 'os'],
        [3, 'net/http'],
      ]);
    });
  });

  describe('Ruby', () => {
    it('reads require and skips require_relative, relative paths, comments and =begin blocks', () => {
      const text = [
        "require 'redis'",
        'require "sidekiq/web"',
        "require_relative 'lib/helper'",
        "require './local'",
        '# require "commented"',
        '=begin',
        "require 'in_block'",
        '=end',
        "  require('pg') if ENV['DB']",
        'puts "require \'in_string\'"',
        'require "#{dir}/x"',
      ].join('\n');
      assert.deepStrictEqual(imports('app.rb', text), [
        [1, 'redis'],
        [2, 'sidekiq/web'],
        [9, 'pg'],
      ]);
    });
  });

  describe('PHP', () => {
    it('reads top-level use statements, groups and function imports, not trait uses', () => {
      const text = [
        '<?php', // 1
        '',
        'namespace App\\Http;',
        '',
        'use Illuminate\\Support\\Facades\\Cache;', // 5
        'use \\Predis\\Client as Redis;',
        'use PhpAmqpLib\\{Connection\\AMQPStreamConnection, Message\\AMQPMessage};',
        'use function GuzzleHttp\\json_encode;',
        'use Exception;',
        '// use Commented\\Out;', // 10
        '#[Attribute]',
        'use Symfony\\Component\\{',
        '    Console\\Command,',
        '    Process\\Process',
        '};', // 15
        '',
        'class Worker',
        '{',
        '    use SomeTrait;',
        '    use \\Other\\TraitName;', // 20
        '    public function run() { $f = function () use ($x) {}; }',
        '}',
      ].join('\n');
      assert.deepStrictEqual(imports('app/Http/Worker.php', text), [
        [5, 'Illuminate\\Support\\Facades\\Cache'],
        [6, 'Predis\\Client'],
        [7, 'PhpAmqpLib\\Connection\\AMQPStreamConnection'],
        [7, 'PhpAmqpLib\\Message\\AMQPMessage'],
        [8, 'GuzzleHttp\\json_encode'],
        [9, 'Exception'],
        [12, 'Symfony\\Component\\Console\\Command'],
        [12, 'Symfony\\Component\\Process\\Process'],
      ]);
    });

    it('counts a bare use only in a namespaced file', () => {
      assert.deepStrictEqual(imports('a.php', '<?php\nuse Redis;\nuse A\\B;\n'), [[3, 'A\\B']]);
    });
  });

  describe('C#', () => {
    it('reads using directives, not using statements or declarations', () => {
      const text = [
        'global using Microsoft.EntityFrameworkCore;',
        'using System;',
        'using static System.Math;',
        'using Redis = StackExchange.Redis;',
        'using global::Confluent.Kafka;',
        '// using Commented.Out;',
        'namespace App;',
        'class A {',
        '  void M() {',
        '    using (var conn = new SqlConnection(cs)) { }',
        '    using var scope = provider.CreateScope();',
        '    using HttpClient client = new();',
        '    var s = "using Not.This;";',
        '  }',
        '}',
      ].join('\n');
      assert.deepStrictEqual(imports('src/Program.cs', text), [
        [1, 'Microsoft.EntityFrameworkCore'],
        [2, 'System'],
        [3, 'System.Math'],
        [4, 'StackExchange.Redis'],
        [5, 'Confluent.Kafka'],
      ]);
    });
  });

  describe('Rust', () => {
    it('reads use trees and extern crates, not crate-local paths', () => {
      const text = [
        'use std::collections::HashMap;', // 1
        'use serde::{Deserialize, Serialize};',
        'pub use tokio::sync::{',
        '    mpsc,',
        '    oneshot::{self, Sender},', // 5
        '};',
        'pub(crate) use sqlx::postgres::PgPool as Pool;',
        'use crate::config::Settings;',
        'use self::inner::x;',
        'use super::y;', // 10
        '#[macro_use] extern crate diesel;',
        'extern crate redis as r;',
        '// use commented::out;',
        '/* use block::out; */',
        "fn f<'a>(s: &'a str) -> char { let q = '\"'; use rdkafka::producer::FutureProducer; q }", // 15
        'const S: &str = "use not::this;";',
        'use ::log::info;',
      ].join('\n');
      assert.deepStrictEqual(imports('src/main.rs', text), [
        [1, 'std::collections::HashMap'],
        [2, 'serde::Deserialize'],
        [2, 'serde::Serialize'],
        [3, 'tokio::sync::mpsc'],
        [3, 'tokio::sync::oneshot'],
        [3, 'tokio::sync::oneshot::Sender'],
        [7, 'sqlx::postgres::PgPool'],
        [11, 'diesel'],
        [12, 'redis'],
        [17, 'log::info'],
      ]);
    });
  });

  describe('Elixir', () => {
    it('reads alias, import, use and require at any indentation, with groups', () => {
      const text = [
        'defmodule MyApp.Worker do', // 1
        '  use GenServer',
        '  use Oban.Worker, queue: :default',
        '  alias MyApp.{Repo, Accounts.User}',
        '  import Ecto.Query, only: [from: 2]', // 5
        '  require Logger',
        '  alias Phoenix.PubSub.{',
        '    Local,',
        '    PG2',
        '  }', // 10
        '  @moduledoc """',
        '  use Not.This',
        '  """',
        '  # import Commented',
        '  alias __MODULE__.Child', // 15
        'end',
      ].join('\n');
      assert.deepStrictEqual(imports('lib/my_app/worker.ex', text), [
        [2, 'GenServer'],
        [3, 'Oban.Worker'],
        [4, 'MyApp.Repo'],
        [4, 'MyApp.Accounts.User'],
        [5, 'Ecto.Query'],
        [6, 'Logger'],
        [7, 'Phoenix.PubSub.Local'],
        [7, 'Phoenix.PubSub.PG2'],
      ]);
    });
  });

  describe('hostile input', () => {
    it('reads a 3 MB one-line file in bounded time, without facts from it', () => {
      const long = 'import x from "' + 'a'.repeat(3 * 1024 * 1024) + '";\n';
      for (const path of PATHS) {
        const started = Date.now();
        const result = reader.read(path, long);
        const ms = Date.now() - started;
        assert.ok(ms < 1500, `${path}: ${ms} ms`);
        assert.deepStrictEqual(result.facts, []);
      }
    });

    it('finds imports far down a long file, between many lines that hold none', () => {
      const body = Array.from({ length: 400 }, (_, i) => `  const v${i} = compute(${i}, "item");`).join('\n');
      const js = `import a from 'alpha';\nexport function f() {\n${body}\n  const b = require('beta');\n}\n/* import c from 'gamma' */\nimport d from 'delta';\n`;
      assert.deepStrictEqual(imports('a.js', js), [
        [1, 'alpha'],
        [403, 'beta'],
        [406, 'delta'],
      ]);
      const py = `import os\n\ndef f():\n${body}\n    import redis\n    s = '''\nimport fake\n'''\n`;
      assert.deepStrictEqual(imports('a.py', py), [
        [1, 'os'],
        [404, 'redis'],
      ]);
    });

    it('skips over a long minified line and keeps reading the lines after it', () => {
      const text = "import a from 'a';\n" + 'var x=1;'.repeat(1000) + "require('b')\nimport c from 'c';\n";
      assert.deepStrictEqual(imports('a.js', text), [
        [1, 'a'],
        [3, 'c'],
      ]);
    });

    it('stays fast on many lines, open comments and long runs of quotes and backslashes', () => {
      const cases: [string, string][] = [
        ['a.ts', "import {a} from 'b'; /* c */ const s = `x`; // d\n".repeat(60000)],
        ['a.ts', '/*\n' + 'import x from "y"\n'.repeat(200000)],
        ['a.ts', '`' + '\\'.repeat(3_000_000)],
        ['a.ts', ('import "' + "'".repeat(1990) + '\n').repeat(1500)],
        ['a.py', '"""\n' + 'import os\n'.repeat(300000)],
        ['a.rs', 'use a::{\n' + 'b,\n'.repeat(300000)],
        ['a.rs', 'use a::' + '{b::'.repeat(100000) + '\n'],
        ['a.rs', ('use a::' + '{b::'.repeat(400) + ';\n').repeat(2000)],
        ['a.php', 'use A\\{\n' + 'B,\n'.repeat(300000)],
        ['a.ex', '  alias A.{\n' + 'B,\n'.repeat(300000)],
        ['a.go', 'package a\nimport (\n' + '"x"\n'.repeat(300000)],
        ['a.rb', '=begin\n' + "require 'x'\n".repeat(300000)],
      ];
      for (const [path, text] of cases) {
        const started = Date.now();
        const result = reader.read(path, text);
        const ms = Date.now() - started;
        assert.ok(Array.isArray(result.facts));
        assert.ok(ms < 2000, `${path} (${text.slice(0, 12)}...): ${ms} ms (a hang or a quadratic pass, not a speed target)`);
      }
    });

    it('bounds the number of facts from one file', () => {
      const text = Array.from({ length: 20000 }, (_, i) => `import m${i} from 'm${i}';`).join('\n');
      const n = reader.read('gen.ts', text).facts.length;
      assert.ok(n > 0 && n <= 5000, String(n));
    });

    it('reports binary content as skipped', () => {
      const result = reader.read('a.js', "import a from 'a';\0\0\0");
      assert.deepStrictEqual(result.facts, []);
      assert.ok(result.skipped && result.skipped.length > 0);
    });

    const SNIPPETS = [
      'import ',
      'from ',
      'require(',
      'export {',
      'use ',
      'using ',
      'alias ',
      'extern crate ',
      '{',
      '}',
      '(',
      ')',
      ';',
      ',',
      '"',
      "'",
      '`',
      '"""',
      "'''",
      '/*',
      '*/',
      '//',
      '#',
      '=begin\n',
      '\n=end',
      '\\',
      '::',
      '.',
      'a',
      'B',
      '\n',
      '\r\n',
      ' ',
      '#[',
    ];
    const codeish = fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 80 }).map((parts) => parts.join(''));

    for (const path of PATHS) {
      it(`finds the same imports jumping between the lines that matter as reading line by line, as ${path}`, () => {
        const body = fc
          .array(fc.constantFrom('  x = compute(1, "a");', '  y = f(2); // step', '', '\t}'), { maxLength: 6 })
          .map((l) => l.join('\n'));
        const text = fc.array(fc.oneof(codeish, body), { maxLength: 8 }).map((parts) => parts.join('\n'));
        fc.assert(
          fc.property(text, (t) => {
            assert.deepStrictEqual(readImports(path, t, true), readImports(path, t, false));
          }),
          { numRuns: 400 },
        );
      });

      it(`never throws on random or code-like text as ${path}`, () => {
        fc.assert(
          fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), codeish), (text) => {
            const result = reader.read(path, text);
            assert.ok(Array.isArray(result.facts));
            const lineCount = text.replace(/^\uFEFF/, '').split('\n').length;
            for (const f of result.facts) {
              const i = f as ImportFact;
              assert.strictEqual(i.type, 'import');
              assert.ok(Number.isInteger(i.line) && i.line >= 1 && i.line <= lineCount, `line ${i.line}`);
              assert.ok(typeof i.module === 'string' && i.module.length > 0);
            }
          }),
          { numRuns: 300 },
        );
      });
    }
  });
});
