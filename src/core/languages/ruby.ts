/** Ruby: `require 'x'` / `require("x")`; `require_relative` and relative paths are local. */
import { MAX_MODULE, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { lexicon } from './lexer';
import { segments, skipSpaces, stringAt, wordAt } from './scan';

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

export const ruby: LanguageDescriptor<'ruby'> = {
  id: 'ruby',
  extensions: ['rb'],
  lexicon: lexicon({ lineComments: ['#'], multi: [], quotes: `'"`, rubyBlock: true }),
  importWords: ['require'],
  parser: rubyParser,
  testFile: /^(?:.+_(?:test|spec)|(?:test|spec)[-_]?[Hh]elpers?)\.rb$/,
};
