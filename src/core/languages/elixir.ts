/** Elixir: `alias|import|use|require A.B` at any indentation, with `A.{B, C}` groups. */
import { MAX_STATEMENT_LINES, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { lexicon } from './lexer';
import { isDottedCode, runEnd, segments, skipSpaces, validDotted, wordAt } from './scan';

const ELIXIR_WORDS: readonly string[] = ['alias', 'import', 'use', 'require'];

function elixirParser(emit: Emit): Parser {
  let pendingAt = -1;
  let pendingLines = 0;
  let prefix = '';
  let buffer = '';

  const validModule = (m: string): boolean => {
    if (!validDotted(m)) return false;
    for (const part of m.split('.')) {
      const c = part.charCodeAt(0);
      if (!(c >= 65 && c <= 90)) return false;
    }
    return true;
  };
  const group = (pre: string, inner: string, at: number): void => {
    for (const item of inner.split(',')) {
      const t = item.trim();
      const m = pre + t.slice(0, runEnd(t, 0, isDottedCode));
      if (validModule(m)) emit(m, at);
    }
  };

  return {
    busy: () => pendingAt >= 0,
    reset: () => {
      pendingAt = -1;
    },
    line(code, _raw, at) {
      if (pendingAt >= 0) {
        const close = code.indexOf('}');
        buffer += ',' + (close < 0 ? code : code.slice(0, close));
        if (close >= 0) {
          group(prefix, buffer, pendingAt);
          pendingAt = -1;
        } else if (++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
        return;
      }
      segments(code, (start, end) => {
        const s = skipSpaces(code, start, end);
        const k = ELIXIR_WORDS.find((w) => wordAt(code, s, w));
        if (!k) return;
        const p = skipSpaces(code, s + k.length, end);
        if (p === s + k.length) return;
        const e = runEnd(code, p, isDottedCode);
        const name = code.slice(p, e);
        if (code[e] === '{' && name.endsWith('.')) {
          const close = code.indexOf('}', e);
          if (close >= 0 && close < end) return group(name, code.slice(e + 1, close), at);
          if (end === code.length) {
            pendingAt = at;
            pendingLines = 0;
            prefix = name;
            buffer = code.slice(e + 1);
          }
          return;
        }
        if (validModule(name)) emit(name, at);
      });
    },
  };
}

export const elixir: LanguageDescriptor<'elixir'> = {
  id: 'elixir',
  extensions: ['ex', 'exs'],
  lexicon: lexicon({ lineComments: ['#'], multi: ['"""', "'''"], quotes: `'"` }),
  importWords: ELIXIR_WORDS,
  parser: elixirParser,
  testFile: /^.+_test\.exs$/,
};
