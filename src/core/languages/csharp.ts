/** C#: `[global] using [static] A.B;` and `using X = A.B;`, not `using (...)` or `using var x = ...`. */
import type { Emit, LanguageDescriptor, Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isDottedCode, runEnd, segments, skipSpaces, validDotted, wordAt } from './scan';

function csharpParser(emit: Emit): Parser {
  const isNameCode = (c: number): boolean => isDottedCode(c) || c === 58; /* : */
  const clean = (name: string): string | undefined => {
    const n = name.startsWith('global::') ? name.slice(8) : name;
    return validDotted(n) && !n.includes(':') ? n : undefined;
  };
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, _raw, at) {
      segments(code, (start, end) => {
        if (end === code.length) return; // a using directive ends with ';'
        let s = skipSpaces(code, start, end);
        if (wordAt(code, s, 'global')) s = skipSpaces(code, s + 6, end);
        if (!wordAt(code, s, 'using')) return;
        let p = skipSpaces(code, s + 5, end);
        if (p === s + 5) return;
        if (wordAt(code, p, 'static')) p = skipSpaces(code, p + 6, end);
        let e = runEnd(code, p, isNameCode);
        let name = code.slice(p, e);
        let q = skipSpaces(code, e, end);
        if (code[q] === '=') {
          const a = skipSpaces(code, q + 1, end);
          e = runEnd(code, a, isNameCode);
          name = code.slice(a, e);
          q = skipSpaces(code, e, end);
          if (code[q] === '<') q = end;
        }
        if (q !== end) return;
        const m = clean(name);
        if (m) emit(m, at);
      });
    },
  };
}

export const csharp: LanguageDescriptor<'csharp'> = {
  id: 'csharp',
  extensions: ['cs'],
  lexicon: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  importWords: ['using'],
  parser: csharpParser,
};
