/** PHP: top-level (column 0) `use` statements, including groups and `use function` / `use const`. */
import { MAX_MODULE, MAX_STATEMENT_LINES, type Emit, type LanguageDescriptor, type Parser } from './descriptor';
import { lexicon } from './lexer';
import { clausesOf, isIdentCode, runEnd, wordAt } from './scan';

const isNameCode = (c: number): boolean => isIdentCode(c) || c === 92; /* \ */

/** The clause without a leading `function` or `const`. */
function dropKind(s: string): string {
  const t = s.trim();
  for (const k of ['function ', 'const ']) if (t.startsWith(k)) return t.slice(k.length).trim();
  return t;
}

/** The qualified name a clause starts with, without a leading `\`. */
function nameOf(s: string): string {
  const t = dropKind(s);
  let name = t.slice(0, runEnd(t, 0, isNameCode));
  while (name.startsWith('\\')) name = name.slice(1);
  return name;
}

/** Whether a PHP file declares a namespace (then a bare `use Foo;` at column 0 is an import). */
const PHP_NAMESPACE = /(?:^|[;\s])namespace[ \t]+[A-Za-z_\\]/;

function phpParser(emit: Emit, text: string): Parser {
  const namespaced = PHP_NAMESPACE.test(text);
  let pendingAt = -1;
  let pendingLines = 0;
  let buffer = '';

  const emitName = (name: string, at: number): void => {
    if (!name || name.length > MAX_MODULE || name.endsWith('\\') || name.includes('\\\\')) return;
    if (name.includes('\\') || namespaced) emit(name, at);
  };

  const statement = (body: string, at: number): void => {
    for (const clause of clausesOf(dropKind(body))) {
      const open = clause.indexOf('{');
      if (open < 0) {
        emitName(nameOf(clause), at);
        continue;
      }
      const prefix = nameOf(clause.slice(0, open));
      if (!prefix.endsWith('\\')) continue;
      const close = clause.indexOf('}', open);
      const inner = clause.slice(open + 1, close < 0 ? clause.length : close);
      for (const item of inner.split(',')) {
        const rest = nameOf(item);
        if (rest) emitName(prefix + rest, at);
      }
    }
  };

  return {
    busy: () => pendingAt >= 0,
    wants: (l) => l.startsWith('use'),
    reset: () => {
      pendingAt = -1;
    },
    line(code, _raw, at) {
      if (pendingAt >= 0) {
        const semi = code.indexOf(';');
        buffer += ' ' + (semi < 0 ? code : code.slice(0, semi));
        if (semi >= 0) {
          statement(buffer, pendingAt);
          pendingAt = -1;
        } else if (++pendingLines > MAX_STATEMENT_LINES) pendingAt = -1;
        return;
      }
      if (!wordAt(code, 0, 'use')) return;
      const semi = code.indexOf(';');
      if (semi >= 0) return statement(code.slice(3, semi), at);
      pendingAt = at;
      pendingLines = 0;
      buffer = code.slice(3);
    },
  };
}

export const php: LanguageDescriptor<'php'> = {
  id: 'php',
  extensions: ['php'],
  lexicon: lexicon({ lineComments: ['//', '#'], block: ['/*', '*/'], multi: [], quotes: `'"`, hashAttribute: true }),
  importWords: ['use'],
  parser: phpParser,
};
