/**
 * Where the header of a Java or Kotlin file ends: the part before the first declaration, which is all
 * that may hold imports. Java's grammar puts annotations, the package declaration and the imports
 * before any type (or module) declaration; Kotlin's puts a shebang line, file annotations, the
 * package header and the imports before any top-level declaration or script statement. So a reader
 * of imports can stop there, and a file whose imports matter to no content rule need not be read
 * any further.
 *
 * The walk reads tokens from the start: blank space, comments (Kotlin's block comments nest),
 * `;`, annotations with their arguments (strings, text blocks, characters and nested brackets
 * skipped), and `package` and `import` statements (to their `;`, and in Kotlin to the end of the
 * line too). The first other token is the first declaration.
 */
import { isIdentCode } from './scan';

const SLASH = 47;
const STAR = 42;
const AT = 64;
const SEMI = 59;
const NL = 10;
const QUOTE = 34;
const APOS = 39;
const BACKSLASH = 92;

/**
 * The offset of the first declaration of a Java (or, with `kotlin`, Kotlin) source text, or -1 when
 * the text ends before a declaration is sure to start there (it is all header, or cut short in it:
 * the text may be only the beginning of a file). A token cut by the end of the text never counts.
 * `importStarts`, when given, receives the offset of each `import` statement the walk met.
 */
export function jvmHeaderEnd(text: string, kotlin: boolean, importStarts?: number[]): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (kotlin && text.startsWith('#!', i)) i = lineAfter(text, i);
  for (;;) {
    i = skipTrivia(text, i, kotlin);
    if (i < 0 || i >= n) return -1;
    const c = text.charCodeAt(i);
    if (c === SEMI) {
      i++;
    } else if (c === AT) {
      if (!kotlin && wordAt(text, skipBlanks(text, i + 1), 'interface')) return i;
      i = annotationEnd(text, i + 1, kotlin);
    } else if (wordAt(text, i, 'package') || wordAt(text, i, 'import')) {
      if (importStarts && c === 105 /* i */) importStarts.push(i);
      i = statementEnd(text, i, kotlin);
    } else {
      // A declaration starts here, unless the text was cut inside this word (or after a slash that may open a comment).
      let e = i;
      while (e < n && isIdentCode(text.charCodeAt(e))) e++;
      return e < n && !(c === SLASH && i + 1 === n) ? i : -1;
    }
    if (i < 0) return -1;
  }
}

/** Whether `word` stands whole at `i`, with a character after it (a word the text cuts is not known yet). */
function wordAt(s: string, i: number, word: string): boolean {
  return s.startsWith(word, i) && i + word.length < s.length && !isIdentCode(s.charCodeAt(i + word.length));
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === NL || c === 13 || c === 12 || c === 11;
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** The offset after the end of the line holding `i` (the text's length on its last line). */
function lineAfter(s: string, i: number): number {
  const nl = s.indexOf('\n', i);
  return nl < 0 ? s.length : nl + 1;
}

/** The offset after a block comment opened at `i`; -1 when the text ends first. Kotlin's nest. */
function blockCommentEnd(s: string, i: number, nested: boolean): number {
  if (!nested) {
    const close = s.indexOf('*/', i + 2);
    return close < 0 ? -1 : close + 2;
  }
  let depth = 0;
  for (let k = i; k < s.length - 1; k++) {
    const c = s.charCodeAt(k);
    if (c === SLASH && s.charCodeAt(k + 1) === STAR) {
      depth++;
      k++;
    } else if (c === STAR && s.charCodeAt(k + 1) === SLASH) {
      k++;
      if (--depth === 0) return k + 1;
    }
  }
  return -1;
}

/** Blank space and comments from `i`; -1 when a comment runs to the end of the text. */
function skipTrivia(s: string, i: number, kotlin: boolean): number {
  for (;;) {
    i = skipBlanks(s, i);
    if (s.charCodeAt(i) !== SLASH) return i;
    const next = s.charCodeAt(i + 1);
    if (next === SLASH) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl + 1;
    } else if (next === STAR) {
      i = blockCommentEnd(s, i, kotlin);
      if (i < 0) return -1;
    } else return i;
  }
}

/** The offset after a string, text block or character literal opened at `i`; -1 when the text ends first. */
function literalEnd(s: string, i: number): number {
  if (s.startsWith('"""', i)) {
    const close = s.indexOf('"""', i + 3);
    if (close < 0) return -1;
    let e = close + 3;
    while (s.charCodeAt(e) === QUOTE) e++; // a text block may end with quotes of its own
    return e;
  }
  const quote = s.charCodeAt(i);
  for (let k = i + 1; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === quote) return k + 1;
    else if (c === NL) return -1; // not a literal of these languages: stop rather than guess
  }
  return -1;
}

/** The offset after the bracket that closes the one at `i` (`(` or `[`); -1 when the text ends first. */
function bracketsEnd(s: string, i: number, kotlin: boolean): number {
  let depth = 0;
  for (let k = i; k < s.length;) {
    const c = s.charCodeAt(k);
    if (c === QUOTE || c === APOS) {
      k = literalEnd(s, k);
      if (k < 0) return -1;
      continue;
    }
    if (c === SLASH && (s.charCodeAt(k + 1) === SLASH || s.charCodeAt(k + 1) === STAR)) {
      k = skipTrivia(s, k, kotlin);
      if (k < 0) return -1;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && --depth === 0) return k + 1;
    k++;
  }
  return -1;
}

/**
 * The offset after an annotation whose name starts at `i` (after the `@`): a dotted name (Kotlin: with
 * a use-site target, `file:`), then its arguments if any; Kotlin's `@[A B]` as a whole. -1 when the
 * text ends before the annotation is known to have ended.
 */
function annotationEnd(s: string, i: number, kotlin: boolean): number {
  if (kotlin && s.charCodeAt(i) === 91) return bracketsEnd(s, i, kotlin);
  i = skipBlanks(s, i);
  for (;;) {
    const start = i;
    while (i < s.length && isIdentCode(s.charCodeAt(i))) i++;
    if (i === start || i >= s.length) return -1;
    const c = s.charCodeAt(i);
    if (c === 46 /* . */ || (kotlin && c === 58) /* : */) i++;
    else break;
  }
  const after = skipTrivia(s, i, kotlin);
  if (after < 0 || after >= s.length) return -1;
  return s.charCodeAt(after) === 40 ? bracketsEnd(s, after, kotlin) : i;
}

/** The offset after a `package` or `import` statement at `i`: its `;`, or in Kotlin the end of its line. -1 when the text ends first. */
function statementEnd(s: string, i: number, kotlin: boolean): number {
  for (let k = i; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === SEMI || (kotlin && c === NL)) return k + 1;
    if (c === SLASH && s.charCodeAt(k + 1) === STAR) {
      k = blockCommentEnd(s, k, kotlin);
      if (k < 0) return -1;
      k--;
    } else if (c === SLASH && s.charCodeAt(k + 1) === SLASH) {
      const nl = s.indexOf('\n', k);
      if (nl < 0) return -1;
      if (kotlin) return nl + 1;
      k = nl;
    }
  }
  return -1;
}
