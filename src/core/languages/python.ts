/** Python: `import a.b, c as d` and `from a.b import c` (relative imports skipped). */
import type { Emit, LanguageDescriptor, Parser } from './descriptor';
import { lexicon } from './lexer';
import { isDottedCode, runEnd, segments, skipSpaces, validDotted, wordAt } from './scan';

function pythonParser(emit: Emit): Parser {
  return {
    busy: () => false,
    reset: () => undefined,
    line(code, _raw, at) {
      segments(code, (start, end) => {
        const s = skipSpaces(code, start, end);
        if (wordAt(code, s, 'import')) {
          for (const part of code.slice(s + 6, end).split(',')) {
            const p = skipSpaces(part, 0);
            const name = part.slice(p, runEnd(part, p, isDottedCode));
            if (validDotted(name)) emit(name, at);
          }
        } else if (wordAt(code, s, 'from')) {
          const p = skipSpaces(code, s + 4, end);
          const e = runEnd(code, p, isDottedCode);
          const name = code.slice(p, e);
          const imp = skipSpaces(code, e, end);
          if (!validDotted(name) || !wordAt(code, imp, 'import')) return;
          emit(name, at);
          // `from google.cloud import pubsub_v1` also names `google.cloud.pubsub_v1`, so a rule can tell
          // the submodules of a namespace package apart. Names on later lines of a `(` list are not needed.
          for (const part of code
            .slice(imp + 6, end)
            .replace(/[()\\]/g, ' ')
            .split(',')) {
            const q = skipSpaces(part, 0);
            const sub = part.slice(q, runEnd(part, q, isDottedCode));
            if (sub && sub !== '*' && validDotted(sub) && !sub.includes('.')) emit(`${name}.${sub}`, at);
          }
        }
      });
    },
  };
}

export const python: LanguageDescriptor<'python'> = {
  id: 'python',
  extensions: ['py'],
  lexicon: lexicon({ lineComments: ['#'], multi: ['"""', "'''"], quotes: `'"` }),
  importWords: ['import'],
  parser: pythonParser,
  testFile: /^(?:.+_test|test_.+|(?:test|spec)[-_]?[Hh]elpers?)\.py$/,
};
