import * as assert from 'node:assert';
import { DiskSource, Scanner, type SkillMap } from '../../../src/core';
import { HEAD_BYTES } from '../../../src/core/fileEvidence';
import type { HeadCheck, ReadOutcome } from '../../../src/core/workspace/source';
import { builtinCatalog, diskWorkspace } from '../helpers';

/** A DiskSource that never stops a read early: what every file gives when read whole. */
class WholeReads extends DiskSource {
  override readNow(relPath: string): ReadOutcome | undefined {
    return super.readNow(relPath);
  }
}

/** A DiskSource that counts the reads stopped after the beginning. */
class CountedReads extends DiskSource {
  partial: string[] = [];
  override readNow(relPath: string, head?: HeadCheck): ReadOutcome | undefined {
    const outcome = super.readNow(relPath, head);
    if (outcome && 'partial' in outcome && outcome.partial) this.partial.push(relPath);
    return outcome;
  }
}

const LICENSE = '/*\n' + ' * Licensed under the Apache License, Version 2.0 (the "License").\n'.repeat(20) + ' */\n\n';
/** Code lines enough to carry a file past the first chunk. */
const filler = (bytes: number) => '  private int unused;\n'.repeat(Math.ceil(bytes / 22));
const javaClass = (imports: string[], body: string) =>
  `${LICENSE}package com.acme;\n\n${imports.map((i) => `import ${i};\n`).join('')}\n@Service\npublic class Foo {\n${body}}\n`;

/** Every evidence row and skip, and every skill's status, as comparable lines. */
function rows(map: SkillMap): string[] {
  const out: string[] = [];
  for (const s of map.skills) {
    out.push(`${s.id} ${s.status} ${s.technologies.join(',')}`);
    for (const e of s.evidence) out.push(`  ${e.file}:${e.line} ${e.rule} ${e.strength}`);
  }
  for (const s of map.skipped) out.push(`skipped ${s.file}: ${s.reason}`);
  return out.sort();
}

async function scanBoth(files: Record<string, string>, maxFileBytes?: number) {
  const root = diskWorkspace(files);
  const counted = new CountedReads(root, { maxFileBytes });
  const header = await new Scanner(counted, builtinCatalog()).scan();
  const whole = await new Scanner(new WholeReads(root, { maxFileBytes }), builtinCatalog()).scan();
  return { header, whole, partial: counted.partial.sort() };
}

describe('reading a Java or Kotlin file only as far as its imports', () => {
  const hsts = '  void secure(HttpServletResponse res) { res.setHeader("Strict-Transport-Security", "max-age=63072000"); }\n';

  it('gives the evidence and verdicts of whole reads, for files whose imports run past the first chunk too', async () => {
    const manyImports = Array.from({ length: 700 }, (_, i) => `com.acme.generated.pkg${i}.Type${i}`);
    const files = {
      'build.gradle': "plugins { id 'java' }\ndependencies { implementation 'org.springframework.boot:spring-boot-starter-web:3.3.0' }\n",
      // Small: read whole in one go whatever happens.
      'src/main/java/com/acme/Small.java': javaClass(['org.springframework.web.bind.annotation.RestController'], '  int x;\n'),
      // Long, imports near the top, no import that makes a content rule relevant: the header is enough.
      'src/main/java/com/acme/Long.java': javaClass(['java.util.List', 'org.junit.jupiter.api.Test'], filler(40_000) + hsts),
      // The same header-only candidate in Kotlin.
      'src/main/kotlin/com/acme/Long.kt': `package com.acme\n\nimport java.util.UUID\n\nclass Long {\n${'    val unused = 1\n'.repeat(2000)}}\n`,
      // Long, with a servlet import: the header-check cannot stop, the header line is found in the body.
      'src/main/java/com/acme/Hsts.java': javaClass(['jakarta.servlet.http.HttpServletResponse'], filler(40_000) + hsts),
      // Imports run past the first chunk: 700 of them, then one whose import rule must still fire.
      'src/main/java/com/acme/Imports.java': javaClass([...manyImports, 'io.javalin.Javalin'], filler(20_000)),
      // The last import past the first chunk makes a content rule relevant: its match must be found.
      'src/main/java/com/acme/LateServlet.java': javaClass([...manyImports, 'jakarta.servlet.http.HttpServletResponse'], hsts),
      // A license comment longer than the first chunk: no header end in it, so the file is read whole.
      'src/main/java/com/acme/Licensed.java':
        '/*\n' + ' * x\n'.repeat(HEAD_BYTES) + ' */\npackage com.acme;\n\nimport io.javalin.Javalin;\n\nclass Licensed {}\n',
    };
    const { header, whole, partial } = await scanBoth(files);
    assert.deepStrictEqual(rows(header), rows(whole));
    assert.deepStrictEqual(partial, ['src/main/java/com/acme/Long.java', 'src/main/kotlin/com/acme/Long.kt']);
    assert.ok(header.stats.bytesRead < whole.stats.bytesRead - 40_000, `${header.stats.bytesRead} vs ${whole.stats.bytesRead}`);
    // And what the late imports prove is there: the test would pass vacuously if none of it were.
    const found = rows(header).join('\n');
    assert.match(found, /Imports\.java:\d+ web-frameworks\/javalin-import/);
    assert.match(found, /LateServlet\.java:\d+ security\/headers-code /);
    assert.match(found, /Hsts\.java:\d+ security\/headers-code /);
    assert.match(found, /Licensed\.java:\d+ \S*javalin/i);
    assert.match(found, /Long\.java:\d+ testing\//);
    assert.doesNotMatch(found, /Long\.java:\d+ security\//);
  });

  it('skips what a whole read skips: a file over the size limit, binary content in the first bytes', async () => {
    const long = javaClass(['java.util.List'], filler(40_000));
    const binary = javaClass(['java.util.List'], '  int a;\n') + '\0'.repeat(16) + filler(30_000);
    assert.ok(binary.indexOf('\0') < 8192);
    const { header, whole, partial } = await scanBoth(
      { 'src/main/java/com/acme/Big.java': long, 'src/main/java/com/acme/Bin.java': binary },
      35_000,
    );
    assert.deepStrictEqual(rows(header), rows(whole));
    assert.deepStrictEqual(partial, []);
    const reasons = header.skipped.map((s) => `${s.file}: ${s.reason}`).join('\n');
    assert.match(reasons, /Big\.java: too large/);
    assert.match(reasons, /Bin\.java: binary/);
  });

  it('keeps a character cut by the end of the first chunk out of what the header holds', async () => {
    // Multi-byte characters straddle the chunk's end; the header is whole before them.
    const text = javaClass(['org.junit.jupiter.api.Test'], `  String s = "${'é'.repeat(HEAD_BYTES)}";\n`);
    const { header, whole, partial } = await scanBoth({ 'src/main/java/com/acme/Accents.java': text });
    assert.deepStrictEqual(rows(header), rows(whole));
    assert.deepStrictEqual(partial, ['src/main/java/com/acme/Accents.java']);
  });
});
