/**
 * The import scopes of content rules (ContentMatcher.imports): which of a file's candidate rules the
 * file is held to by its language, and which of those its imports satisfy. A module a rule names
 * is satisfied by an import of that name or of a name it prefixes before a separator; rather than
 * testing every rule's modules against every import (a Java file meets some sixty scoped rules,
 * several naming dozens of packages), each imported name is looked up once, prefix by prefix, in a
 * map of the named modules, and the answer is kept for the next file that imports it.
 */
import type { ContentMatcher, Fact, Language } from '../types';
import { detached } from './names';

/** What a content rule needs imported. */
export interface ImportScope {
  /** The languages whose files are held to it; null: every file the rule looks in. */
  languages: readonly Language[] | null;
  modules: readonly string[];
}

export function importScope(imports: ContentMatcher['imports']): ImportScope | null {
  if (!imports) return null;
  return Array.isArray(imports) ? { languages: null, modules: imports } : { languages: imports.languages, modules: imports.modules };
}

/** Separators after a module prefix: `kafkajs/x`, `org.apache.kafka.clients`, `Confluent::Kafka`, `Enqueue\\RdKafka`. */
function isModuleSeparator(c: number): boolean {
  return c === 47 || c === 46 || c === 58 || c === 92;
}

const NONE: readonly number[] = [];

/** The offset of the last separator of a module name (0 or less: none past its first character). */
function lastSeparator(module: string): number {
  let k = module.length - 1;
  while (k > 0 && !isModuleSeparator(module.charCodeAt(k))) k--;
  return k;
}

function union(a: readonly number[], b: readonly number[]): readonly number[] {
  if (!a.length) return b;
  const out = [...a];
  for (const i of b) if (!out.includes(i)) out.push(i);
  return out;
}
/** Packages remembered per table, as a bound on memory. */
const MAX_REMEMBERED = 20000;

/** The scopes of one set of content candidates (a base name's), for the files of one language. */
export class ScopeTable {
  /** Per candidate: 1 when a file of this language is not held to imports (no scope, or one for other languages). */
  readonly free: Uint8Array;
  /** How many candidates are free. */
  readonly freeCount: number;
  /** Per module a held candidate names: those candidates. */
  private readonly byModule = new Map<string, number[]>();
  /** Per package of an imported name met so far (the name up to its last separator): the held candidates its prefixes satisfy. */
  private readonly byPackage = new Map<string, readonly number[]>();

  constructor(scopes: readonly (ImportScope | null)[], language: Language | undefined) {
    this.free = new Uint8Array(scopes.length);
    let free = 0;
    scopes.forEach((scope, i) => {
      if (!scope || (scope.languages !== null && (language === undefined || !scope.languages.includes(language)))) {
        this.free[i] = 1;
        free++;
        return;
      }
      for (const m of scope.modules) {
        const list = this.byModule.get(m);
        if (!list) this.byModule.set(m, [i]);
        else if (!list.includes(i)) list.push(i);
      }
    });
    this.freeCount = free;
  }

  /** Sets `live[i]` to 1 for each candidate a file with these facts may match (free, or satisfied); returns how many. */
  mark(live: Uint8Array, facts: readonly Fact[]): number {
    live.set(this.free);
    let count = this.freeCount;
    if (this.byModule.size === 0) return count;
    for (let f = 0; f < facts.length; f++) {
      const fact = facts[f];
      if (fact.type !== 'import') continue;
      const hits = this.satisfied(fact.module);
      for (let k = 0; k < hits.length; k++) {
        if (live[hits[k]] === 0) {
          live[hits[k]] = 1;
          count++;
        }
      }
    }
    return count;
  }

  /**
   * The held candidates an import of `module` satisfies: those naming it, or a prefix of it that
   * ends before a separator. The prefixes up to its last separator are its package's, kept per
   * package (a workspace imports far fewer packages than names).
   */
  private satisfied(module: string): readonly number[] {
    const own = this.byModule.get(module);
    const parent = this.packageHits(module, lastSeparator(module));
    return own ? union(parent, own) : parent;
  }

  /** What the prefixes of `module` ending before a separator at or before `end` satisfy. */
  private packageHits(module: string, end: number): readonly number[] {
    if (end <= 0) return NONE;
    const name = module.slice(0, end);
    let hits = this.byPackage.get(name);
    if (hits === undefined) {
      hits = this.satisfied(name);
      if (this.byPackage.size >= MAX_REMEMBERED) this.byPackage.clear();
      this.byPackage.set(detached(name), hits);
    }
    return hits;
  }
}
