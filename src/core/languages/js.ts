/** JavaScript and TypeScript: import/export-from statements, require() and import() calls. */
import { MAX_MODULE, MAX_STATEMENT_LINES, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isBlank, isIdentCode, segments, skipSpaces, stringAt, wordAt } from './scan';

/** Emits `m` if it names a package: not a path, an alias, or a string with spaces or interpolation. */
function emitPackage(emit: Emit, m: string | undefined, at: number, typeOnly = false): void {
  if (m === undefined || !m || m.length > MAX_MODULE || /\s/.test(m) || m.includes('${')) return;
  const c = m[0];
  // Relative paths, subpath imports (#x) and project path aliases (@/x, ~/x) are local code.
  if (c === '.' || c === '/' || c === '#' || c === '~' || m.startsWith('@/')) return;
  emit(m, at, typeOnly);
}

/** Module of a `from '...'` clause between `from` and `to`, if any. */
function fromClause(code: string, raw: string, from: number, to: number): string | undefined {
  for (let i = code.indexOf('from', from); i >= 0 && i < to; i = code.indexOf('from', i + 4)) {
    if (!wordAt(code, i, 'from')) continue;
    const j = skipSpaces(code, i + 4, to);
    if (code[j] === "'" || code[j] === '"') return stringAt(code, raw, j) ?? '';
  }
  return undefined;
}

/**
 * `import type ...` / `export type ... from` (TypeScript): types only, erased from the program: the
 * module need not run (weak evidence), though its types may still say what the code is, as
 * `aws-lambda`'s handler types do. (`import type from 'm'` binds a default import named `type`.)
 */
function typeOnlyAt(code: string, j: number, end: number): boolean {
  if (!wordAt(code, j, 'type')) return false;
  const k = skipSpaces(code, j + 4, end);
  const c = code[k];
  return c === '{' || c === '*' || (c !== undefined && isIdentCode(code.charCodeAt(k)) && !wordAt(code, k, 'from'));
}

/** `require('m')` and `import('m')` calls (`word` is the callee) in a masked line. */
function calls(emit: Emit, code: string, raw: string, at: number, word: string): void {
  for (let i = code.indexOf(word); i >= 0; i = code.indexOf(word, i + word.length)) {
    if (!wordAt(code, i, word) || code[i - 1] === '.') continue;
    let j = skipSpaces(code, i + word.length);
    if (code[j] !== '(') continue;
    j = skipSpaces(code, j + 1);
    const m = stringAt(code, raw, j);
    if (m === undefined) continue;
    const after = skipSpaces(code, j + m.length + 2);
    if (code[after] === ')' || code[after] === ',') emitPackage(emit, m, at);
  }
}

function jsParser(emit: Emit): Parser {
  let pendingAt = -1;
  let pendingTypeOnly = false;
  let pendingLines = 0;
  let closed = false;

  const startPending = (code: string, from: number, at: number, typeOnly: boolean): void => {
    pendingAt = at;
    pendingTypeOnly = typeOnly;
    pendingLines = 0;
    closed = code.indexOf('}', from) >= 0;
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
        if (c === "'" || c === '"') return emitPackage(emit, stringAt(code, raw, j), at);
        // Anything but a binding list or a name (import(), import.meta, an `import:` key) is no statement.
        if (c !== undefined && c !== '{' && c !== '*' && !isIdentCode(code.charCodeAt(j))) return;
      } else {
        const k = typeOnly ? skipSpaces(code, j + 4, end) : j;
        if (code[k] !== '{' && code[k] !== '*') return;
      }
      const m = fromClause(code, raw, j, end);
      if (m !== undefined) return emitPackage(emit, m, at, typeOnly);
      const rest = code.slice(j, end);
      // `import x = require('m')` (TypeScript) is read as a call; other open statements continue below.
      if (end === code.length && !rest.includes('require') && !rest.includes('=')) startPending(code, j, at, typeOnly);
    });
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
          if (m !== undefined) emitPackage(emit, m, pendingAt, pendingTypeOnly);
          if (m !== undefined || code.includes(';') || ++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
          else if (code.includes('}')) closed = true;
          return;
        }
      }
      statements(code, raw, at);
      if (code.includes('require')) calls(emit, code, raw, at, 'require');
      if (code.includes('import')) calls(emit, code, raw, at, 'import');
    },
  };
}

export const javascript: LanguageDescriptor<'js'> = {
  id: 'js',
  extensions: ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'],
  lexicon: lexicon({ ...C_LIKE, multi: ['`'], quotes: `'"` }),
  importWords: ['import', 'require', 'export'],
  parser: jsParser,
  // Type declarations import nothing at run time; minified bundles prove nothing.
  ignoresStem: (stem) => stem.endsWith('.d') || stem.endsWith('.min') || stem.endsWith('-min'),
  testFile: /^(?:.+\.(?:test|spec)|(?:test|spec)[-_]?[Hh]elpers?)\.[cm]?[jt]sx?$/,
};
