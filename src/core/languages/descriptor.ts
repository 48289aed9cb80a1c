/**
 * What the project knows of a source language, in one place: its id, file extensions, comments and
 * strings, the words its imports start with, and its import parser. The registry (index.ts) lists
 * them; the imports reader, the scanner, comment markers and the editor's hover derive from it.
 */
import type { Language } from '../types';
import type { Lexicon } from './lexer';

/** A statement spread over more lines than this is dropped. */
export const MAX_STATEMENT_LINES = 200;
/** Module names longer than this are not module names. */
export const MAX_MODULE = 300;

/** `typeOnly`: a TypeScript `import type` (erased at build time). */
export type Emit = (module: string, at: number, typeOnly?: boolean) => void;

/** Reads the imports of one file, line by line; made afresh for each file (it may hold an open statement). */
export interface Parser {
  /** Whether a statement spread over lines is open: then every line is read. */
  busy(): boolean;
  /** A finer test on a line that holds one of the language's import words (default: it may hold an import). */
  wants?(line: string): boolean;
  /** One masked line; `at` is the offset of the line in the text. */
  line(code: string, raw: string, at: number): void;
  /** Drops any statement spread over lines (called on a skipped long line). */
  reset(): void;
}

/** One source language whose imports are read. */
export interface LanguageDescriptor<L extends Language = Language> {
  /** The id rules name in `import.languages`. */
  id: L;
  /** File extensions, lower case, without the dot. */
  extensions: readonly string[];
  /** Comments and strings, for the masker and for comment markers. */
  lexicon: Lexicon;
  /**
   * The words a line holds when it holds (the start of) an import: a file without them holds none,
   * and lines without them are jumped over while no statement is open.
   */
  importWords: readonly string[];
  /** A parser for one file (`text` is the whole file, for a file-wide test). */
  parser(emit: Emit, text: string): Parser;
  /** Where the imports of a file end at the latest (default: the end of the text). */
  importsEnd?(text: string): number;
  /**
   * A faster way to the same imports for most files: emits what `parser` would find up to
   * `importsEnd` and says true, or emits nothing and says false (then the line pass reads the file).
   * What it emits is on a line of its own (no line holds two statements).
   */
  headerImports?(text: string, emit: Emit): boolean;
  /**
   * Where a file's header (all that may hold its imports) ends, in a text that may be only the
   * file's beginning: the offset of its first declaration, or -1 when the text ends before one is
   * sure to start there. A file read that far gives every import the whole file gives, so a file
   * whose imports concern no content rule is read only so far (see fileEvidence.ts).
   */
  headerEnd?(text: string): number;
  /** Whether a file of this language holds no imports worth reading, by its lower-case base name without the extension. */
  ignoresStem?(stem: string): boolean;
  /**
   * Base names of its test files, as its test runners find them, and of the helpers they share
   * (`x.test.ts`, `x_test.go`, `OrderTests.swift`): what they import or start proves only Testing.
   * Only names holding `test`, `Test`, `spec` or `Spec` are tested against it.
   */
  testFile?: RegExp;
  /**
   * Folders whose files of this language are tests by its build tool's convention, whatever their
   * names (Cargo builds `benches/*.rs` as benchmarks); `test/` and `tests/` are test folders in every
   * language (paths.ts).
   */
  testFolders?: readonly string[];
}
