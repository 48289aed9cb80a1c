/**
 * Scala: `import a.b.C`, `import a.b._` and Scala 3's `import a.b.*` (the package, `a.b`), selectors
 * `import a.b.{C, D => E, given, _}` (each name under its prefix; a hidden one, `D => _`, is left
 * out), renames `import a.b.C as D`, several clauses after one `import` (`import a.B, c.D`), and a
 * selector list spread over lines. `_root_.` is dropped. Imports stand anywhere in a file, not only
 * at its top, so every line that holds the word is read.
 */
import { MAX_MODULE, MAX_STATEMENT_LINES, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { clausesOf, isIdentCode, skipSpaces, wordAt } from './scan';

/** A dotted path's characters: letters, digits, `_`, `$` and dots. */
function pathEnd(s: string, i: number): number {
  while (i < s.length && (isIdentCode(s.charCodeAt(i)) || s.charCodeAt(i) === 46)) i++;
  return i;
}

/** The paths one import clause names (`a.b.C`, `a.b._`, `a.b.{C, D => E}`); `out` receives them. */
function clausePaths(clause: string, out: string[]): void {
  const s = clause.trim();
  const brace = s.indexOf('{');
  const head = (brace < 0 ? s : s.slice(0, brace)).trim();
  const rename = /\s+as\s+/.exec(head);
  const path = (rename ? head.slice(0, rename.index) : head).replace(/^_root_\./, '');
  if (brace < 0) {
    const named = path.endsWith('._') || path.endsWith('.*') ? path.slice(0, -2) : path;
    if (named && pathEnd(named, 0) === named.length) out.push(named);
    return;
  }
  const close = s.indexOf('}', brace);
  if (close < 0 || !path.endsWith('.')) return;
  const prefix = path.slice(0, -1);
  if (!prefix || pathEnd(prefix, 0) !== prefix.length) return;
  for (const raw of s.slice(brace + 1, close).split(',')) {
    const selector = raw.trim();
    if (!selector) continue;
    const [name, alias] = selector.split(/\s*(?:=>|\bas\b)\s*/);
    if (alias === '_') continue; // hidden
    if (name === '_' || name === '*' || name === 'given' || name.startsWith('given ')) out.push(prefix);
    else if (pathEnd(name, 0) === name.length) out.push(`${prefix}.${name}`);
  }
}

function scalaParser(emit: Emit): Parser {
  let pendingAt = -1;
  let pendingLines = 0;
  let buffer = '';

  const statement = (text: string, at: number): void => {
    const paths: string[] = [];
    for (const clause of clausesOf(text)) clausePaths(clause, paths);
    for (const p of new Set(paths)) if (p.length <= MAX_MODULE && !p.startsWith('.') && !p.includes('..')) emit(p, at);
  };

  return {
    busy: () => pendingAt >= 0,
    reset: () => {
      pendingAt = -1;
    },
    line(code, _raw, at) {
      if (pendingAt >= 0) {
        const close = code.indexOf('}');
        buffer += ' ' + (close < 0 ? code : code.slice(0, close + 1));
        if (close >= 0) {
          statement(buffer, pendingAt);
          pendingAt = -1;
        } else if (++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
        return;
      }
      // `;` separates statements on one line; the first word of each may be `import`.
      for (const part of code.split(';')) {
        const s = skipSpaces(part, 0);
        if (!wordAt(part, s, 'import')) continue;
        const body = part.slice(s + 6);
        if (body.includes('{') && !body.includes('}')) {
          pendingAt = at;
          pendingLines = 0;
          buffer = body;
          return;
        }
        statement(body, at);
      }
    },
  };
}

export const scala: LanguageDescriptor<'scala'> = {
  id: 'scala',
  extensions: ['scala'],
  lexicon: lexicon({ ...C_LIKE, multi: ['"""'], quotes: '"' }),
  importWords: ['import'],
  parser: scalaParser,
  // ScalaTest, specs2 and MUnit suites, named for what they test.
  // sbt's Play layout keeps tests in `test/` beside `app/`: a test folder in any language (paths.ts).
  testFile: /^.+(?:Spec|Test|Tests)\.scala$/,
};
