import type { ImportFact, Language, Reader, ReadResult } from '../types';
import { LineCounter, looksBinary, stripBom } from './text';

/**
 * Source imports for ten languages, in one light pass per file.
 *
 * The pass walks the text line by line. Lines that cannot hold an import and cannot open a block comment
 * or a multi-line string are skipped after a couple of `includes` tests. The other lines are "masked":
 * comments become spaces and the contents of string literals become spaces, so a keyword found in the
 * masked line is real code, while the text of a module string is read back from the raw line at the same
 * positions. Block comments and multi-line strings that run past the end of a line are jumped over with
 * `indexOf`. Lines longer than MAX_LINE characters are not read: minified code proves nothing.
 */

/** Longer lines are skipped (minified or generated code). */
const MAX_LINE = 2000;
/** A statement spread over more lines than this is dropped. */
const MAX_STATEMENT_LINES = 200;
/** Facts kept per file, as a bound on memory for generated files. */
const MAX_FACTS = 5000;
/** Module names longer than this are not module names. */
const MAX_MODULE = 300;

// ---------------------------------------------------------------------------
// Languages and file names
// ---------------------------------------------------------------------------

/** Without a prototype: `a.constructor` or `a.__proto__` names no language. */
const BY_EXTENSION: Record<string, Language> = Object.assign(Object.create(null) as Record<string, Language>, {
  js: 'js', jsx: 'js', mjs: 'js', cjs: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js',
  py: 'python', java: 'java', kt: 'kotlin', kts: 'kotlin', go: 'go', rb: 'ruby', php: 'php', cs: 'csharp',
  rs: 'rust', ex: 'elixir', exs: 'elixir',
} satisfies Record<string, Language>);

/** The language whose imports a path holds, if it is a source file this reader understands. */
export function importLanguage(relPath: string): Language | undefined {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const lang = BY_EXTENSION[base.slice(dot + 1)];
  if (lang !== 'js') return lang;
  const stem = base.slice(0, dot);
  // Type declarations import nothing at run time; minified bundles prove nothing.
  if (stem.endsWith('.d') || stem.endsWith('.min') || stem.endsWith('-min')) return undefined;
  return lang;
}

// ---------------------------------------------------------------------------
// Lexical shape of each language: enough to find comments and strings
// ---------------------------------------------------------------------------

interface Lexicon {
  /** Openers of comments that run to the end of the line. */
  lineComments: readonly string[];
  /** Opener and closer of block comments. */
  block?: readonly [string, string];
  /** Delimiters of strings that may span lines, longest first. */
  multi: readonly string[];
  /** Quote characters of strings that end at the end of the line at the latest. */
  quotes: string;
  /** PHP: `#[` starts an attribute, not a comment. */
  hashAttribute?: boolean;
  /** Rust: `'` starts a character literal or a lifetime. */
  rustQuote?: boolean;
  /** Ruby: `=begin` ... `=end` at column 0. */
  rubyBlock?: boolean;
  /** Finds the first characters of every opener above (global: `lastIndex` says where to look). */
  opener: RegExp;
  /** Openers of what may run past the end of a line: block comments and multi-line strings. */
  spanOpeners: readonly string[];
}

function lexicon(l: Omit<Lexicon, 'opener' | 'spanOpeners'>): Lexicon {
  const openers = [...l.lineComments, ...(l.block ? [l.block[0]] : []), ...l.multi, ...l.quotes.split('')];
  const firsts = [...new Set(openers.map((o) => o[0]))].map((c) => '\\' + c).join('');
  const spanOpeners = [...(l.block ? [l.block[0]] : []), ...l.multi, ...(l.rubyBlock ? ['=begin'] : [])];
  return { ...l, opener: new RegExp(`[${firsts}]`, 'g'), spanOpeners };
}

const C_LIKE = { lineComments: ['//'], block: ['/*', '*/'] as const };
const LEXICONS: Record<Language, Lexicon> = {
  js: lexicon({ ...C_LIKE, multi: ['`'], quotes: `'"` }),
  python: lexicon({ lineComments: ['#'], multi: ['"""', "'''"], quotes: `'"` }),
  java: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  kotlin: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  go: lexicon({ ...C_LIKE, multi: ['`'], quotes: `'"` }),
  ruby: lexicon({ lineComments: ['#'], multi: [], quotes: `'"`, rubyBlock: true }),
  php: lexicon({ lineComments: ['//', '#'], block: ['/*', '*/'], multi: [], quotes: `'"`, hashAttribute: true }),
  csharp: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  rust: lexicon({ ...C_LIKE, multi: [], quotes: `'"`, rustQuote: true }),
  elixir: lexicon({ lineComments: ['#'], multi: ['"""', "'''"], quotes: `'"` }),
};

/** Closer of a Ruby `=begin` block, searched from the newline before the line. */
const RUBY_END = '\n=end';

/** Whether a line may open a block comment or a multi-line string (cheap, may say yes wrongly). */
function mayOpen(line: string, lex: Lexicon): boolean {
  if (lex.rubyBlock && line.startsWith('=begin')) return true;
  if (lex.block && line.includes(lex.block[0])) return true;
  return holdsAny(line, lex.multi);
}

function blank(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

/** Index of the closing `delim` of a string whose contents start at `from`, honouring backslash escapes; -1 if the line ends first. */
function stringEnd(line: string, from: number, delim: string): number {
  const first = delim.charCodeAt(0);
  for (let j = from; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === first && (delim.length === 1 || line.startsWith(delim, j))) return j;
  }
  return -1;
}

interface Masked {
  /** The line with comments and string contents replaced by spaces; same length as the line. */
  code: string;
  /** The closer being waited for when the line ends inside a block comment or a multi-line string. */
  open: string | null;
}

/** Whether a line comment starts at `i` (a plain loop: this runs for every quote and slash of every line read). */
function commentAt(line: string, i: number, escaped: boolean, lex: Lexicon): boolean {
  for (let k = 0; k < lex.lineComments.length; k++) {
    const lc = lex.lineComments[k];
    if (line.startsWith(lc, i) && !(escaped && lc !== '#') && !(lex.hashAttribute && lc === '#' && line[i + 1] === '[')) return true;
  }
  return false;
}

/** Masks one line that starts in code at column `from` (earlier columns are blanked). */
function maskLine(line: string, from: number, lex: Lexicon): Masked {
  const n = line.length;
  let out = blank(from);
  let last = from;
  let i = from;
  const next = lex.opener;
  while (i < n) {
    // The next character that may open a comment or a string, found by the regular expression engine.
    next.lastIndex = i;
    if (!next.test(line)) break;
    i = next.lastIndex - 1;
    const c = line[i];
    // Outside strings a backslash never precedes a comment: `\/*` and `\//` belong to a regular expression.
    const escaped = i > 0 && line.charCodeAt(i - 1) === 92;
    if (commentAt(line, i, escaped, lex)) return { code: out + line.slice(last, i) + blank(n - i), open: null };
    if (lex.block && !escaped && line.startsWith(lex.block[0], i)) {
      const close = line.indexOf(lex.block[1], i + lex.block[0].length);
      if (close < 0) return { code: out + line.slice(last, i) + blank(n - i), open: lex.block[1] };
      const e = close + lex.block[1].length;
      out += line.slice(last, i) + blank(e - i);
      last = i = e;
      continue;
    }
    let delim = '';
    for (let k = 0; k < lex.multi.length; k++) {
      if (line.startsWith(lex.multi[k], i)) {
        delim = lex.multi[k];
        break;
      }
    }
    if (!delim && lex.quotes.includes(c)) {
      if (lex.rustQuote && c === "'") {
        // A character literal ('x', '\n', '"') or a lifetime ('a): only a literal is skipped over.
        const close = line[i + 1] === '\\' ? line.indexOf("'", i + 3) : line[i + 2] === "'" ? i + 2 : -1;
        if (close < 0) {
          i++;
          continue;
        }
        out += line.slice(last, i + 1) + blank(close - i - 1);
        last = close;
        i = close + 1;
        continue;
      }
      delim = c;
    }
    if (delim) {
      const start = i + delim.length;
      const close = stringEnd(line, start, delim);
      if (close < 0) {
        const open = lex.multi.includes(delim) ? delim : null;
        return { code: out + line.slice(last, start) + blank(n - start), open };
      }
      out += line.slice(last, start) + blank(close - start);
      last = close;
      i = close + delim.length;
      continue;
    }
    i++;
  }
  return { code: out + line.slice(last), open: null };
}

/** Absolute index of `closer` at or after `pos`, skipping closers escaped by a backslash (strings only). */
function findCloser(text: string, pos: number, closer: string): number {
  if (closer === RUBY_END) return text.indexOf(closer, Math.max(0, pos - 1));
  const escapable = closer !== '*/';
  let p = pos;
  for (;;) {
    const q = text.indexOf(closer, p);
    if (q < 0 || !escapable) return q;
    let k = q - 1;
    while (k >= pos && text.charCodeAt(k) === 92) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    p = q + 1;
  }
}

// ---------------------------------------------------------------------------
// Small scanning helpers over masked lines
// ---------------------------------------------------------------------------

function isIdentCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

function skipSpaces(s: string, i: number, end = s.length): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) break;
    i++;
  }
  return i;
}

/** Whether `word` stands at `i` as a whole word (not part of a longer identifier). */
function wordAt(s: string, i: number, word: string): boolean {
  return s.startsWith(word, i) && !isIdentCode(s.charCodeAt(i + word.length)) && (i === 0 || !isIdentCode(s.charCodeAt(i - 1)));
}

/** End of a run of characters accepted by `ok`, from `i`. */
function runEnd(s: string, i: number, ok: (c: number) => boolean): number {
  while (i < s.length && ok(s.charCodeAt(i))) i++;
  return i;
}

const isDottedCode = (c: number): boolean => isIdentCode(c) || c === 46;

/** `a.b.c` with non-empty parts. */
function validDotted(name: string): boolean {
  if (!name || name.length > MAX_MODULE || name[0] === '.' || name.endsWith('.') || name.includes('..')) return false;
  return !/^[0-9]/.test(name);
}

/** Text of the string literal whose opening quote is at `i` in the masked line, read from the raw line. */
function stringAt(code: string, raw: string, i: number): string | undefined {
  const q = code[i];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  const close = code.indexOf(q, i + 1);
  if (close < 0) return undefined;
  return raw.slice(i + 1, close);
}

/** Calls `f(start, end)` for each `;`-separated segment of a masked line. */
function segments(code: string, f: (start: number, end: number) => void): void {
  let start = 0;
  while (start <= code.length) {
    let end = code.indexOf(';', start);
    if (end < 0) end = code.length;
    f(start, end);
    start = end + 1;
  }
}

function isBlank(s: string): boolean {
  return skipSpaces(s, 0) === s.length;
}

// ---------------------------------------------------------------------------
// Per-language statement parsers
// ---------------------------------------------------------------------------

/** `typeOnly`: a TypeScript `import type` (erased at build time). */
type Emit = (module: string, at: number, typeOnly?: boolean) => void;

interface Parser {
  /** Whether a statement spread over lines is open: then every line is read. */
  busy(): boolean;
  /** A finer test on a line that holds one of the language's IMPORT_WORDS (default: it may hold an import). */
  wants?(line: string): boolean;
  /** One masked line; `at` is the offset of the line in the text. */
  line(code: string, raw: string, at: number): void;
  /** Drops any statement spread over lines (called on a skipped long line). */
  reset(): void;
}

/** JavaScript and TypeScript: import/export-from statements, require() and import() calls. */
function jsParser(emit: Emit): Parser {
  let pendingAt = -1;
  let pendingTypeOnly = false;
  let pendingLines = 0;
  let closed = false;

  const emitModule = (m: string | undefined, at: number, typeOnly = false): void => {
    if (m === undefined || !m || m.length > MAX_MODULE || /\s/.test(m) || m.includes('${')) return;
    const c = m[0];
    // Relative paths, subpath imports (#x) and project path aliases (@/x, ~/x) are local code.
    if (c === '.' || c === '/' || c === '#' || c === '~' || m.startsWith('@/')) return;
    emit(m, at, typeOnly);
  };

  /** Module of a `from '...'` clause between `from` and `to`, if any. */
  const fromClause = (code: string, raw: string, from: number, to: number): string | undefined => {
    for (let i = code.indexOf('from', from); i >= 0 && i < to; i = code.indexOf('from', i + 4)) {
      if (!wordAt(code, i, 'from')) continue;
      const j = skipSpaces(code, i + 4, to);
      if (code[j] === "'" || code[j] === '"') return stringAt(code, raw, j) ?? '';
    }
    return undefined;
  };

  const startPending = (code: string, from: number, at: number, typeOnly: boolean): void => {
    pendingAt = at;
    pendingTypeOnly = typeOnly;
    pendingLines = 0;
    closed = code.indexOf('}', from) >= 0;
  };

  /**
   * `import type ...` / `export type ... from` (TypeScript): types only, erased from the program: the
   * module need not run (weak evidence), though its types may still say what the code is, as
   * `aws-lambda`'s handler types do. (`import type from 'm'` binds a default import named `type`.)
   */
  const typeOnlyAt = (code: string, j: number, end: number): boolean => {
    if (!wordAt(code, j, 'type')) return false;
    const k = skipSpaces(code, j + 4, end);
    const c = code[k];
    return c === '{' || c === '*' || (c !== undefined && isIdentCode(code.charCodeAt(k)) && !wordAt(code, k, 'from'));
  };

  const statements = (code: string, raw: string, at: number): void => {
    segments(code, (start, end) => {
      const s = skipSpaces(code, start, end);
      const isImport = wordAt(code, s, 'import');
      if (!isImport && !wordAt(code, s, 'export')) return;
      const j = skipSpaces(code, s + 6, end);
      const c = code[j];
      const typeOnly = typeOnlyAt(code, j, end);
      if (isImport) {
        if (c === "'" || c === '"') return emitModule(stringAt(code, raw, j), at);
        // Anything but a binding list or a name (import(), import.meta, an `import:` key) is no statement.
        if (c !== undefined && c !== '{' && c !== '*' && !isIdentCode(code.charCodeAt(j))) return;
      } else {
        const k = typeOnly ? skipSpaces(code, j + 4, end) : j;
        if (code[k] !== '{' && code[k] !== '*') return;
      }
      const m = fromClause(code, raw, j, end);
      if (m !== undefined) return emitModule(m, at, typeOnly);
      const rest = code.slice(j, end);
      // `import x = require('m')` (TypeScript) is read as a call; other open statements continue below.
      if (end === code.length && !rest.includes('require') && !rest.includes('=')) startPending(code, j, at, typeOnly);
    });
  };

  const calls = (code: string, raw: string, at: number, word: string): void => {
    for (let i = code.indexOf(word); i >= 0; i = code.indexOf(word, i + word.length)) {
      if (!wordAt(code, i, word) || code[i - 1] === '.') continue;
      let j = skipSpaces(code, i + word.length);
      if (code[j] !== '(') continue;
      j = skipSpaces(code, j + 1);
      const m = stringAt(code, raw, j);
      if (m === undefined) continue;
      const after = skipSpaces(code, j + m.length + 2);
      if (code[after] === ')' || code[after] === ',') emitModule(m, at);
    }
  };

  return {
    busy: () => pendingAt >= 0,
    reset: () => {
      pendingAt = -1;
    },
    line(code, raw, at) {
      if (pendingAt >= 0) {
        if (isBlank(code)) return;
        const s = skipSpaces(code, 0);
        // A new statement, or anything but `from` after the closing brace, ends the open one.
        if (wordAt(code, s, 'import') || wordAt(code, s, 'export') || (closed && !wordAt(code, s, 'from'))) pendingAt = -1;
        else {
          const m = fromClause(code, raw, 0, code.length);
          if (m !== undefined) emitModule(m, pendingAt, pendingTypeOnly);
          if (m !== undefined || code.includes(';') || ++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
          else if (code.includes('}')) closed = true;
          return;
        }
      }
      statements(code, raw, at);
      if (code.includes('require')) calls(code, raw, at, 'require');
      if (code.includes('import')) calls(code, raw, at, 'import');
    },
  };
}

/** Python: `import a.b, c as d` and `from a.b import c` (relative imports skipped). */
function pythonParser(emit: Emit): Parser {
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, _raw, at) {
      segments(code, (start, end) => {
        const s = skipSpaces(code, start, end);
        if (wordAt(code, s, 'import')) {
          for (const part of code.slice(s + 6, end).split(',')) {
            const p = skipSpaces(part, 0);
            const name = part.slice(p, runEnd(part, p, isDottedCode));
            if (validDotted(name)) emit(name, at);
          }
        } else if (wordAt(code, s, 'from')) {
          const p = skipSpaces(code, s + 4, end);
          const e = runEnd(code, p, isDottedCode);
          const name = code.slice(p, e);
          const imp = skipSpaces(code, e, end);
          if (!validDotted(name) || !wordAt(code, imp, 'import')) return;
          emit(name, at);
          // `from google.cloud import pubsub_v1` also names `google.cloud.pubsub_v1`, so a rule can tell
          // the submodules of a namespace package apart. Names on later lines of a `(` list are not needed.
          for (const part of code.slice(imp + 6, end).replace(/[()\\]/g, ' ').split(',')) {
            const q = skipSpaces(part, 0);
            const sub = part.slice(q, runEnd(part, q, isDottedCode));
            if (sub && sub !== '*' && validDotted(sub) && !sub.includes('.')) emit(`${name}.${sub}`, at);
          }
        }
      });
    },
  };
}

/** Java and Kotlin: `import [static] a.b.C[.*][;]`, Kotlin `import a.b.C as D`. */
function jvmParser(emit: Emit): Parser {
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, _raw, at) {
      segments(code, (start, end) => {
        const s = skipSpaces(code, start, end);
        if (!wordAt(code, s, 'import')) return;
        let p = skipSpaces(code, s + 6, end);
        if (p === s + 6) return;
        if (wordAt(code, p, 'static')) p = skipSpaces(code, p + 6, end);
        let name = code.slice(p, runEnd(code, p, (c) => isDottedCode(c) || c === 42 /* * */));
        if (name.endsWith('.*')) name = name.slice(0, -2);
        if (validDotted(name) && !name.includes('*')) emit(name, at);
      });
    },
  };
}

/** Go: `import "x"`, `import alias "x"` and `import ( ... )` blocks, one fact per entry line. */
function goParser(emit: Emit): Parser {
  let inBlock = false;
  let blockLines = 0;

  /** Reads `[alias] "path"` entries from `from`; closes the block at `)`. */
  const entries = (code: string, raw: string, from: number, at: number): void => {
    let i = from;
    while (i < code.length) {
      i = skipSpaces(code, i);
      const c = code[i];
      if (c === undefined) return;
      if (c === ')') {
        inBlock = false;
        return;
      }
      if (c === ';') {
        i++;
        continue;
      }
      if (c === '"' || c === '`') {
        const m = stringAt(code, raw, i);
        if (m === undefined) return;
        if (m && m.length <= MAX_MODULE && !/\s/.test(m) && m[0] !== '.' && m[0] !== '/') emit(m, at);
        i += m.length + 2;
        continue;
      }
      const e = runEnd(code, i, isDottedCode);
      if (e === i) return; // not an import spec
      i = e;
    }
  };

  return {
    busy: () => inBlock,
    reset: () => {
      inBlock = false;
    },
    line(code, raw, at) {
      if (inBlock) {
        if (++blockLines > MAX_STATEMENT_LINES) inBlock = false;
        else entries(code, raw, 0, at);
        return;
      }
      const s = skipSpaces(code, 0);
      if (!wordAt(code, s, 'import')) return;
      const p = skipSpaces(code, s + 6);
      if (code[p] === '(') {
        inBlock = true;
        blockLines = 0;
        entries(code, raw, p + 1, at);
      } else entries(code, raw, p, at);
    },
  };
}

/** Ruby: `require 'x'` / `require("x")`; `require_relative` and relative paths are local. */
function rubyParser(emit: Emit): Parser {
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, raw, at) {
      segments(code, (start, end) => {
        const s = skipSpaces(code, start, end);
        if (!wordAt(code, s, 'require')) return;
        let p = skipSpaces(code, s + 7, end);
        if (code[p] === '(') p = skipSpaces(code, p + 1, end);
        const m = stringAt(code, raw, p);
        if (!m || m.length > MAX_MODULE || /\s/.test(m) || m.includes('#{') || m[0] === '.' || m[0] === '/' || m[0] === '~') return;
        emit(m, at);
      });
    },
  };
}

/** PHP: top-level (column 0) `use` statements, including groups and `use function` / `use const`. */
function phpParser(emit: Emit, namespaced: boolean): Parser {
  let pendingAt = -1;
  let pendingLines = 0;
  let buffer = '';

  const isNameCode = (c: number): boolean => isIdentCode(c) || c === 92; /* \ */
  const dropKind = (s: string): string => {
    const t = s.trim();
    for (const k of ['function ', 'const ']) if (t.startsWith(k)) return t.slice(k.length).trim();
    return t;
  };
  const nameOf = (s: string): string => {
    const t = dropKind(s);
    let name = t.slice(0, runEnd(t, 0, isNameCode));
    while (name.startsWith('\\')) name = name.slice(1);
    return name;
  };
  const emitName = (name: string, at: number): void => {
    if (!name || name.length > MAX_MODULE || name.endsWith('\\') || name.includes('\\\\')) return;
    if (name.includes('\\') || namespaced) emit(name, at);
  };

  const statement = (body: string, at: number): void => {
    const b = dropKind(body);
    // Split on commas outside a `{...}` group.
    let depth = 0;
    let start = 0;
    const clauses: string[] = [];
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === ',' && depth === 0) {
        clauses.push(b.slice(start, i));
        start = i + 1;
      }
    }
    clauses.push(b.slice(start));
    for (const clause of clauses) {
      const open = clause.indexOf('{');
      if (open < 0) {
        emitName(nameOf(clause), at);
        continue;
      }
      const prefix = nameOf(clause.slice(0, open));
      if (!prefix.endsWith('\\')) continue;
      const close = clause.indexOf('}', open);
      const inner = clause.slice(open + 1, close < 0 ? clause.length : close);
      for (const item of inner.split(',')) {
        const rest = nameOf(item);
        if (rest) emitName(prefix + rest, at);
      }
    }
  };

  return {
    busy: () => pendingAt >= 0,
    wants: (l) => l.startsWith('use'),
    reset: () => {
      pendingAt = -1;
    },
    line(code, _raw, at) {
      if (pendingAt >= 0) {
        const semi = code.indexOf(';');
        buffer += ' ' + (semi < 0 ? code : code.slice(0, semi));
        if (semi >= 0) {
          statement(buffer, pendingAt);
          pendingAt = -1;
        } else if (++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
        return;
      }
      if (!wordAt(code, 0, 'use')) return;
      const semi = code.indexOf(';');
      if (semi >= 0) return statement(code.slice(3, semi), at);
      pendingAt = at;
      pendingLines = 0;
      buffer = code.slice(3);
    },
  };
}

/** C#: `[global] using [static] A.B;` and `using X = A.B;`, not `using (...)` or `using var x = ...`. */
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

/** Rust: `[pub] use a::b::{c, d};` (multi-line too) and `extern crate a;`; crate-local paths skipped. */
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

  /** Skips `#[...]` attributes and a visibility (`pub`, `pub(crate)`) at `i`. */
  const prelude = (code: string, i: number): number => {
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

/** Elixir: `alias|import|use|require A.B` at any indentation, with `A.{B, C}` groups. */
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
        const k = IMPORT_WORDS.elixir.find((w) => wordAt(code, s, w));
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

/** Whether a PHP file declares a namespace (then a bare `use Foo;` at column 0 is an import). */
const PHP_NAMESPACE = /(?:^|[;\s])namespace[ \t]+[A-Za-z_\\]/;

function makeParser(language: Language, emit: Emit, text: string): Parser {
  switch (language) {
    case 'js': return jsParser(emit);
    case 'python': return pythonParser(emit);
    case 'java':
    case 'kotlin': return jvmParser(emit);
    case 'go': return goParser(emit);
    case 'ruby': return rubyParser(emit);
    case 'php': return phpParser(emit, PHP_NAMESPACE.test(text));
    case 'csharp': return csharpParser(emit);
    case 'rust': return rustParser(emit);
    case 'elixir': return elixirParser(emit);
  }
}

/**
 * Per language, the words a line holds when it holds (the start of) an import: a file without them
 * holds none, and lines without them are jumped over while no statement is open.
 */
const IMPORT_WORDS: Record<Language, readonly string[]> = {
  js: ['import', 'require', 'export'],
  python: ['import'],
  java: ['import'],
  kotlin: ['import'],
  go: ['import'],
  ruby: ['require'],
  php: ['use'],
  csharp: ['using'],
  rust: ['use', 'extern'],
  elixir: ['alias', 'import', 'use', 'require'],
};

/** Go imports all come before the first top-level declaration: nothing after it needs reading. */
function goHeaderEnd(text: string): number {
  GO_DECLARATION.lastIndex = Math.max(0, text.indexOf('import'));
  const m = GO_DECLARATION.exec(text);
  return m ? m.index : text.length;
}

/** The first top-level declaration of a Go file, in one search. */
const GO_DECLARATION = /\n(?:func|type |var |const )/g;

// ---------------------------------------------------------------------------
// The pass
// ---------------------------------------------------------------------------

function holdsAny(line: string, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (line.includes(words[k])) return true;
  return false;
}

/** Where any of some strings next occurs in a text, at or after a position that only moves forward. */
class NextOccurrence {
  /** Per string: where it next occurs (-1: nowhere further), or -2 before the first search. */
  private readonly at: number[];
  constructor(
    private readonly text: string,
    private readonly needles: readonly string[],
  ) {
    this.at = needles.map(() => -2);
  }

  /** The least position at or after `pos` holding one of the strings, or -1. */
  from(pos: number): number {
    let best = -1;
    for (let k = 0; k < this.needles.length; k++) {
      let a = this.at[k];
      if (a !== -1 && a < pos) a = this.at[k] = this.text.indexOf(this.needles[k], pos);
      if (a >= 0 && (best < 0 || a < best)) best = a;
    }
    return best;
  }
}

/**
 * The imports of one file. `jumpAhead` false reads every line that may matter one by one: the same
 * facts, slower (kept to test the jumps against).
 */
export function readImports(relPath: string, input: string, jumpAhead = true): ReadResult {
  const language = importLanguage(relPath);
  if (!language) return { facts: [] };
  const text = stripBom(input);
  if (looksBinary(text)) return { facts: [], skipped: 'binary content, imports not read' };
  const words = IMPORT_WORDS[language];
  if (!holdsAny(text, words)) return { facts: [] };

  const facts: ImportFact[] = [];
  const seen = new Set<string>();
  let lines: LineCounter | undefined;
  const emit: Emit = (module, at, typeOnly) => {
    if (facts.length >= MAX_FACTS) return;
    lines ??= new LineCounter(text);
    const line = lines.lineAt(at);
    const key = `${line}\0${module}`;
    if (seen.has(key)) return;
    seen.add(key);
    facts.push(typeOnly ? { type: 'import', language, module, line, typeOnly } : { type: 'import', language, module, line });
  };

  const lex = LEXICONS[language];
  const parser = makeParser(language, emit, text);
  const n = language === 'go' ? goHeaderEnd(text) : text.length;
  let open: string | null = null;
  let pos = 0;
  // Lines between two that matter (most of a file) are jumped over, found with `indexOf` on the text.
  const ahead = new NextOccurrence(text, [...words, ...lex.spanOpeners]);
  while (pos < n && facts.length < MAX_FACTS) {
    if (jumpAhead && open === null && !parser.busy()) {
      const q = ahead.from(pos);
      if (q < 0 || q >= n) break;
      const lineStart = text.lastIndexOf('\n', q - 1) + 1;
      if (lineStart > pos) pos = lineStart;
    }
    let end = text.indexOf('\n', pos);
    if (end < 0 || end > n) end = n;
    let from = 0;
    if (open !== null) {
      const q = findCloser(text, pos, open);
      if (q < 0 || q >= n) break; // the rest of the file is inside the comment or string
      if (q >= end) {
        // Jump to the line holding the closer.
        pos = open === RUBY_END ? q + 1 : text.lastIndexOf('\n', q) + 1;
        continue;
      }
      if (open === RUBY_END) {
        // The `=end` line is part of the comment.
        open = null;
        const e = text.indexOf('\n', q + 1);
        pos = e < 0 ? n : e + 1;
        continue;
      }
      from = q + open.length - pos;
      open = null;
    }
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const at = pos;
    pos = end + 1;
    if (lineEnd - at > MAX_LINE) {
      parser.reset();
      continue;
    }
    const raw = text.slice(at, lineEnd);
    if (from === 0) {
      if (lex.rubyBlock && raw.startsWith('=begin')) {
        open = RUBY_END;
        continue;
      }
      if (!parser.busy() && !(holdsAny(raw, words) && (parser.wants?.(raw) ?? true)) && !mayOpen(raw, lex)) continue;
    }
    const masked = maskLine(raw, from, lex);
    open = masked.open;
    parser.line(masked.code, raw, at);
  }
  return { facts };
}

/** One reader for every language; the scanner turns it off by this name. */
const importsReader: Reader = {
  name: 'imports',
  // The language is told by the base name alone.
  claims: (baseName) => importLanguage(baseName) !== undefined,
  matches: (relPath) => importLanguage(relPath) !== undefined,
  read(relPath, text) {
    try {
      return readImports(relPath, typeof text === 'string' ? text : '');
    } catch (err) {
      return { facts: [], skipped: `imports not read: ${(err as Error)?.message || 'unexpected input'}` };
    }
  },
};

/** Source imports. The reader is named 'imports' so that the scanner can turn the pass off. */
export const IMPORT_READERS: readonly Reader[] = [importsReader];
