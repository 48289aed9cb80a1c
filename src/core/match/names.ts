/**
 * Rule names and patterns, indexed for lookup by a fact's name: dependency names, image names,
 * modules. Exact names go in a map, names with `*` in a list of regular expressions.
 */
import type { Rule } from '../types';
import { escapeRe } from '../readers/manifest';

export interface NamePattern {
  exact?: string;
  re?: RegExp;
}

export function namePattern(name: string, lower: boolean): NamePattern {
  const n = lower ? name.toLowerCase() : name;
  if (!n.includes('*')) return { exact: n };
  const escaped = n.split('*').map(escapeRe).join('.*');
  return { re: new RegExp(`^${escaped}$`) };
}

interface WildName {
  re: RegExp;
  rule: Rule;
  /** Its place among the index's wildcard names: matches are given in that order. */
  order: number;
}

/**
 * Lengths of the plain beginnings wildcard names are filed under: a name is tried only on keys that
 * begin as it does (`github.com/jackc/pgx*` under `github.com/jack`, tried on few Go modules).
 */
const HEADS = [16, 8, 4];

/** Exact names in a map, wildcard names filed by their plain beginning: fast for thousands of facts. */
export class NameIndex {
  private exact = new Map<string, Rule[]>();
  /** Wildcard names by the first HEADS[k] characters of their plain beginning. */
  private wildByHead = new Map<string, WildName[]>();
  /** Wildcard names whose plain beginning is shorter than every head. */
  private wildShort: WildName[] = [];
  private wildCount = 0;
  /** Per HEADS[k], how many wildcard names are filed under a head of that length. */
  private headCounts = HEADS.map(() => 0);
  private hits: WildName[] = [];

  add(key: string, rule: Rule, lower: boolean): void {
    const p = namePattern(key, lower);
    if (p.exact !== undefined) {
      const list = this.exact.get(p.exact) ?? [];
      list.push(rule);
      this.exact.set(p.exact, list);
      return;
    }
    const name: WildName = { re: p.re!, rule, order: this.wildCount++ };
    const plain = (lower ? key.toLowerCase() : key).split('*')[0];
    const k = HEADS.findIndex((n) => plain.length >= n);
    if (k < 0) return void this.wildShort.push(name);
    const head = HEADS[k];
    this.headCounts[k]++;
    const bucket = this.wildByHead.get(plain.slice(0, head));
    if (bucket) bucket.push(name);
    else this.wildByHead.set(plain.slice(0, head), [name]);
  }

  lookup(key: string, out: Rule[]): void {
    const hit = this.exact.get(key);
    if (hit) for (let i = 0; i < hit.length; i++) out.push(hit[i]);
    if (this.wildCount === 0) return;
    const hits = this.hits;
    hits.length = 0;
    for (let i = 0; i < this.wildShort.length; i++) if (this.wildShort[i].re.test(key)) hits.push(this.wildShort[i]);
    for (let h = 0; h < HEADS.length; h++) {
      if (this.headCounts[h] === 0 || key.length < HEADS[h]) continue;
      const bucket = this.wildByHead.get(key.slice(0, HEADS[h]));
      if (bucket) for (let i = 0; i < bucket.length; i++) if (bucket[i].re.test(key)) hits.push(bucket[i]);
    }
    if (hits.length > 1) hits.sort((a, b) => a.order - b.order);
    for (let i = 0; i < hits.length; i++) out.push(hits[i].rule);
  }
}

/**
 * A copy of a string that holds only its own characters. A name cut out of a file's text (a module an
 * import names) may keep the whole text alive while it is referenced: a name kept as a cache's key
 * must not keep every file it came from.
 */
export function detached(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** Where the longest prefix of a module that ends before one of its separators ends (0: none). */
function lastPrefixEnd(module: string): number {
  let last = 0;
  for (let i = 1; i < module.length; i++) {
    const c = module.charCodeAt(i);
    if (c === 47 || c === 46 || c === 92 || (c === 58 && module.charCodeAt(i + 1) === 58)) {
      last = i;
      if (c === 58) i++;
    }
  }
  return last;
}

/** Packages remembered per index, as a bound on memory. */
const MAX_PACKAGES = 20000;

/**
 * Looks up a module, then each prefix that ends before one of its separators (`/`, `.`, `\\`, `::`),
 * shortest first: `a.b.c`, then `a` and `a.b`; `@scope/pkg/sub`, then `@scope` and `@scope/pkg`. For
 * an index that no longer changes: what the prefixes of each package give is kept, since a workspace
 * imports many names from few packages (`org.springframework.util.Assert` and `...StringUtils` share
 * every prefix but the last).
 */
export class PrefixLookup {
  private readonly byPackage = new Map<string, readonly Rule[]>();
  constructor(private readonly idx: NameIndex) {}

  lookup(module: string, found: Rule[]): void {
    this.idx.lookup(module, found);
    const end = lastPrefixEnd(module);
    if (end === 0) return;
    const rules = this.packageRules(module.slice(0, end));
    for (let i = 0; i < rules.length; i++) found.push(rules[i]);
  }

  /** What a package and its own prefixes give, shortest prefix first. */
  private packageRules(pkg: string): readonly Rule[] {
    let rules = this.byPackage.get(pkg);
    if (rules === undefined) {
      const out: Rule[] = [];
      const end = lastPrefixEnd(pkg);
      if (end > 0) out.push(...this.packageRules(pkg.slice(0, end)));
      this.idx.lookup(pkg, out);
      rules = out;
      if (this.byPackage.size >= MAX_PACKAGES) this.byPackage.clear();
      this.byPackage.set(detached(pkg), rules);
    }
    return rules;
  }
}
