import { MAX_CODE_LINE } from '../limits';
import type { ImportFact, Language, Reader, ReadResult } from '../types';
import { languageOf, sourceLanguage, type Emit, type LanguageDescriptor, type Parser } from '../languages';
import { findCloser, holdsAny, maskLine, mayOpen, RUBY_END } from '../languages/lexer';
import { LineCounter, looksBinary, stripBom } from './text';

/**
 * Source imports, in one light pass per file. What a language's comments, strings and import
 * statements look like is told by its descriptor (src/core/languages); this module is the pass.
 *
 * The pass walks the text line by line. Lines that cannot hold an import and cannot open a block comment
 * or a multi-line string are skipped after a couple of `includes` tests. The other lines are masked
 * (see languages/lexer.ts) and handed to the language's parser. Block comments and multi-line strings
 * that run past the end of a line are jumped over with `indexOf`, and so are the lines between two that
 * may matter. Lines longer than MAX_CODE_LINE characters are not read: minified code proves nothing.
 */

/** Longer lines are skipped (minified or generated code). */
/** Facts kept per file, as a bound on memory for generated files. */
const MAX_FACTS = 5000;

/** The language whose imports a path holds, if it is a source file this reader understands. */
export function importLanguage(relPath: string): Language | undefined {
  return sourceLanguage(relPath)?.id;
}

/** Where any of some strings next occurs in a text, at or after a position that only moves forward. */
class NextOccurrence {
  /** Per string: where it next occurs (-1: nowhere further), or -2 before the first search. */
  private readonly at: number[];
  constructor(
    private readonly text: string,
    private readonly needles: readonly string[],
  ) {
    this.at = needles.map(() => -2);
  }

  /** The least position at or after `pos` holding one of the strings, or -1. */
  from(pos: number): number {
    let best = -1;
    for (let k = 0; k < this.needles.length; k++) {
      let a = this.at[k];
      if (a !== -1 && a < pos) a = this.at[k] = this.text.indexOf(this.needles[k], pos);
      if (a >= 0 && (best < 0 || a < best)) best = a;
    }
    return best;
  }
}

/**
 * The imports of one file. `jumpAhead` false reads every line that may matter one by one, and takes
 * no language's faster way (`headerImports`): the same facts, slower (kept to test those against).
 */
export function readImports(relPath: string, input: string, jumpAhead = true): ReadResult {
  return importsOf(relPath, input, jumpAhead ? 'jump' : 'lines') ?? { facts: [] };
}

/**
 * The imports of a file whose language's faster way (`headerImports`) reads its whole header in
 * `input`, which may be only the file's beginning; undefined when it does not (then the header may
 * run on past `input`).
 */
export function wholeHeaderImports(relPath: string, input: string): ReadResult | undefined {
  return importsOf(relPath, input, 'header');
}

function importsOf(relPath: string, input: string, how: 'jump' | 'lines' | 'header'): ReadResult | undefined {
  const lang = sourceLanguage(relPath);
  if (!lang || (how === 'header' && !lang.headerImports)) return undefined;
  const text = stripBom(input);
  if (looksBinary(text)) return { facts: [], skipped: 'binary content, imports not read' };
  if (!holdsAny(text, lang.importWords)) return how === 'header' ? undefined : { facts: [] };

  const language = lang.id;
  const facts: ImportFact[] = [];
  const seen = new Set<string>();
  let lines: LineCounter | undefined;
  // A language's faster way gives each line one statement at most: nothing to find twice.
  let unique = false;
  const emit: Emit = (module, at, typeOnly) => {
    if (facts.length >= MAX_FACTS) return;
    lines ??= new LineCounter(text);
    const line = lines.lineAt(at);
    if (!unique) {
      const key = `${line}\0${module}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    facts.push(typeOnly ? { type: 'import', language, module, line, typeOnly } : { type: 'import', language, module, line });
  };
  if (how !== 'lines' && lang.headerImports) {
    unique = true;
    if (lang.headerImports(text, emit)) return { facts };
    if (how === 'header') return undefined;
    unique = false;
  }
  // Past where the imports end, nothing is read: not even by the searches that jump between lines.
  const end = lang.importsEnd ? lang.importsEnd(text) : text.length;
  pass(end < text.length ? text.slice(0, end) : text, lang, lang.parser(emit, text), facts, how === 'jump');
  return { facts };
}

/** Hands the lines of `text` that may matter to `parser`, masked, until MAX_FACTS `facts` are found. */
function pass(text: string, lang: LanguageDescriptor, parser: Parser, facts: readonly ImportFact[], jumpAhead: boolean): void {
  const lex = lang.lexicon;
  const words = lang.importWords;
  const n = text.length;
  let open: string | null = null;
  let pos = 0;
  // Lines between two that matter (most of a file) are jumped over, found with `indexOf` on the text.
  const ahead = new NextOccurrence(text, [...words, ...lex.spanOpeners]);
  while (pos < n && facts.length < MAX_FACTS) {
    if (jumpAhead && open === null && !parser.busy()) {
      const q = ahead.from(pos);
      if (q < 0 || q >= n) break;
      const lineStart = text.lastIndexOf('\n', q - 1) + 1;
      if (lineStart > pos) pos = lineStart;
    }
    let end = text.indexOf('\n', pos);
    if (end < 0 || end > n) end = n;
    let from = 0;
    if (open !== null) {
      const q = findCloser(text, pos, open);
      if (q < 0 || q >= n) break; // the rest of the file is inside the comment or string
      if (q >= end) {
        // Jump to the line holding the closer.
        pos = open === RUBY_END ? q + 1 : text.lastIndexOf('\n', q) + 1;
        continue;
      }
      if (open === RUBY_END) {
        // The `=end` line is part of the comment.
        open = null;
        const e = text.indexOf('\n', q + 1);
        pos = e < 0 ? n : e + 1;
        continue;
      }
      from = q + open.length - pos;
      open = null;
    }
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const at = pos;
    pos = end + 1;
    if (lineEnd - at > MAX_CODE_LINE) {
      parser.reset();
      continue;
    }
    const raw = text.slice(at, lineEnd);
    if (from === 0) {
      if (lex.rubyBlock && raw.startsWith('=begin')) {
        open = RUBY_END;
        continue;
      }
      if (!parser.busy() && !(holdsAny(raw, words) && (parser.wants?.(raw) ?? true)) && !mayOpen(raw, lex)) continue;
    }
    const masked = maskLine(raw, from, lex);
    open = masked.open;
    parser.line(masked.code, raw, at);
  }
}

/** One reader for every language; the scanner turns it off by this name. */
const importsReader: Reader = {
  name: 'imports',
  // The language is told by the base name alone.
  claims: (baseName) => languageOf(baseName) !== undefined,
  matches: (relPath) => sourceLanguage(relPath) !== undefined,
  read(relPath, text) {
    try {
      return readImports(relPath, typeof text === 'string' ? text : '');
    } catch (err) {
      return { facts: [], skipped: `imports not read: ${(err as Error)?.message || 'unexpected input'}` };
    }
  },
};

/** Source imports. The reader is named 'imports' so that the scanner can turn the pass off. */
export const IMPORT_READERS: readonly Reader[] = [importsReader];
