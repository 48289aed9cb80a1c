/** Rust: `[pub] use a::b::{c, d};` (multi-line too) and `extern crate a;`; crate-local paths skipped. */
import { MAX_MODULE, MAX_STATEMENT_LINES, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isIdentCode, runEnd, skipSpaces, wordAt } from './scan';

/** Expands a Rust use tree (`a::{b, c::{d, e}}`) into paths. Never loops: every step consumes input. */
function expandUseTree(s: string, out: string[]): void {
  let i = 0;
  const ws = (): void => {
    i = skipSpaces(s, i);
    while (s[i] === '\n') i = skipSpaces(s, i + 1);
  };
  const ident = (): string => {
    let start = i;
    if (s.startsWith('r#', i)) start = i += 2;
    i = runEnd(s, i, isIdentCode);
    return s.slice(start, i);
  };
  const push = (path: string): void => {
    if (path && out.length < 500) out.push(path.endsWith('::self') ? path.slice(0, -6) : path);
  };
  const tree = (prefix: string, depth: number): void => {
    let path = prefix;
    ws();
    if (!path && s.startsWith('::', i)) i += 2;
    for (;;) {
      ws();
      if (s[i] === '{') {
        i++;
        if (depth < 8) group(path, depth + 1);
        return;
      }
      if (s[i] === '*') {
        i++;
        push(path);
        return;
      }
      const name = ident();
      if (!name) return;
      path = path ? `${path}::${name}` : name;
      ws();
      if (s.startsWith('::', i)) {
        i += 2;
        continue;
      }
      if (wordAt(s, i, 'as')) {
        i += 2;
        ws();
        ident();
      }
      push(path);
      return;
    }
  };
  const group = (prefix: string, depth: number): void => {
    while (i < s.length) {
      ws();
      if (s[i] === '}') {
        i++;
        return;
      }
      const before = i;
      tree(prefix, depth);
      ws();
      if (s[i] === ',' && i > before) i++;
      else {
        if (s[i] === '}') i++;
        return;
      }
    }
  };
  tree('', 0);
}

const RUST_LOCAL = new Set(['crate', 'self', 'super', 'Self']);

/** Skips `#[...]` attributes and a visibility (`pub`, `pub(crate)`) at `i`. */
function prelude(code: string, i: number): number {
  for (let guard = 0; guard < 20; guard++) {
    i = skipSpaces(code, i);
    if (code.startsWith('#[', i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < code.length; j++) {
        if (code[j] === '[') depth++;
        else if (code[j] === ']' && --depth === 0) break;
      }
      if (j >= code.length) return -1;
      i = j + 1;
    } else if (wordAt(code, i, 'pub')) {
      i = skipSpaces(code, i + 3);
      if (code[i] === '(') {
        const close = code.indexOf(')', i);
        if (close < 0) return -1;
        i = close + 1;
      }
    } else return i;
  }
  return -1;
}

function rustParser(emit: Emit): Parser {
  let pendingAt = -1;
  let pendingLines = 0;
  let buffer = '';

  const useTree = (tree: string, at: number): void => {
    const paths: string[] = [];
    expandUseTree(tree, paths);
    for (const p of paths) {
      const first = p.split('::', 1)[0];
      if (!RUST_LOCAL.has(first) && p.length <= MAX_MODULE) emit(p, at);
    }
  };

  return {
    busy: () => pendingAt >= 0,
    reset: () => {
      pendingAt = -1;
    },
    line(code, _raw, at) {
      let i = 0;
      if (pendingAt >= 0) {
        const semi = code.indexOf(';');
        buffer += '\n' + (semi < 0 ? code : code.slice(0, semi));
        if (semi < 0) {
          if (++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
          return;
        }
        useTree(buffer, pendingAt);
        pendingAt = -1;
        i = semi + 1;
      }
      while (i < code.length) {
        const s = prelude(code, i);
        if (s < 0) return;
        if (wordAt(code, s, 'use')) {
          const semi = code.indexOf(';', s);
          if (semi < 0) {
            pendingAt = at;
            pendingLines = 0;
            buffer = code.slice(s + 3);
            return;
          }
          useTree(code.slice(s + 3, semi), at);
          i = semi + 1;
        } else if (wordAt(code, s, 'extern')) {
          const c = skipSpaces(code, s + 6);
          if (!wordAt(code, c, 'crate')) return;
          const n = skipSpaces(code, c + 5);
          const name = code.slice(n, runEnd(code, n, isIdentCode));
          if (name && name !== 'self') emit(name, at);
          const semi = code.indexOf(';', n);
          if (semi < 0) return;
          i = semi + 1;
        } else return;
      }
    },
  };
}

export const rust: LanguageDescriptor<'rust'> = {
  id: 'rust',
  extensions: ['rs'],
  lexicon: lexicon({ ...C_LIKE, multi: [], quotes: `'"`, rustQuote: true }),
  importWords: ['use', 'extern'],
  parser: rustParser,
  // A crate's benchmarks: what they import or start is what they measure (its `tests/` is a test
  // folder in any language, paths.ts).
  testFolders: ['benches'],
};
