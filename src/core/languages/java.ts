/** Java and Kotlin: `import [static] a.b.C[.*][;]`, Kotlin `import a.b.C as D`; no import after the header (jvmHeader.ts). */
import type { Emit, LanguageDescriptor, Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isDottedCode, isIdentCode, runEnd, segments, skipSpaces, validDotted, wordAt } from './scan';
import { jvmHeaderEnd } from './jvmHeader';
import { MAX_CODE_LINE } from '../limits';

/** Also Kotlin's (kotlin.ts). */
export function jvmParser(emit: Emit): Parser {
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, _raw, at) {
      segments(code, (start, end) => jvmImport(code, skipSpaces(code, start, end), end, at, emit));
    },
  };
}

const isNameCode = (c: number): boolean => isDottedCode(c) || c === 42; /* * */

/** The import statement at `s` in a masked line, if one is there, up to `end` (its `;` or the line's end). */
function jvmImport(code: string, s: number, end: number, at: number, emit: Emit): void {
  if (!wordAt(code, s, 'import')) return;
  let p = skipSpaces(code, s + 6, end);
  if (p === s + 6) return;
  if (wordAt(code, p, 'static')) p = skipSpaces(code, p + 6, end);
  let name = code.slice(p, runEnd(code, p, isNameCode));
  if (name.endsWith('.*')) name = name.slice(0, -2);
  if (validDotted(name) && !name.includes('*')) emit(name, at);
}

/**
 * The imports of a Java or Kotlin file from the walk that finds where its header ends, when that
 * gives the very facts the line pass of imports.ts would (else false, and nothing emitted): the walk
 * reached a declaration, every occurrence of the whole word `import` before it starts one of the
 * statements it met (masking a comment or string never makes a whole word of what was not one),
 * and each of those stands first on its line, holds no comment, string or character, and is on a
 * line the pass reads. The pass only finds an import where the word starts a `;`-separated segment of
 * a line, masked; such a statement's segment is the same text masked or not, so the parse is the same.
 */
export function jvmHeaderImports(text: string, kotlin: boolean, emit: Emit): boolean {
  const starts: number[] = [];
  const end = jvmHeaderEnd(text, kotlin, starts);
  if (end < 0) return false;
  const header = text.slice(0, end);
  let seen = 0;
  for (let at = header.indexOf('import'); at >= 0; at = header.indexOf('import', at + 6))
    if (!isIdentCode(header.charCodeAt(at + 6)) && (at === 0 || !isIdentCode(header.charCodeAt(at - 1)))) seen++;
  if (seen !== starts.length) return false;
  const lines: number[] = [];
  for (const s of starts) {
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    let lineEnd = text.indexOf('\n', s);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > MAX_CODE_LINE || skipSpaces(text, lineStart, s) !== s) return false;
    for (let k = s; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 59 /* ; */) break;
      if (c === 47 /* / */ || c === 34 /* " */ || c === 39 /* ' */) return false;
    }
    lines.push(lineStart, lineEnd);
  }
  for (let k = 0; k < starts.length; k++) {
    const lineEnd = lines[2 * k + 1];
    const semi = text.indexOf(';', starts[k]);
    jvmImport(text, starts[k], semi >= 0 && semi < lineEnd ? semi : lineEnd, lines[2 * k], emit);
  }
  return true;
}

export const java: LanguageDescriptor<'java'> = {
  id: 'java',
  extensions: ['java'],
  lexicon: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  importWords: ['import'],
  parser: jvmParser,
  headerEnd: (text) => jvmHeaderEnd(text, false),
  importsEnd: (text) => orLength(jvmHeaderEnd(text, false), text),
  headerImports: (text, emit) => jvmHeaderImports(text, false, emit),
};

/** An offset, or the text's length for -1 (a header that runs to the end). */
export function orLength(offset: number, text: string): number {
  return offset < 0 ? text.length : offset;
}
