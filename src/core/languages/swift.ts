/**
 * Swift: `import Vapor`, `import NIOCore.ByteBuffer`, `import struct Foundation.Date` (a declaration
 * of a module), with attributes (`@testable`, `@preconcurrency`, `@_spi(Private)`) and an access level
 * (`public import`) before it. The module path is emitted as written: `Foundation.Date`.
 */
import type { Emit, LanguageDescriptor, Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isDottedCode, isIdentCode, runEnd, segments, skipSpaces, validDotted, wordAt } from './scan';

const MODIFIERS = ['public', 'package', 'internal', 'fileprivate', 'private', 'open'];
const KINDS = ['typealias', 'struct', 'class', 'enum', 'protocol', 'let', 'var', 'func'];

/** The first of `words` standing at `i` as a whole word, if any. */
function wordOf(s: string, i: number, words: readonly string[]): string | undefined {
  for (const w of words) if (wordAt(s, i, w)) return w;
  return undefined;
}

/** Skips attributes (`@testable`, `@_spi(Name)`) and an access level before `import`; -1 when something else stands there. */
function prelude(code: string, i: number, end: number): number {
  for (let guard = 0; guard < 8; guard++) {
    i = skipSpaces(code, i, end);
    if (code[i] === '@') {
      i = runEnd(code, i + 1, isIdentCode);
      if (code[i] === '(') {
        const close = code.indexOf(')', i);
        if (close < 0 || close > end) return -1;
        i = close + 1;
      }
      continue;
    }
    const modifier = wordOf(code, i, MODIFIERS);
    if (modifier === undefined) return i;
    i += modifier.length;
  }
  return -1;
}

function swiftParser(emit: Emit): Parser {
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, _raw, at) {
      segments(code, (start, end) => {
        const s = prelude(code, start, end);
        if (s < 0 || !wordAt(code, s, 'import')) return;
        let p = skipSpaces(code, s + 6, end);
        if (p === s + 6) return;
        const kind = wordOf(code, p, KINDS);
        if (kind !== undefined) p = skipSpaces(code, p + kind.length, end);
        const e = runEnd(code, p, isDottedCode);
        const name = code.slice(p, Math.min(e, end));
        // `import Foo.+` (an operator) or a trailing word: not a module path this reader knows.
        if (validDotted(name) && skipSpaces(code, e, end) === end) emit(name, at);
      });
    },
  };
}

export const swift: LanguageDescriptor<'swift'> = {
  id: 'swift',
  extensions: ['swift'],
  // A raw string (`#"..."#`) is read as a plain one: only a backslash before its closing quote would differ.
  lexicon: lexicon({ ...C_LIKE, multi: ['"""'], quotes: '"' }),
  importWords: ['import'],
  parser: swiftParser,
  // XCTest and swift-testing files in `Tests/<Target>Tests/`, named for what they test.
  testFile: /^.+Tests?\.swift$/,
};
