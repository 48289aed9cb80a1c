/** Go: `import "x"`, `import alias "x"` and `import ( ... )` blocks, one fact per entry line. */
import { MAX_MODULE, MAX_STATEMENT_LINES, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { C_LIKE, lexicon } from './lexer';
import { isDottedCode, runEnd, skipSpaces, stringAt, wordAt } from './scan';

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

/** The first top-level declaration of a Go file, in one search. */
const GO_DECLARATION = /\n(?:func|type |var |const )/g;

/** Go imports all come before the first top-level declaration: nothing after it needs reading. */
function goHeaderEnd(text: string): number {
  GO_DECLARATION.lastIndex = Math.max(0, text.indexOf('import'));
  const m = GO_DECLARATION.exec(text);
  return m ? m.index : text.length;
}

export const go: LanguageDescriptor<'go'> = {
  id: 'go',
  extensions: ['go'],
  lexicon: lexicon({ ...C_LIKE, multi: ['`'], quotes: `'"` }),
  importWords: ['import'],
  parser: goParser,
  importsEnd: goHeaderEnd,
  testFile: /^.+_test\.go$/,
};
