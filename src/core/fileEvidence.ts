import type { Catalog, Evidence, Fact } from './types';
import type { ReadOutcome, SkipCode } from './workspace/source';
import { RuleIndex } from './match/ruleIndex';
import { readersFor } from './readers';

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
  let evidence: Evidence[] = [];
  try {
    evidence = index.textEvidence(relPath, text, facts, reasons);
  } catch (err) {
    reasons.push(`matching failed: ${(err as Error).message}`);
  }
  return { evidence, skipped: reasons.length ? reasons.join('; ') : undefined };
}

/** A read's outcome as a file result. */
export function outcomeEvidence(index: RuleIndex, relPath: string, outcome: ReadOutcome, readImports: boolean): FileResult {
  if ('skipped' in outcome) return { evidence: [], bytes: 0, skipped: outcome.skipped, skipCode: outcome.code };
  const { evidence, skipped } = textEvidence(index, relPath, outcome.text, readImports);
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
