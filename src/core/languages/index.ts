/**
 * The source languages whose imports are read: one descriptor each (see descriptor.ts), listed here.
 * Adding a language is a new descriptor file, a line here, and its id in the `Language` type and in
 * the schema's `languages` enum.
 */
import type { Language } from '../types';
import { csharp } from './csharp';
import type { LanguageDescriptor } from './descriptor';
import { elixir } from './elixir';
import { go } from './go';
import { java } from './java';
import { javascript } from './js';
import { kotlin } from './kotlin';
import { commentPrefixes } from './lexer';
import { php } from './php';
import { python } from './python';
import { ruby } from './ruby';
import { rust } from './rust';
import { scala } from './scala';
import { swift } from './swift';

export type { Emit, LanguageDescriptor, Parser } from './descriptor';

/** Every language once, under its id (the type checker holds this to the `Language` type). */
const BY_ID: { readonly [L in Language]: LanguageDescriptor<L> } = {
  js: javascript,
  python,
  java,
  kotlin,
  go,
  ruby,
  php,
  csharp,
  rust,
  elixir,
  swift,
  scala,
};

/** The descriptors, in the order above (the schema's enum lists them so: a unit test checks it). */
export const LANGUAGE_DESCRIPTORS: readonly LanguageDescriptor[] = Object.values(BY_ID);

/** Every source file extension, lower case, without the dot. */
export const SOURCE_EXTENSIONS: readonly string[] = LANGUAGE_DESCRIPTORS.flatMap((d) => d.extensions);

/** Without a prototype: `a.constructor` or `a.__proto__` names no language. */
const BY_EXTENSION: Record<string, LanguageDescriptor> = Object.create(null) as Record<string, LanguageDescriptor>;
for (const d of LANGUAGE_DESCRIPTORS) for (const ext of d.extensions) BY_EXTENSION[ext] = d;

/** The language of a source file whose imports are read, told by its path's base name; undefined for any other file. */
export function sourceLanguage(relPath: string): LanguageDescriptor | undefined {
  // The readers, the content rules and the scanner ask in turn about the same file.
  if (relPath === last.path) return last.language;
  last.path = relPath;
  return (last.language = languageOf(relPath));
}

const last: { path: string | undefined; language: LanguageDescriptor | undefined } = { path: undefined, language: undefined };

/**
 * `sourceLanguage` without its memory of the last path: for a name asked about in passing (a base
 * name, a reader's claim), which must not take the place of the file at hand.
 */
export function languageOf(relPath: string): LanguageDescriptor | undefined {
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  if (dot <= slash + 1) return undefined;
  const ext = relPath.slice(dot + 1);
  const d = BY_EXTENSION[ext] ?? BY_EXTENSION[ext.toLowerCase()];
  if (d === undefined || d.ignoresStem === undefined) return d;
  return d.ignoresStem(relPath.slice(slash + 1, dot).toLowerCase()) ? undefined : d;
}

/** Per source file extension, the prefixes that mark a line as a comment (see commentPrefixes). */
export function sourceCommentMarkers(): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const d of LANGUAGE_DESCRIPTORS) {
    const markers = commentPrefixes(d.lexicon);
    for (const ext of d.extensions) out[ext] = markers;
  }
  return out;
}
