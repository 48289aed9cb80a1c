import type { Catalog, Evidence, Fact, Language, Rule } from './types';
import { baseName, baseNameMatcher, globMatcher, isBaseNameGlob } from './glob';
import { BaseNameBuckets } from './baseBuckets';
import { commentMarkers, isFixturePath, isProse } from './paths';
import { literalGrams, requiredLiterals, TextGrams } from './literals';

/** Most lines a content rule will look at in one file, and the longest line it reads (minified code is skipped). */
const MAX_LINE_LENGTH = 2000;
/** Time the content patterns may take on one file before the rest of them are given up (with a note). */
const CONTENT_BUDGET_MS = 250;
/** Evidence kept per rule and file: enough for hovers on every dependency of a manifest. */
const MAX_HITS_PER_RULE_AND_FILE = 25;

interface NamePattern {
  exact?: string;
  re?: RegExp;
}

function namePattern(name: string, lower: boolean): NamePattern {
  const n = lower ? name.toLowerCase() : name;
  if (!n.includes('*')) return { exact: n };
  const escaped = n.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return { re: new RegExp(`^${escaped}$`) };
}

/** API groups built into Kubernetes itself: a kind of theirs (Deployment, Ingress...) names one thing. */
const BUILTIN_API_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'apiextensions.k8s.io',
  'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io', 'scheduling.k8s.io',
  'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io',
]);

/**
 * Whether a kind's apiVersion fits a rule's pattern. An empty apiVersion is one a Helm template
 * computes (`apiVersion: {{ include ... }}`, common in published charts): it fits the built-in
 * groups' patterns only, since a custom resource's kind (Application, Pipeline, Config) is too
 * common a word to prove a tool without its group.
 */
function apiVersionMatches(pattern: string, apiVersion: string): boolean {
  if (apiVersion === '') return BUILTIN_API_GROUPS.has(pattern.includes('/') ? pattern.slice(0, pattern.indexOf('/')) : '');
  const p = namePattern(pattern, false);
  return p.exact === apiVersion || p.re?.test(apiVersion) === true;
}

/** Exact names in a map, wildcard names in a list: fast for thousands of facts. */
class NameIndex {
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

interface ContentRule {
  rule: Rule;
  matches: (path: string) => boolean;
  baseMatches: (base: string) => boolean;
  /** The rule's pattern, compiled when a file first gets past the prefilter (most never do). */
  patterns: RulePatterns;
  /** One of these occurs in any text the pattern matches (lower-cased when `lower`); null: no prefilter. */
  literals: string[] | null;
  /** The three-character windows of each literal, for a first test against the file's windows. */
  grams: Uint16Array[];
  lower: boolean;
}

/** A content rule's pattern, for one line and for a whole text (`m`), each compiled on first use. */
class RulePatterns {
  private lineRe: RegExp | undefined;
  private multilineRe: RegExp | undefined;
  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {}
  get line(): RegExp {
    return (this.lineRe ??= new RegExp(this.source, this.flags));
  }
  get multiline(): RegExp {
    return (this.multilineRe ??= new RegExp(this.source, this.flags + 'm'));
  }
}

interface FileRule {
  rule: Rule;
  matches: (path: string) => boolean;
  baseMatches: (base: string) => boolean;
}

/** The rules a base name may concern, with each rule's path matcher as an index into `matchers`. */
interface Candidates {
  content: ContentRule[];
  contentMatcher: number[];
  files: FileRule[];
  fileMatcher: number[];
  /** Distinct path matchers (compiled globs are shared, so identity is the glob). */
  matchers: ((path: string) => boolean)[];
  /** Built on the first read of a file with these candidates. */
  literalTable?: LiteralTable;
}

/** The distinct literals of a base name's content rules, each rule's as indices into them. */
interface LiteralTable {
  literals: { text: string; lower: boolean; grams: Uint16Array }[];
  /** Per content candidate: indices of its literals, or null when it has no prefilter. */
  ofRule: (number[] | null)[];
}

function literalTable(c: Candidates): LiteralTable {
  if (c.literalTable) return c.literalTable;
  const literals: LiteralTable['literals'] = [];
  const slot = new Map<string, number>();
  const ofRule = c.content.map((rule) =>
    rule.literals
      ? rule.literals.map((text, k) => {
          const key = (rule.lower ? 'i:' : ':') + text;
          let id = slot.get(key);
          if (id === undefined) {
            id = literals.push({ text, lower: rule.lower, grams: rule.grams[k] }) - 1;
            slot.set(key, id);
          }
          return id;
        })
      : null,
  );
  return (c.literalTable = { literals, ofRule });
}

function groupByMatcher(content: ContentRule[], files: FileRule[]): Candidates {
  const matchers: ((path: string) => boolean)[] = [];
  const slot = new Map<(path: string) => boolean, number>();
  const indexOf = (m: (path: string) => boolean): number => {
    let i = slot.get(m);
    if (i === undefined) {
      i = matchers.push(m) - 1;
      slot.set(m, i);
    }
    return i;
  };
  return { content, contentMatcher: content.map((c) => indexOf(c.matches)), files, fileMatcher: files.map((f) => indexOf(f.matches)), matchers };
}

/** The catalogue's rules, indexed for matching facts and files. Build once per catalogue. */
export class RuleIndex {
  readonly rules: Rule[];
  private deps = new Map<string, NameIndex>();
  private images = new NameIndex();
  private kinds = new Map<string, Rule[]>();
  private imports = new Map<string, NameIndex>();
  private perBase = new Map<string, Candidates>();
  private bySignature = new Map<string, Candidates>();
  private lastPath: string | undefined;
  /** Per distinct glob of the last path's candidates: 0 not tested yet, 1 matches, 2 does not. */
  private globState = new Uint8Array(64);
  private contentByBase = new BaseNameBuckets<ContentRule>();
  private filesByBase = new BaseNameBuckets<FileRule>();
  private textGrams = new TextGrams();

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
      if (rule.dependency) {
        const eco = rule.dependency.ecosystem;
        const idx = this.deps.get(eco) ?? new NameIndex();
        for (const n of rule.dependency.names) idx.add(normaliseDepName(eco, n), rule, eco !== 'maven' && eco !== 'go');
        this.deps.set(eco, idx);
      } else if (rule.image) {
        for (const n of rule.image.names) this.images.add(n.toLowerCase(), rule, true);
      } else if (rule.kind) {
        for (const k of rule.kind.kinds) this.kinds.set(k, [...(this.kinds.get(k) ?? []), rule]);
      } else if (rule.import) {
        for (const lang of rule.import.languages) {
          const idx = this.imports.get(lang) ?? new NameIndex();
          for (const m of rule.import.modules) idx.add(m, rule, false);
          this.imports.set(lang, idx);
        }
      } else if (rule.file) {
        for (const g of rule.file.paths) {
          const f: FileRule = { rule, matches: pathMatcher(g), baseMatches: baseNameMatcher(g) };
          this.filesByBase.add(lastSegment(g), f, f.baseMatches);
        }
      } else if (rule.content) {
        const literals = requiredLiterals(rule.content.pattern, rule.content.ignoreCase === true);
        const grams = literals ? literals.map(literalGrams) : [];
        const patterns = new RulePatterns(rule.content.pattern, rule.content.ignoreCase ? 'i' : '');
        for (const g of rule.content.files) {
          const c: ContentRule = {
            rule,
            matches: pathMatcher(g),
            baseMatches: baseNameMatcher(g),
            patterns,
            literals,
            grams,
            lower: rule.content.ignoreCase === true,
          };
          this.contentByBase.add(lastSegment(g), c, c.baseMatches);
        }
      }
    }
  }

  private candidates(path: string): Candidates {
    const base = baseName(path);
    let c = this.perBase.get(base);
    if (!c) {
      // Most base names share their candidates with many others (every `*.js` file without a name of
      // its own): those share one entry, and with it its matchers and literal table.
      const signature = this.contentByBase.lookupKey(base) + '\0' + this.filesByBase.lookupKey(base);
      c = this.bySignature.get(signature);
      if (!c) {
        c = groupByMatcher(this.contentByBase.lookup(base), this.filesByBase.lookup(base));
        if (this.bySignature.size > 10000) this.bySignature.clear();
        this.bySignature.set(signature, c);
      }
      if (this.perBase.size > 10000) this.perBase.clear();
      this.perBase.set(base, c);
    }
    return c;
  }

  /**
   * Whether the candidates' distinct glob `m` matches this path. Hundreds of CI rules share a few
   * dozen globs, so each glob is tested once per path, and only when a rule needs the answer; the
   * listing asks twice in a row for the same path.
   */
  private globMatches(path: string, c: Candidates, m: number): boolean {
    if (path !== this.lastPath) {
      this.lastPath = path;
      if (this.globState.length < c.matchers.length) this.globState = new Uint8Array(c.matchers.length * 2);
      else this.globState.fill(0, 0, c.matchers.length);
    }
    let state = this.globState[m];
    if (state === 0) this.globState[m] = state = c.matchers[m](path) ? 1 : 2;
    return state === 1;
  }

  /** Evidence from the path alone (file rules): needs no read. */
  pathEvidence(path: string): Evidence[] {
    const c = this.candidates(path);
    if (!c.files.length) return [];
    const onlyTesting = isFixturePath(path);
    let out: Evidence[] | undefined;
    for (let i = 0; i < c.files.length; i++) {
      const f = c.files[i];
      if (onlyTesting && f.rule.skill !== 'testing') continue;
      if (!this.globMatches(path, c, c.fileMatcher[i]) || out?.some((e) => e.rule === f.rule.id)) continue;
      (out ??= []).push(evidence(f.rule, path, 1));
    }
    return out ?? [];
  }

  /** Whether any content rule applies to this path (then the file is worth reading). */
  hasContentRules(path: string): boolean {
    if (isProse(path)) return false;
    const c = this.candidates(path);
    for (let i = 0; i < c.content.length; i++) if (this.globMatches(path, c, c.contentMatcher[i])) return true;
    return false;
  }

  /** Evidence from a file's text: its facts (from readers) and the content rules for its path. */
  textEvidence(path: string, text: string, facts: readonly Fact[], notes?: string[]): Evidence[] {
    const onlyTesting = isFixturePath(path);
    const out: Evidence[] = [];
    let hits: Map<string, number> | undefined;
    /** `weaker`: a dev dependency or a type-only import, weak unless the rule says dev use is strong. */
    const push = (rule: Rule, line: number, weaker = false) => {
      if (onlyTesting && rule.skill !== 'testing') return;
      const n = (hits ??= new Map()).get(rule.id) ?? 0;
      if (n >= MAX_HITS_PER_RULE_AND_FILE) return;
      hits.set(rule.id, n + 1);
      const ev = evidence(rule, path, line);
      if (weaker && rule.dependency?.dev !== 'strong') ev.strength = 'weak';
      out.push(ev);
    };
    const found: Rule[] = [];
    for (let f = 0; f < facts.length; f++) {
      const fact = facts[f];
      found.length = 0;
      switch (fact.type) {
        case 'dependency': {
          const key = normaliseDepName(fact.ecosystem, fact.name);
          this.deps.get(fact.ecosystem)?.lookup(fact.ecosystem === 'maven' || fact.ecosystem === 'go' ? key : key.toLowerCase(), found);
          for (let i = 0; i < found.length; i++) if (!(fact.dev && found[i].dependency?.dev === 'ignore')) push(found[i], fact.line, fact.dev);
          break;
        }
        case 'image':
          this.images.lookup(fact.name.toLowerCase(), found);
          for (let i = 0; i < found.length; i++) push(found[i], fact.line);
          break;
        case 'kind':
          for (const r of this.kinds.get(fact.kind) ?? []) {
            const av = r.kind!.apiVersions;
            if (!av || av.some((a) => apiVersionMatches(a, fact.apiVersion))) push(r, fact.line);
          }
          break;
        case 'import': {
          if (isProse(path)) break;
          const idx = this.imports.get(fact.language);
          if (!idx) break;
          lookupPrefixes(idx, fact.module, found);
          for (let i = 0; i < found.length; i++) if (found.indexOf(found[i]) === i) push(found[i], fact.line, fact.typeOnly === true);
          break;
        }
      }
    }
    if (!isProse(path)) this.contentEvidence(path, text, onlyTesting, push, notes);
    return out;
  }

  /**
   * Content rules: each candidate pattern for the path runs on the file unless its literal prefilter
   * rules it out. The file's three-character windows rule most literals out in one pass; the rest are
   * looked up once per file, however many rules share them.
   */
  private contentEvidence(path: string, text: string, onlyTesting: boolean, push: (rule: Rule, line: number) => void, notes?: string[]): void {
    const c = this.candidates(path);
    if (!c.content.length) return;
    const table = literalTable(c);
    // Patterns never see a line longer than MAX_LINE_LENGTH (minified or generated code, or an attack):
    // a pattern that is linear per start position is still quadratic on a line of megabytes.
    const hasLongLine = longestLine(text) > MAX_LINE_LENGTH;
    const lines: string[] | undefined = hasLongLine ? text.split(/\r?\n/) : undefined;
    const searchable = lines ? lines.map((l) => (l.length > MAX_LINE_LENGTH ? '' : l)).join('\n') : text;
    let markers: readonly string[] | undefined;
    let done: Set<string> | undefined;
    let lowered: string | undefined;
    let gramsLoaded = false;
    // Per literal of the table: 0 not looked at yet, 1 present, 2 absent.
    const known = this.literalScratch(table.literals.length);
    const deadline = Date.now() + CONTENT_BUDGET_MS;
    for (let i = 0; i < c.content.length; i++) {
      const rule = c.content[i];
      if ((onlyTesting && rule.rule.skill !== 'testing') || done?.has(rule.rule.id)) continue;
      if ((i & 7) === 0 && Date.now() > deadline) {
        notes?.push(`content patterns stopped after ${CONTENT_BUDGET_MS} ms; the file was only partly matched`);
        break;
      }
      const ids = table.ofRule[i];
      if (ids) {
        if (!gramsLoaded) {
          this.textGrams.load(searchable);
          gramsLoaded = true;
        }
        let any = false;
        for (let k = 0; k < ids.length && !any; k++) {
          const id = ids[k];
          if (known[id] === 0) {
            const lit = table.literals[id];
            const present = this.textGrams.mayContain(lit.grams) && (lit.lower ? (lowered ??= searchable.toLowerCase()) : searchable).includes(lit.text);
            known[id] = present ? 1 : 2;
          }
          any = known[id] === 1;
        }
        if (!any) continue;
      }
      if (!this.globMatches(path, c, c.contentMatcher[i])) continue;
      const whole = rule.patterns.multiline;
      whole.lastIndex = 0;
      if (!whole.test(searchable)) continue;
      markers ??= commentMarkers(path);
      const line = firstMatchingLine(text, lines, rule.patterns.line, markers, DATA_FILE.test(path));
      if (line > 0) {
        (done ??= new Set()).add(rule.rule.id);
        push(rule.rule, line);
      }
    }
  }

  private scratch = new Uint8Array(256);

  /** A zeroed per-file array for the literal table, reused from file to file. */
  private literalScratch(n: number): Uint8Array {
    if (this.scratch.length < n) this.scratch = new Uint8Array(n * 2);
    this.scratch.fill(0, 0, n);
    return this.scratch;
  }
}

const always = () => true;

function lastSegment(glob: string): string {
  return glob.slice(glob.lastIndexOf('/') + 1);
}

/** Candidates are first filtered by base name; for a glob of the form `**` + `/name` that was the whole test. */
function pathMatcher(glob: string): (path: string) => boolean {
  return isBaseNameGlob(glob) ? always : globMatcher(glob);
}

/** Length of the longest line, without splitting the text. */
function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    if (nl - start > longest) longest = nl - start;
    start = nl + 1;
  }
  return Math.max(longest, text.length - start);
}

/** YAML and JSON: data files, where a line holding an escaped newline is a text blob, not configuration. */
const DATA_FILE = /\.(ya?ml|json)$/i;
/** A key that holds a search pattern (rule catalogues, Semgrep rules, linters): it names code, it is not code. */
const SEARCH_PATTERN_KEY = /^\s*-?\s*"?(pattern[\w-]*|patterns|regexp?|regex-?\w*)"?\s*:/i;

/** 1-based number of the first line that counts and matches, or 0; `lines` as `text.split(/\r?\n/)` would give them, if at hand. */
function firstMatchingLine(text: string, lines: string[] | undefined, re: RegExp, markers: readonly string[], dataFile: boolean): number {
  if (lines) {
    for (let i = 0; i < lines.length; i++) if (lineMatches(lines[i], re, markers, dataFile)) return i + 1;
    return 0;
  }
  // Line by line without splitting the text: the first match is most often near the top.
  for (let start = 0, n = 1; start <= text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (lineMatches(text.slice(start, end), re, markers, dataFile)) return n;
    if (nl < 0) break;
    start = nl + 1;
  }
  return 0;
}

function lineMatches(line: string, re: RegExp, markers: readonly string[], dataFile: boolean): boolean {
  if (line.length > MAX_LINE_LENGTH) return false;
  const t = line.trimStart();
  for (let i = 0; i < markers.length; i++) if (t.startsWith(markers[i])) return false;
  // A string with `\n` escapes in it (a snippet of another file kept as data: test cases, rule
  // examples, templates) shows what some file could say, not what this project does.
  if (dataFile && (line.includes('\\n') || SEARCH_PATTERN_KEY.test(line))) return false;
  return re.test(line);
}

/**
 * Looks up a module and each prefix that ends before one of its separators (`/`, `.`, `\\`, `::`):
 * `a.b.c`, then `a` and `a.b`; `@scope/pkg/sub`, then `@scope` and `@scope/pkg`.
 */
function lookupPrefixes(idx: NameIndex, module: string, found: Rule[]): void {
  idx.lookup(module, found);
  for (let i = 1; i < module.length; i++) {
    const c = module.charCodeAt(i);
    if (c === 47 || c === 46 || c === 92 || (c === 58 && module.charCodeAt(i + 1) === 58)) {
      idx.lookup(module.slice(0, i), found);
      if (c === 58) i++;
    }
  }
}

export function normaliseDepName(ecosystem: string, name: string): string {
  if (ecosystem === 'pypi') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return name;
}

function evidence(rule: Rule, file: string, line: number): Evidence {
  return { file, line, technology: rule.technology, rule: rule.id, strength: rule.strength };
}

export type { Language };
