/**
 * Small scanning helpers the import parsers use on masked lines (see lexer.ts): words, names,
 * dotted names and string literals, found with plain loops over character codes.
 */
import { MAX_MODULE } from './descriptor';

export function isIdentCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

export function skipSpaces(s: string, i: number, end = s.length): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) break;
    i++;
  }
  return i;
}

/** Whether `word` stands at `i` as a whole word (not part of a longer identifier). */
export function wordAt(s: string, i: number, word: string): boolean {
  return s.startsWith(word, i) && !isIdentCode(s.charCodeAt(i + word.length)) && (i === 0 || !isIdentCode(s.charCodeAt(i - 1)));
}

/** End of a run of characters accepted by `ok`, from `i`. */
export function runEnd(s: string, i: number, ok: (c: number) => boolean): number {
  while (i < s.length && ok(s.charCodeAt(i))) i++;
  return i;
}

export const isDottedCode = (c: number): boolean => isIdentCode(c) || c === 46;

/** `a.b.c` with non-empty parts. */
export function validDotted(name: string): boolean {
  if (!name || name.length > MAX_MODULE || name[0] === '.' || name.endsWith('.') || name.includes('..')) return false;
  return !/^[0-9]/.test(name);
}

/** Text of the string literal whose opening quote is at `i` in the masked line, read from the raw line. */
export function stringAt(code: string, raw: string, i: number): string | undefined {
  const q = code[i];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  const close = code.indexOf(q, i + 1);
  if (close < 0) return undefined;
  return raw.slice(i + 1, close);
}

/** Calls `f(start, end)` for each `;`-separated segment of a masked line. */
export function segments(code: string, f: (start: number, end: number) => void): void {
  let start = 0;
  while (start <= code.length) {
    let end = code.indexOf(';', start);
    if (end < 0) end = code.length;
    f(start, end);
    start = end + 1;
  }
}

export function isBlank(s: string): boolean {
  return skipSpaces(s, 0) === s.length;
}

/** The clauses of an import statement's body (PHP's `use`, Scala's `import`): split on commas outside a `{...}` group. */
export function clausesOf(b: string): string[] {
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
  return clauses;
}
