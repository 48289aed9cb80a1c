/**
 * The catalogue's rules, indexed for matching: facts (dependencies, images, kinds, imports) by name,
 * file and content rules by the base names their globs may match. Build once per catalogue.
 */
import type { Catalog, ContentMatcher, DependencyMatcher, Evidence, Fact, ImportMatcher, Rule } from '../types';
import { baseNameMatcher } from '../glob';
import { isFixturePath, isProse } from '../paths';
import { ecosystemUsedThrough, packageNameKey } from '../ecosystems';
import { detached, NameIndex, PrefixLookup } from './names';
import { apiVersionMatches } from './kubernetes';
import { CandidateIndex, pathMatcher } from './candidates';
import { ContentEngine, contentRules } from './content';
import { describeWorkload, WORKLOAD_FACT } from '../combine/workloads';
import { CHART_VALUES_FACT, describeChartValues } from '../combine/chartValues';
import { countsIn, dependencyCounts, evidence, EvidenceCollector } from './evidencePolicy';

/** One ecosystem's dependency rules, with the key its package names are looked up by. */
interface DependencyNames {
  names: NameIndex;
  key: (name: string) => string;
}

/** The catalogue's rules sorted by what they look at, before any of them is indexed (see RuleIndex). */
interface PendingRules {
  /** File and content rules: indexed when the first path is asked about. */
  paths: Rule[];
  /** Dependency rules by ecosystem, each ecosystem's indexed when its first dependency is looked up. */
  deps: Map<string, Rule[]>;
  /** Image, kind and import rules: indexed when the first such fact is looked up. */
  facts: Rule[];
}

export class RuleIndex {
  private deps = new Map<string, DependencyNames>();
  private images = new NameIndex();
  private kinds = new Map<string, Rule[]>();
  private imports = new Map<string, NameIndex>();
  /** Per language, lookups of import modules through `imports`, made once its rules are all in. */
  private importLookups = new Map<string, PrefixLookup>();
  /** Per language, lookups of its imports among the requirements they show in use (null: none). */
  private requirementLookups = new Map<string, { lookup: PrefixLookup; key: (name: string) => string } | null>();
  /** Per language, what an import of each module met so far proves (see `importRules`). */
  private importRuleCache = new Map<string, Map<string, readonly Rule[]>>();
  private candidates = new CandidateIndex();
  private content = new ContentEngine(this.candidates);
  private sink = new EvidenceCollector();
  /** Rules found for one fact, reused from fact to fact. */
  private found: Rule[] = [];
  /** Rules not indexed yet, when the index is built on demand. */
  private waiting: PendingRules | undefined;
  /** Built by `addRules`, not on demand. */
  private built = false;

  /**
   * Without `rules`, each part of the index is built when it is first needed: a scan that meets no
   * file, or only npm manifests, does not pay for compiling the content rules or the other
   * ecosystems' names (most of a small workspace's start-up). With `rules`, that many of the
   * catalogue's rules are indexed now and `addRules` indexes the rest (the editor's build in pieces).
   */
  constructor(
    private readonly catalog: Catalog,
    rules?: number,
  ) {
    if (rules !== undefined) this.addRules(0, rules);
  }

  /** The catalogue's rules, sorted into the parts of the index on first use (reading them, if they wait on disk). */
  private get pending(): PendingRules | undefined {
    return this.built ? undefined : (this.waiting ??= sortRules(this.catalog.rules));
  }

  /**
   * Indexes the catalogue's rules from `start` to `end`. Lets an editor build the index in pieces
   * between turns of its event loop (see `prepareRuleIndex`); the index is ready once all are in.
   */
  addRules(start: number, end: number): void {
    this.built = true;
    this.indexRules(this.catalog.rules.slice(start, end));
  }

  private indexRules(rules: readonly Rule[]): void {
    for (const rule of rules) {
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

  /** Indexes the file and content rules, if they wait. */
  private pathRules(): void {
    const pending = this.pending;
    if (pending?.paths.length) {
      this.indexRules(pending.paths);
      pending.paths = [];
    }
  }

  /**
   * Indexes up to `count` of the waiting file and content rules; true while some are left. Lets a
   * scan build that part in pieces between turns of the event loop once its first file is listed.
   */
  indexSomePathRules(count: number): boolean {
    const pending = this.pending;
    if (!pending?.paths.length) return false;
    this.indexRules(pending.paths.splice(0, count));
    return pending.paths.length > 0;
  }

  /** Indexes one ecosystem's dependency rules, if they wait. */
  private dependencyRules(ecosystem: string): void {
    const rules = this.pending?.deps.get(ecosystem);
    if (rules) {
      this.pending!.deps.delete(ecosystem);
      this.indexRules(rules);
    }
  }

  /** Indexes the image, kind and import rules, if they wait. */
  private factRules(): void {
    const pending = this.pending;
    if (pending?.facts.length) {
      this.indexRules(pending.facts);
      pending.facts = [];
    }
  }

  private addDependencyRule(rule: Rule, dependency: DependencyMatcher): void {
    const eco = dependency.ecosystem;
    let deps = this.deps.get(eco);
    if (!deps) this.deps.set(eco, (deps = { names: new NameIndex(), key: packageNameKey(eco) }));
    for (const n of dependency.names) deps.names.add(deps.key(n), rule, false);
    this.requirementLookups.clear();
    this.importRuleCache.clear();
  }

  private importLookup(language: string): PrefixLookup | undefined {
    let lookup = this.importLookups.get(language);
    if (!lookup) {
      const idx = this.imports.get(language);
      if (!idx) return undefined;
      this.importLookups.set(language, (lookup = new PrefixLookup(idx)));
    }
    return lookup;
  }

  /** The lookup of a language's imports among its ecosystem's dependency rules (see `usedThroughImports`). */
  private requirementLookup(language: string): { lookup: PrefixLookup; key: (name: string) => string } | undefined {
    let found = this.requirementLookups.get(language);
    if (found === undefined) {
      const eco = ecosystemUsedThrough(language);
      if (eco) this.dependencyRules(eco);
      const deps = eco && this.deps.get(eco);
      found = deps ? { lookup: new PrefixLookup(deps.names), key: deps.key } : null;
      this.requirementLookups.set(language, found);
    }
    return found ?? undefined;
  }

  private addImportRule(rule: Rule, imports: ImportMatcher): void {
    for (const lang of imports.languages) {
      const idx = this.imports.get(lang) ?? new NameIndex();
      for (const m of imports.modules) idx.add(m, rule, false);
      this.imports.set(lang, idx);
      this.importLookups.delete(lang);
      this.importRuleCache.delete(lang);
    }
  }

  private addContentRule(rule: Rule, content: ContentMatcher): void {
    for (const { glob, entry } of contentRules(rule, content)) this.candidates.addContentRule(glob, entry);
  }

  /** Evidence from the path alone (file rules): needs no read. */
  pathEvidence(path: string): Evidence[] {
    this.pathRules();
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
    this.pathRules();
    return this.content.applies(path);
  }

  /**
   * Whether a content rule for this path may match in the file, given its import facts (or, without
   * them, whatever it imports): when not, the text past the file's imports cannot give evidence.
   */
  contentMayMatch(path: string, facts?: readonly Fact[]): boolean {
    this.pathRules();
    return this.content.mayMatch(path, facts);
  }

  /**
   * Evidence from a file's text: its facts (from readers) and the content rules for its path, unless
   * `content` is false (the caller found that no content rule may match, given these facts).
   */
  textEvidence(path: string, text: string, facts: readonly Fact[], notes?: string[], content = true): Evidence[] {
    this.pathRules();
    const sink = this.sink;
    sink.start(path);
    const prose = isProse(path);
    for (let f = 0; f < facts.length; f++) this.factEvidence(facts[f], prose, sink);
    if (!prose && content) this.content.evidence(path, text, facts, sink, notes);
    return sink.finish();
  }

  private factEvidence(fact: Fact, prose: boolean, sink: EvidenceCollector): void {
    const found = this.found;
    found.length = 0;
    if (fact.type !== 'dependency') this.factRules();
    switch (fact.type) {
      case 'dependency': {
        this.dependencyRules(fact.ecosystem);
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
      case 'workload':
        if (fact.name || fact.images.length) sink.pushUnitFact(WORKLOAD_FACT, describeWorkload(fact), fact.line);
        break;
      case 'chartValues':
        sink.pushUnitFact(CHART_VALUES_FACT, describeChartValues(fact), fact.line);
        break;
      case 'import': {
        if (prose) break;
        const rules = this.importRules(fact.language, fact.module);
        for (let i = 0; i < rules.length; i++) sink.push(rules[i], fact.line, fact.typeOnly === true);
        break;
      }
    }
  }

  /**
   * What an import of `module` proves, each rule once: its import rules, and the requirement it shows
   * in use (its dependency rule). Kept per module: a workspace imports the same names from file to file.
   */
  private importRules(language: string, module: string): readonly Rule[] {
    let byModule = this.importRuleCache.get(language);
    if (!byModule) this.importRuleCache.set(language, (byModule = new Map()));
    let rules = byModule.get(module);
    if (rules === undefined) {
      const found: Rule[] = [];
      this.importLookup(language)?.lookup(module, found);
      const required = this.requirementLookup(language);
      required?.lookup.lookup(required.key(module), found);
      rules = found.filter((rule, i) => found.indexOf(rule) === i);
      if (byModule.size >= MAX_MODULES) byModule.clear();
      byModule.set(detached(module), rules);
    }
    return rules;
  }
}

/** Modules whose rules are kept per language, as a bound on memory. */
const MAX_MODULES = 20000;

/** The rules by the part of the index they go in (one pass, no compiling). */
function sortRules(rules: readonly Rule[]): PendingRules {
  const pending: PendingRules = { paths: [], deps: new Map(), facts: [] };
  for (const rule of rules) {
    if (rule.dependency) {
      const eco = rule.dependency.ecosystem;
      const list = pending.deps.get(eco);
      if (list) list.push(rule);
      else pending.deps.set(eco, [rule]);
    } else if (rule.image || rule.kind || rule.import) pending.facts.push(rule);
    else if (rule.file || rule.content) pending.paths.push(rule);
  }
  return pending;
}
