import * as assert from 'node:assert';
import fc from 'fast-check';
import { requiredLiterals } from '../../../src/core/literals';
import { builtinCatalog } from '../helpers';

const sorted = (xs: string[] | null) => (xs ? [...xs].sort() : xs);

/** True when `text` passes the prefilter: it contains one of the literals (lower-cased for ignoreCase). */
function passes(literals: string[], text: string, ignoreCase: boolean): boolean {
  const hay = ignoreCase ? text.toLowerCase() : text;
  return literals.some((l) => hay.includes(l));
}

describe('literal prefilter: derivation', () => {
  const cases: [string, string[] | null, boolean?][] = [
    // plain runs, escapes and zero-width assertions
    ['^\\s*@EnableCaching\\b', ['@EnableCaching']],
    ['\\bjsonify\\(|\\bJsonResponse\\(', ['jsonify(', 'JsonResponse(']],
    ['\\bfoo\\b', ['foo']],
    ['^import\\s', ['import']],
    ['a\\/b\\-c\\.d', ['a/b-c.d']],
    ['\\bres\\.json\\(\\s*\\{', ['res.json(']],
    // optional and repeated characters
    ['colou?r', ['color', 'colour']],
    ['abc?', null], // "ab" is too short
    ['ab*cdef', ['cdef']],
    ['abc+d', ['abc']],
    ['a{2}bc', ['abc']],
    ['a{0}bcd', ['bcd']],
    ['xy{0,2}zzz', ['zzz']],
    ['x{,3}abc', ['x{,3}abc']], // not a quantifier: the braces stand for themselves
    ['resources?\\s+:\\w', ['resource']],
    ['abc*?def', ['def']],
    // groups and small classes
    ['@(Get|Post)\\(', ['@Get(', '@Post(']],
    ['\\.(AddRateLimiter|UseRateLimiter)\\(', ['.AddRateLimiter(', '.UseRateLimiter(']],
    ['(?:foo|bar)baz', ['barbaz', 'foobaz']],
    ['(a|b)(c|d)(e|f)', ['ace', 'acf', 'ade', 'adf', 'bce', 'bcf', 'bde', 'bdf']],
    ['(?:abc)+def', ['abcdef']],
    ['(?:abc)?def', ['def']],
    ['(?<name>kafka)Listener', ['kafkaListener']],
    ['[Rr]untime', ['Runtime', 'runtime']],
    ['["\']DEFAULT["\']', ['"DEFAULT"', '"DEFAULT\'', '\'DEFAULT"', "'DEFAULT'"]],
    ['[a-z]+Schema', ['Schema']],
    ['[^"]+"aws_\\w+"', ['"aws_']],
    ['(?:abc|de)xyz', ['abcxyz', 'dexyz']],
    // lookarounds consume nothing
    ['(?=abc)def', ['def']],
    ['^\\s*USER\\s+(?!root\\b|0\\b)\\S', ['USER']],
    ['x(?=abc)', null],
    // alternatives: every one needs a literal
    ['foo|ba', null],
    ['foo|.', null],
    ['foo|\\w+bar', ['bar', 'foo']],
    ['', null],
    ['\\w+\\s*=\\s*\\d', null],
    // unsupported escapes give up
    ['\\x41bcd', null],
    ['\\u0041bcd', null],
    ['(abc)\\1', null],
    ['\\cJabc', null],
    // ignoreCase: lower-cased, ASCII only
    ['FooBar', ['foobar'], true],
    ['^\\s*FROM\\s+\\S+|^\\s*COPY\\s.*--from=', ['from'], true],
    ['straße', null, true],
    ['straße', ['straße']],
  ];
  for (const [pattern, expected, ignoreCase] of cases) {
    it(`${JSON.stringify(pattern)}${ignoreCase ? ' (i)' : ''} → ${JSON.stringify(expected)}`, () => {
      new RegExp(pattern, ignoreCase ? 'im' : 'm'); // every case is a valid pattern
      assert.deepStrictEqual(sorted(requiredLiterals(pattern, ignoreCase)), sorted(expected));
    });
  }

  it('never returns a literal shorter than 3 characters, nor an empty set', () => {
    for (const r of builtinCatalog().rules) {
      if (!r.content) continue;
      const lits = requiredLiterals(r.content.pattern, r.content.ignoreCase === true);
      if (!lits) continue;
      assert.ok(lits.length > 0, r.id);
      for (const l of lits) assert.ok(l.length >= 3, `${r.id}: ${JSON.stringify(l)}`);
      if (r.content.ignoreCase) for (const l of lits) assert.strictEqual(l, l.toLowerCase(), r.id);
    }
  });

  it('gives most catalogue patterns a prefilter', () => {
    const content = builtinCatalog().rules.filter((r) => r.content);
    const withLiterals = content.filter((r) => requiredLiterals(r.content!.pattern, r.content!.ignoreCase === true));
    assert.ok(withLiterals.length >= content.length * 0.9, `${withLiterals.length} of ${content.length}`);
  });

  it('never throws, whatever the pattern', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.boolean(), (p, i) => {
        const lits = requiredLiterals(p, i);
        assert.ok(lits === null || Array.isArray(lits));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Pieces of a pattern's source that read as text, to build strings that come close to matching. */
function fragments(pattern: string): string[] {
  const unescaped = pattern.replace(/\\([^A-Za-z0-9])/g, '$1').replace(/\\[bBsSwWdD]/g, ' ');
  return [...new Set(unescaped.split(/[|()[\]?*+^$]+/).filter((s) => s.length > 0))];
}

/** fast-check knows no `\b` nor lookarounds: drop them to generate near-matches (the real regex judges). */
function generatorFor(pattern: string, ignoreCase: boolean): fc.Arbitrary<string> | undefined {
  if (/\(\?[=!<]/.test(pattern)) return undefined;
  try {
    return fc.stringMatching(new RegExp(pattern.replace(/\\[bB]/g, ''), ignoreCase ? 'i' : ''));
  } catch {
    return undefined;
  }
}

function flipCase(s: string, mask: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += (mask >> (i % 31)) & 1 ? s[i].toUpperCase() : s[i].toLowerCase();
  return out;
}

describe('literal prefilter: soundness on the real catalogue', () => {
  const rules = builtinCatalog().rules.filter((r) => r.content);
  const noise = fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\t',
    '"',
    "'",
    '(',
    ')',
    '.',
    ':',
    '=',
    '{',
    '}',
    '/',
    '-',
    '_',
    'x',
    '1',
    '@',
    '#',
  );

  it('every positive and negative example that a pattern matches contains a derived literal', () => {
    let matched = 0;
    for (const r of rules) {
      const { pattern, ignoreCase = false } = r.content!;
      const lits = requiredLiterals(pattern, ignoreCase);
      if (!lits) continue;
      const re = new RegExp(pattern, ignoreCase ? 'im' : 'm');
      for (const ex of [...r.examples.positive, ...r.examples.negative]) {
        for (const text of Object.values(ex)) {
          if (!re.test(text)) continue;
          matched++;
          assert.ok(passes(lits, text, ignoreCase), `${r.id}: ${JSON.stringify(lits)} not in ${JSON.stringify(text.slice(0, 200))}`);
        }
      }
    }
    assert.ok(matched > 100, `only ${matched} examples matched`);
  });

  it('random texts built from each pattern (its own pieces, case changes, noise) that match contain a derived literal', () => {
    let matched = 0;
    for (const r of rules) {
      const { pattern, ignoreCase = false } = r.content!;
      const lits = requiredLiterals(pattern, ignoreCase);
      if (!lits) continue;
      const re = new RegExp(pattern, ignoreCase ? 'im' : 'm');
      const pieces = [...fragments(pattern), ...lits];
      const parts: fc.Arbitrary<string>[] = [fc.constantFrom(...pieces), noise, fc.string({ maxLength: 4 })];
      const gen = generatorFor(pattern, ignoreCase);
      if (gen) parts.push(gen);
      const text = fc
        .tuple(fc.array(fc.oneof(...parts), { maxLength: 12 }), fc.integer({ min: 0, max: 0x7fffffff }), fc.boolean())
        .map(([xs, mask, flip]) => (flip && ignoreCase ? flipCase(xs.join(''), mask) : xs.join('')));
      fc.assert(
        fc.property(text, (t) => {
          if (!re.test(t)) return;
          matched++;
          assert.ok(passes(lits, t, ignoreCase), `${r.id}: ${JSON.stringify(lits)} not in ${JSON.stringify(t)}`);
        }),
        { numRuns: 60, seed: 42 },
      );
    }
    assert.ok(matched > rules.length, `only ${matched} random texts matched`);
  });
});
