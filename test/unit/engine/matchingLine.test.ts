import * as assert from 'node:assert';
import fc from 'fast-check';
import { firstMatchingLine, firstMatchingLineFrom } from '../../../src/core/match/matchingLine';
import { builtinCatalog } from '../helpers';

/** Lines a pattern may or may not match, plus the kinds of line that never count. */
const LINE_PARTS = [
  '  readinessProbe:',
  '    httpGet:',
  '      path: /healthz',
  '  replicas: 3',
  'kind: Deployment',
  '# readinessProbe: commented out',
  '  pattern: "readinessProbe:"',
  '  description: "readinessProbe:\\n  httpGet"',
  '  runAsNonRoot: true',
  '      runAsNonRoot: true',
  'upstream backend { server a:80; server b:80; }',
  '  least_conn;',
  '',
  '\t',
  'import express from "express";',
  '@KafkaListener(topics = "orders")',
  '  image: nginx:1.27',
  'x'.repeat(40),
];

describe('first matching line, guided by the whole text', () => {
  const rules = builtinCatalog()
    .rules.filter((r) => r.content && !/\(\?<?[=!]/.test(r.content.pattern))
    .map((r) => ({
      source: r.content!.pattern,
      flags: r.content!.ignoreCase ? 'i' : '',
      // Lines of the rule's own examples, so that most draws have lines the pattern matches.
      own: r.examples.positive.concat(r.examples.negative).flatMap((e) => Object.values(e).flatMap((text) => text.split('\n'))),
    }));

  it('finds the same line as testing every line, for every lookaround-free pattern of the catalogue', () => {
    assert.ok(rules.length > 500, `only ${rules.length} patterns`);
    let found = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom(...rules)
          .chain((rule) =>
            fc.tuple(fc.constant(rule), fc.array(fc.constantFrom(...LINE_PARTS, ...rule.own, ...rule.own), { maxLength: 30 })),
          ),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom(['#'], ['//'], [] as string[]),
        ([{ source, flags }, lines], eol, dataFile, markers) => {
          const text = lines.join(eol);
          const line = new RegExp(source, flags);
          const whole = new RegExp(source, flags + 'mg');
          const expected = firstMatchingLine(text, undefined, line, markers, dataFile);
          assert.strictEqual(firstMatchingLineFrom(text, whole, line, markers, dataFile), expected);
          if (expected > 1) found++;
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
    assert.ok(found > 300, `only ${found} draws had a matching line past the first`);
  });

  it('passes over matches on lines that do not count and finds a later one', () => {
    const text = ['# readinessProbe: off', '  pattern: "readinessProbe:"', 'spec:', '  readinessProbe:', '    tcpSocket: {}'].join('\n');
    const re = /^\s*readinessProbe:/;
    assert.strictEqual(firstMatchingLineFrom(text, /^\s*readinessProbe:/gm, re, ['#'], true), 4);
    assert.strictEqual(firstMatchingLineFrom(text, /^\s*livenessProbe:/gm, /^\s*livenessProbe:/, ['#'], true), 0);
    // A match that only exists across lines gives no line.
    assert.strictEqual(firstMatchingLineFrom('a\nb', /a\sb/gm, /a\sb/, [], false), 0);
  });
});
