import * as assert from 'node:assert';
import fc from 'fast-check';
import { jvmHeaderEnd } from '../../src/core/languages/jvmHeader';
import { jvmHeaderImports } from '../../src/core/languages/java';
import { readImports, wholeHeaderImports } from '../../src/core/readers/imports';

const at = (text: string, marker: string) => {
  const i = text.indexOf(marker);
  assert.ok(i >= 0, marker);
  return i;
};

describe('the header of a Java or Kotlin file', () => {
  it('ends at the first type, after comments, annotations, the package and the imports', () => {
    const java = [
      '/*',
      ' * Copyright 2002-2024 the original author or authors. import not.This;',
      ' */',
      '',
      'package org.acme; // the package',
      '',
      'import java.util.List;',
      'import static org.junit.jupiter.api.Assertions.*;',
      '/* between */ import java.util.Map;',
      '',
      '@SuppressWarnings({"unchecked", "import x;", "a)b"})',
      '@Deprecated(since = """',
      '    text ) block',
      '    """)',
      'public final class Foo {',
      '  String s = "import fake.Inside;";',
      '}',
    ].join('\n');
    assert.strictEqual(jvmHeaderEnd(java, false), at(java, 'public final class'));
  });

  it('reads annotations before the package (package-info.java) as header, and finds no end in such a file', () => {
    const info = '@NonNullApi\n@NonNullFields\npackage org.acme;\n\nimport org.springframework.lang.NonNullApi;\n';
    assert.strictEqual(jvmHeaderEnd(info, false), -1);
    assert.strictEqual(jvmHeaderEnd(info + '\nclass X {}\n', false), at(info + '\nclass X {}\n', 'class X'));
  });

  it('ends at an annotation type, a module, or a declaration of any kind', () => {
    for (const [text, marker] of [
      ['package a;\nimport b.C;\n@interface Marker {}\n', '@interface'],
      ['import b.C;\n\nopen module a.b {\n  requires b;\n}\n', 'open module'],
      ['package a;\n;\nenum E { A }\n', 'enum E'],
      ['package a;\nrecord R(int x) {}\n', 'record R'],
      ['import a.B;\nvoid main() {}\n', 'void main'],
    ] as const)
      assert.strictEqual(jvmHeaderEnd(text, false), at(text, marker), text);
  });

  it('reads Kotlin file annotations, headers without semicolons, aliases, nested comments and a shebang', () => {
    const kotlin = [
      '#!/usr/bin/env kotlin',
      '@file:JvmName("Tools")',
      '@file:Suppress("UNUSED") /* a /* nested */ comment */',
      'package org.acme',
      '',
      'import io.ktor.server.application.*',
      'import org.jetbrains.exposed.sql.Database as Db // alias',
      '',
      '@[Serializable Immutable]',
      'data class Point(val x: Int)',
    ].join('\n');
    assert.strictEqual(jvmHeaderEnd(kotlin, true), at(kotlin, 'data class'));
    const script = 'import java.io.File\n\nplugins {\n  java\n}\n';
    assert.strictEqual(jvmHeaderEnd(script, true), at(script, 'plugins'));
  });

  it('finds no end while the text may still be in the header: an open comment, string or statement, or a cut word', () => {
    for (const text of [
      'package a;\n/* license',
      'package a;\nimport b.C',
      'package a;\n@Ann(value = "x',
      'package a;\n@Ann(',
      'package a;\n@Ann',
      'package a;\nimp',
      'package a;\npublic',
      '',
      '\uFEFF',
    ])
      assert.strictEqual(jvmHeaderEnd(text, false), -1, JSON.stringify(text));
  });

  const javaPieces = [
    '/* c */\n',
    '// import line.Comment;\n',
    '/**\n * Docs; with @tags and "quotes" (import a.B;)\n */\n',
    'package com.acme;\n',
    'import java.util.List;\n',
    'import static a.b.C.d;\n',
    'import a.b.*;\n',
    '@Ann\n',
    '@Ann(x = "s;)", y = {1, 2})\n',
    '@a.b.Qualified(")")\n',
    ';\n',
    '\n',
  ];
  const javaBodies = [
    'public class A {\n  String s = "import fake.InString;";\n}\n',
    'class B {}\nimport late.NotAnImport;\n',
    'interface C { void f(); }\n',
    '@interface D {}\n',
  ];
  const kotlinPieces = [
    '/* a /* nested */ comment */\n',
    '// import line.Comment\n',
    '@file:JvmName("Tools")\n',
    'package com.acme\n',
    'import java.util.UUID\n',
    'import a.b.C as D\n',
    'import a.b.*\n',
    '@[A B]\n',
    '\n',
  ];
  const kotlinBodies = ['class A\n', 'fun main() = println("import fake.InString")\n', 'val x = 1\nimport late.NotAnImport\n'];

  for (const [language, path, pieces, bodies] of [
    ['Java', 'A.java', javaPieces, javaBodies],
    ['Kotlin', 'A.kt', kotlinPieces, kotlinBodies],
  ] as const) {
    it(`on any beginning of a ${language} file, finds its end or none, and the imports read up to it are the whole file's`, () => {
      const kotlin = language === 'Kotlin';
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom(...bodies), fc.nat(), (parts, tail, cut) => {
          const text = parts.join('') + tail;
          const end = jvmHeaderEnd(text, kotlin);
          assert.ok(end >= 0 && end >= parts.join('').length - 1, `${end} in ${JSON.stringify(text)}`);
          const prefix = text.slice(0, cut % (text.length + 1));
          const e = jvmHeaderEnd(prefix, kotlin);
          assert.ok(e === -1 || e === end, `prefix ${JSON.stringify(prefix)}: ${e}, whole: ${end}`);
          // Read only so far, the imports are those of the whole file.
          if (e >= 0) assert.deepStrictEqual(readImports(path, prefix).facts, readImports(path, text).facts);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('reads the imports of a plain header in the walk that finds its end', () => {
    const text = [
      '/*',
      ' * Licensed under the Apache License; this line is important, not imported.',
      ' */',
      'package com.acme;',
      '',
      'import java.util.List;',
      '  import static org.junit.Assert.assertTrue;',
      'import org.springframework.kafka.annotation.*;',
      '',
      '@Component',
      'public class A {}',
    ].join('\n');
    const found: [string, number][] = [];
    assert.strictEqual(
      jvmHeaderImports(text, false, (m, offset) => found.push([m, offset])),
      true,
    );
    assert.deepStrictEqual(
      found.map(([m]) => m),
      ['java.util.List', 'org.junit.Assert.assertTrue', 'org.springframework.kafka.annotation'],
    );
    assert.deepStrictEqual(wholeHeaderImports('A.java', text), readImports('A.java', text, false));
    assert.deepStrictEqual(
      readImports('A.java', text).facts.map((f) => (f as { line: number }).line),
      [6, 7, 8],
    );
  });

  it('leaves to the line pass a header the walk cannot answer for alone', () => {
    for (const text of [
      'package a;\nimport /* why */ b.C;\nclass A {}\n', // a comment in the statement
      'package a; import b.C;\nclass A {}\n', // not first on its line
      '/* import x.Y; */ import b.C;\nclass A {}\n',
      'package a;\n@Ann(\n  import b.C;\n)\nclass A {}\n', // the word where the walk sees no statement
      'package a;\nimport b.C;\n', // no declaration: the header may go on
    ]) {
      assert.strictEqual(
        jvmHeaderImports(text, false, () => assert.fail('emitted')),
        false,
        JSON.stringify(text),
      );
      assert.deepStrictEqual(readImports('A.java', text), readImports('A.java', text, false), JSON.stringify(text));
    }
  });

  for (const [language, path, pieces, bodies] of [
    ['Java', 'A.java', javaPieces, javaBodies],
    ['Kotlin', 'A.kt', kotlinPieces, kotlinBodies],
  ] as const) {
    it(`reads the same imports of any ${language} file, with or without the header walk`, () => {
      const extra = [
        'import a.b /* c */ .D;\n',
        'import x.Y; import z.W;\n',
        '  import q.R;\n',
        'import\n  s.T;\n',
        ' * imported, importing\n',
      ];
      let walked = 0;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces, ...extra), { maxLength: 12 }), fc.constantFrom(...bodies), (parts, tail) => {
          const text = parts.join('') + tail;
          if (wholeHeaderImports(path, text)) walked++;
          assert.deepStrictEqual(readImports(path, text), readImports(path, text, false), JSON.stringify(text));
        }),
        { numRuns: 500 },
      );
      assert.ok(walked > 50, `the walk answered for ${walked} of 500 files`);
    });
  }

  it('walks a hostile header in linear time', () => {
    for (const text of [
      '@A(' + '('.repeat(300_000),
      '@A(' + '"x", '.repeat(200_000),
      '/*'.repeat(300_000),
      'import a' + '.b'.repeat(300_000),
      '@A\n'.repeat(200_000) + 'class X {}',
    ]) {
      const started = Date.now();
      jvmHeaderEnd(text, false);
      jvmHeaderEnd(text, true);
      assert.ok(Date.now() - started < 1000, text.slice(0, 10));
    }
  });
});
