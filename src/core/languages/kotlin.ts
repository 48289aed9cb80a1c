/** Kotlin: imports read as Java's are (java.ts), `import a.b.C as D` included. */
import type { LanguageDescriptor } from './descriptor';
import { jvmHeaderImports, jvmParser, orLength } from './java';
import { jvmHeaderEnd } from './jvmHeader';
import { C_LIKE, lexicon } from './lexer';

export const kotlin: LanguageDescriptor<'kotlin'> = {
  id: 'kotlin',
  extensions: ['kt', 'kts'],
  lexicon: lexicon({ ...C_LIKE, multi: ['"""'], quotes: `'"` }),
  importWords: ['import'],
  parser: jvmParser,
  headerEnd: (text) => jvmHeaderEnd(text, true),
  importsEnd: (text) => orLength(jvmHeaderEnd(text, true), text),
  headerImports: (text, emit) => jvmHeaderImports(text, true, emit),
};
