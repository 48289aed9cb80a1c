/**
 * The catalogue's rules, indexed for matching: facts (dependencies, images, kinds, imports) by name,
 * file and content rules by the base names their globs may match. Build once per catalogue.
 */
import type { Catalog, ContentMatcher, DependencyMatcher, Evidence, Fact, ImportMatcher, Rule } from '../types';
import { baseNameMatcher } from '../glob';
import { isFixturePath, isProse } from '../paths';
import { packageNameKey } from '../ecosystems';
import { lookupPrefixes, NameIndex } from './names';
import { apiVersionMatches } from './kubernetes';
import { CandidateIndex, pathMatcher } from './candidates';
import { ContentEngine, contentRules } from './content';
import { countsIn, dependencyCounts, evidence, EvidenceCollector } from './evidencePolicy';

/** One ecosystem's dependency rules, with the key its package names are looked up by. */
interface DependencyNames {
  names: NameIndex;
  key: (name: string) => string;
}

export class RuleIndex {
  readonly rules: Rule[];
  private deps = new Map<string, DependencyNames>();
  private images = new NameIndex();
  private kinds = new Map<string, Rule[]>();
  private imports = new Map<string, NameIndex>();
  private candidates = new CandidateIndex();
  private content = new ContentEngine(this.candidates);
  private sink = new EvidenceCollector();
  /** Rules found for one fact, reused from fact to fact. */
  private found: Rule[] = [];

  /** `rules`: how many of the catalogue's rules to index now; `addRules` indexes the rest later. */
  constructor(catalog: Catalog, rules = catalog.rules.length) {
    this.rules = catalog.rules;
    this.addRules(0, rules);
  }

  /**
   * Indexes the catalogue's rules from `start` to `end`. Lets an editor build the index in pieces
   * between turns of its event loop (see `prepareRuleIndex`); the index is ready once all are in.
   */
  addRules(start: number, end: number): void {
    for (const rule of this.rules.slice(start, end)) {
      if (rule.dependency) this.addDependencyRule(rule, rule.dependency);
      else if (rule.image) {
        for (const n of rule.image.names) this.images.add(n.toLowerCase(), rule, true);
      } else if (rule.kind) {
        for (const k of rule.kind.kinds) this.kinds.set(k, [...(this.kinds.get(k) ?? []), rule]);
      } else if (rule.import) this.addImportRule(rule, rule.import);
      else if (rule.file) {
        for (const g of rule.file.paths) this.candidates.addFileRule(g, { rule, matches: pathMatcher(g), baseMatches: baseNameMatcher(g) });
      } else if (rule.content) this.addContentRule(rule, rule.content);
    }
  }

  private addDependencyRule(rule: Rule, dependency: DependencyMatcher): void {
    const eco = dependency.ecosystem;
    let deps = this.deps.get(eco);
    if (!deps) this.deps.set(eco, (deps = { names: new NameIndex(), key: packageNameKey(eco) }));
    for (const n of dependency.names) deps.names.add(deps.key(n), rule, false);
  }

  private addImportRule(rule: Rule, imports: ImportMatcher): void {
    for (const lang of imports.languages) {
      const idx = this.imports.get(lang) ?? new NameIndex();
      for (const m of imports.modules) idx.add(m, rule, false);
      this.imports.set(lang, idx);
    }
  }

  private addContentRule(rule: Rule, content: ContentMatcher): void {
    for (const { glob, entry } of contentRules(rule, content)) this.candidates.addContentRule(glob, entry);
  }

  /** Evidence from the path alone (file rules): needs no read. */
  pathEvidence(path: string): Evidence[] {
    const c = this.candidates.for(path);
    if (!c.files.length) return [];
    const onlyTesting = isFixturePath(path);
    let out: Evidence[] | undefined;
    for (let i = 0; i < c.files.length; i++) {
      const f = c.files[i];
      if (!countsIn(f.rule, onlyTesting)) continue;
      if (!this.candidates.globMatches(path, c, c.fileMatcher[i]) || out?.some((e) => e.rule === f.rule.id)) continue;
      (out ??= []).push(evidence(f.rule, path, 1));
    }
    return out ?? [];
  }

  /** Whether any content rule applies to this path (then the file is worth reading). */
  hasContentRules(path: string): boolean {
    return this.content.applies(path);
  }

  /** Evidence from a file's text: its facts (from readers) and the content rules for its path. */
  textEvidence(path: string, text: string, facts: readonly Fact[], notes?: string[]): Evidence[] {
    const sink = this.sink;
    sink.start(path);
    const prose = isProse(path);
    for (let f = 0; f < facts.length; f++) this.factEvidence(facts[f], prose, sink);
    if (!prose) this.content.evidence(path, text, facts, sink, notes);
    return sink.finish();
  }

  private factEvidence(fact: Fact, prose: boolean, sink: EvidenceCollector): void {
    const found = this.found;
    found.length = 0;
    switch (fact.type) {
      case 'dependency': {
        const deps = this.deps.get(fact.ecosystem);
        if (!deps) break;
        deps.names.lookup(deps.key(fact.name), found);
        for (let i = 0; i < found.length; i++) if (dependencyCounts(found[i], fact.dev)) sink.push(found[i], fact.line, fact.dev);
        break;
      }
      case 'image':
        this.images.lookup(fact.name.toLowerCase(), found);
        for (let i = 0; i < found.length; i++) sink.push(found[i], fact.line);
        break;
      case 'kind':
        for (const r of this.kinds.get(fact.kind) ?? []) {
          const av = r.kind!.apiVersions;
          if (!av || av.some((a) => apiVersionMatches(a, fact.apiVersion))) sink.push(r, fact.line);
        }
        break;
      case 'import': {
        if (prose) break;
        const idx = this.imports.get(fact.language);
        if (!idx) break;
        lookupPrefixes(idx, fact.module, found);
        for (let i = 0; i < found.length; i++) if (found.indexOf(found[i]) === i) sink.push(found[i], fact.line, fact.typeOnly === true);
        break;
      }
    }
  }
}
