/** Java and Kotlin: `import [static] a.b.C[.*][;]`, Kotlin `import a.b.C as D`; no import after the header (jvmHeader.ts). */
import type { Emit, LanguageDescriptor, Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isDottedCode, runEnd, segments, skipSpaces, validDotted, wordAt } from './scan';
import { jvmHeaderEnd } from './jvmHeader';

/** Also Kotlin's (kotlin.ts). */
export function jvmParser(emit: Emit): Parser {
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
        let name = code.slice(
          p,
          runEnd(code, p, (c) => isDottedCode(c) || c === 42 /* * */),
        );
        if (name.endsWith('.*')) name = name.slice(0, -2);
        if (validDotted(name) && !name.includes('*')) emit(name, at);
      });
    },
  };
}

export const java: LanguageDescriptor<'java'> = {
  id: 'java',
  extensions: ['java'],
  lexicon: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  importWords: ['import'],
  parser: jvmParser,
  headerEnd: (text) => jvmHeaderEnd(text, false),
  importsEnd: (text) => orLength(jvmHeaderEnd(text, false), text),
};

/** An offset, or the text's length for -1 (a header that runs to the end). */
export function orLength(offset: number, text: string): number {
  return offset < 0 ? text.length : offset;
}
