/**
 * The lexer: finds the comments and string literals of a line of source code and masks them.
 *
 * Each language describes its comments and strings with a Lexicon. A masked line has comments turned
 * into spaces and the contents of string literals turned into spaces, so a keyword found in it is real
 * code, while the text of a module string is read back from the raw line at the same positions. Block
 * comments and multi-line strings that run past the end of a line are reported as `open`, with the
 * closer the pass then jumps to with `indexOf` (findCloser).
 */

/** The lexical shape of a language: enough to find its comments and strings. */
export interface Lexicon {
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

/** A lexicon with the search tables the masker needs, built once per language. */
export function lexicon(l: Omit<Lexicon, 'opener' | 'spanOpeners'>): Lexicon {
  const openers = [...l.lineComments, ...(l.block ? [l.block[0]] : []), ...l.multi, ...l.quotes.split('')];
  const firsts = [...new Set(openers.map((o) => o[0]))].map((c) => '\\' + c).join('');
  const spanOpeners = [...(l.block ? [l.block[0]] : []), ...l.multi, ...(l.rubyBlock ? ['=begin'] : [])];
  return { ...l, opener: new RegExp(`[${firsts}]`, 'g'), spanOpeners };
}

/** Comments of the C family: `//` to the end of the line, and blocks between `/*` and its closer. */
export const C_LIKE = { lineComments: ['//'], block: ['/*', '*/'] as const };

/** Closer of a Ruby `=begin` block, searched from the newline before the line. */
export const RUBY_END = '\n=end';

/** Whether a line may open a block comment or a multi-line string (cheap, may say yes wrongly). */
export function mayOpen(line: string, lex: Lexicon): boolean {
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

export interface Masked {
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
export function maskLine(line: string, from: number, lex: Lexicon): Masked {
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
export function findCloser(text: string, pos: number, closer: string): number {
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

/** Whether a line holds any of some words (a plain loop: this runs for most lines of a file). */
export function holdsAny(line: string, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (line.includes(words[k])) return true;
  return false;
}

/**
 * The prefixes that mark a whole line as a comment, for rules that test lines of a file: the line
 * comments, and a block comment's opener and the `*` that continues it. A `#` that may open an
 * attribute (PHP's `#[Route]`) is left out: a prefix cannot tell the two apart, and an attribute is code.
 */
export function commentPrefixes(lex: Lexicon): string[] {
  const out = lex.lineComments.filter((c) => !(lex.hashAttribute && c === '#'));
  if (lex.block) out.push(lex.block[0], '*');
  return out;
}
