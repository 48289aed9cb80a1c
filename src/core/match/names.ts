/**
 * Rule names and patterns, indexed for lookup by a fact's name: dependency names, image names,
 * modules. Exact names go in a map, names with `*` in a list of regular expressions.
 */
import type { Rule } from '../types';

export interface NamePattern {
  exact?: string;
  re?: RegExp;
}

export function namePattern(name: string, lower: boolean): NamePattern {
  const n = lower ? name.toLowerCase() : name;
  if (!n.includes('*')) return { exact: n };
  const escaped = n
    .split('*')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { re: new RegExp(`^${escaped}$`) };
}

/** Exact names in a map, wildcard names in a list: fast for thousands of facts. */
export class NameIndex {
  private exact = new Map<string, Rule[]>();
  private wild: { re: RegExp; rule: Rule }[] = [];
  add(key: string, rule: Rule, lower: boolean): void {
    const p = namePattern(key, lower);
    if (p.exact !== undefined) {
      const list = this.exact.get(p.exact) ?? [];
      list.push(rule);
      this.exact.set(p.exact, list);
    } else this.wild.push({ re: p.re!, rule });
  }
  lookup(key: string, out: Rule[]): void {
    const hit = this.exact.get(key);
    if (hit) for (let i = 0; i < hit.length; i++) out.push(hit[i]);
    for (let i = 0; i < this.wild.length; i++) if (this.wild[i].re.test(key)) out.push(this.wild[i].rule);
  }
}

/**
 * Looks up a module and each prefix that ends before one of its separators (`/`, `.`, `\\`, `::`):
 * `a.b.c`, then `a` and `a.b`; `@scope/pkg/sub`, then `@scope` and `@scope/pkg`.
 */
export function lookupPrefixes(idx: NameIndex, module: string, found: Rule[]): void {
  idx.lookup(module, found);
  for (let i = 1; i < module.length; i++) {
    const c = module.charCodeAt(i);
    if (c === 47 || c === 46 || c === 92 || (c === 58 && module.charCodeAt(i + 1) === 58)) {
      idx.lookup(module.slice(0, i), found);
      if (c === 58) i++;
    }
  }
}
