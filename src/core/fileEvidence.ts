import type { Catalog, Evidence, Fact } from './types';
import { SNIFF_BYTES, type HeadCheck, type ReadOutcome, type SkipCode } from './workspace/source';
import { RuleIndex } from './match/ruleIndex';
import { readersFor } from './readers';
import { readImports, wholeHeaderImports } from './readers/imports';
import { BINARY_SNIFF_CHARS } from './readers/text';
import { sourceLanguage } from './languages';

/** What one file read gave: its evidence, its size, and why it was skipped or partly read. */
export interface FileResult {
  evidence: Evidence[];
  bytes: number;
  skipped?: string;
  /** Set when the file was not read at all (`skipped` then says why, to a person). */
  skipCode?: SkipCode;
}

/** Evidence in a file's text: its readers' facts and the content rules for its path. Never throws. */
export function textEvidence(
  index: RuleIndex,
  relPath: string,
  text: string,
  readImports = true,
): { evidence: Evidence[]; skipped?: string } {
  let facts: Fact[] = [];
  const reasons: string[] = [];
  const readers = readersFor(relPath);
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i];
    if (!readImports && reader.name === 'imports') continue;
    try {
      const result = reader.read(relPath, text);
      facts = facts.length ? facts.concat(result.facts) : result.facts;
      if (result.skipped) reasons.push(result.skipped);
    } catch (err) {
      reasons.push(`${reader.name} reader failed: ${(err as Error).message}`);
    }
  }
  return factsEvidence(index, relPath, text, facts, reasons, true);
}

/** Evidence from a file's facts, already read, and (with `content`) the content rules for its path. Never throws. */
function factsEvidence(
  index: RuleIndex,
  relPath: string,
  text: string,
  facts: readonly Fact[],
  reasons: string[],
  content: boolean,
): { evidence: Evidence[]; skipped?: string } {
  let evidence: Evidence[] = [];
  try {
    evidence = index.textEvidence(relPath, text, facts, reasons, content);
  } catch (err) {
    reasons.push(`matching failed: ${(err as Error).message}`);
  }
  return { evidence, skipped: reasons.length ? reasons.join('; ') : undefined };
}

/**
 * Bytes of a source file read first when its imports may be all that matters: the header of nearly
 * every Java file fits (spring-framework's largest is 17 KB; 99% are under 5.2 KB), and it holds
 * the SNIFF_BYTES a binary file is told by.
 */
export const HEAD_BYTES = Math.max(16 * 1024, SNIFF_BYTES);

/**
 * How to read a source file no further than its header, when that can be enough: its language has
 * a header (see LanguageDescriptor.headerEnd), it has no other reader than its imports', and no
 * content rule for it may match whatever it imports. The read stops after HEAD_BYTES when those
 * hold the whole header and the imports found there make no content rule relevant either; the
 * evidence is then what the whole file would give, from its imports alone.
 */
export function headCheck(index: RuleIndex, relPath: string): ImportsHead | undefined {
  const headerEnd = sourceLanguage(relPath)?.headerEnd;
  if (!headerEnd) return undefined;
  const readers = readersFor(relPath);
  if (readers.length !== 1 || readers[0].name !== 'imports' || index.contentMayMatch(relPath)) return undefined;
  const head: ImportsHead = {
    bytes: HEAD_BYTES,
    facts: undefined,
    suffices(text) {
      // The imports reader looks for NUL in the first BINARY_SNIFF_CHARS characters: those must be here.
      if (text.length < BINARY_SNIFF_CHARS) return false;
      try {
        // One walk of the header, when the language's faster way reads it whole.
        const read = wholeHeaderImports(relPath, text) ?? (headerEnd(text) < 0 ? undefined : readImports(relPath, text));
        if (!read || read.skipped || index.contentMayMatch(relPath, read.facts)) return false;
        head.facts = read.facts;
        return true;
      } catch {
        return false; // the whole read says what went wrong
      }
    },
  };
  return head;
}

/** A HeadCheck that keeps the import facts of a beginning it found sufficient. */
export interface ImportsHead extends HeadCheck {
  facts: Fact[] | undefined;
}

/** A read's outcome as a file result; `head` the check the read was given, if any. */
export function outcomeEvidence(
  index: RuleIndex,
  relPath: string,
  outcome: ReadOutcome,
  readImports: boolean,
  head?: ImportsHead,
): FileResult {
  if ('skipped' in outcome) return { evidence: [], bytes: 0, skipped: outcome.skipped, skipCode: outcome.code };
  const { evidence, skipped } =
    outcome.partial && head?.facts
      ? // The head was found sufficient because no content rule may match, given these facts.
        factsEvidence(index, relPath, outcome.text, head.facts, [], false)
      : textEvidence(index, relPath, outcome.text, readImports);
  return { evidence, bytes: outcome.bytes, skipped };
}

/**
 * Rule indexes by catalogue object, for the life of each catalogue. Compiling a catalogue's patterns
 * and globs is the costly part: once per catalogue object, shared by every scanner made for it.
 */
class RuleIndexes {
  private readonly byCatalog = new WeakMap<Catalog, RuleIndex>();

  get(catalog: Catalog): RuleIndex {
    let index = this.byCatalog.get(catalog);
    if (!index) {
      index = new RuleIndex(catalog);
      this.byCatalog.set(catalog, index);
    }
    return index;
  }

  has(catalog: Catalog): boolean {
    return this.byCatalog.has(catalog);
  }

  keep(catalog: Catalog, index: RuleIndex): void {
    if (!this.byCatalog.has(catalog)) this.byCatalog.set(catalog, index);
  }
}

const ruleIndexes = new RuleIndexes();

/** The catalogue's rule index, built on first use. */
export function ruleIndexFor(catalog: Catalog): RuleIndex {
  return ruleIndexes.get(catalog);
}

/** Whether the index for this catalogue is built. */
export function hasRuleIndex(catalog: Catalog): boolean {
  return ruleIndexes.has(catalog);
}

/** Keeps an index built elsewhere (in pieces) as the catalogue's, unless one is there already. */
export function keepRuleIndex(catalog: Catalog, index: RuleIndex): void {
  ruleIndexes.keep(catalog, index);
}
