/**
 * Content rules: a regular expression tested on the lines of the files a glob names. A literal
 * prefilter (each pattern's required strings, first tested as three-character windows) rules most
 * patterns out without running them, and a time budget bounds the work on any one file.
 */
import type { ContentMatcher, Fact, Language, Rule } from '../types';
import { baseNameMatcher } from '../glob';
import { MAX_CODE_LINE } from '../limits';
import { DATA_FILE, firstMatchingLine, firstMatchingLineFrom, longestLine } from './matchingLine';
import { commentMarkers, isProse, withYamlTemplates } from '../paths';
import { sourceLanguage } from '../languages';
import { requiredLiterals } from '../literals';
import { literalGrams, TextGrams } from '../textWindows';
import { pathMatcher, type CandidateIndex, type Candidates } from './candidates';
import { countsIn, type EvidenceCollector } from './evidencePolicy';
import { importScope, ScopeTable, type ImportScope } from './importScope';

/** Time the content patterns may take on one file before the rest of them are given up (with a note). */
const CONTENT_BUDGET_MS = 250;
/**
 * Up to this many distinct literals for a kind of file, each is looked for in the text directly:
 * a few `includes` scans cost less than building the text's three-character windows, which pays
 * off only when many literals share one pass (a Go or Python file faces a handful; a YAML file dozens).
 */
const DIRECT_LITERALS = 8;

export interface ContentRule {
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
  /** Modules of which the file must import one (see ContentMatcher.imports); null: any file. */
  imports: ImportScope | null;
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
  /** Global as well: `lastIndex` says where a search starts (set it before each use). */
  get multiline(): RegExp {
    return (this.multilineRe ??= new RegExp(this.source, this.flags + 'mg'));
  }
  /**
   * Whether a match in the whole text shows where a line's own match can be: true without lookarounds.
   * Then every start where the pattern matches one line alone is a start where it matches the whole
   * text (`^` and `$` match at line ends in both; every other construct has at least the same ways to
   * match), so no line before the whole text's first match can match alone.
   */
  get guidesLines(): boolean {
    return (this.guides ??= !/\(\?<?[=!]/.test(this.source));
  }
  private guides: boolean | undefined;
}

/** A rule's content matcher, one entry per glob; the pattern and its prefilter are shared by them. */
export function contentRules(rule: Rule, content: ContentMatcher): { glob: string; entry: ContentRule }[] {
  const lower = content.ignoreCase === true;
  const literals = requiredLiterals(content.pattern, lower);
  const grams = literals ? literals.map(literalGrams) : [];
  const patterns = new RulePatterns(content.pattern, content.ignoreCase ? 'i' : '');
  return content.files.flatMap(withYamlTemplates).map((glob) => ({
    glob,
    entry: {
      rule,
      matches: pathMatcher(glob),
      baseMatches: baseNameMatcher(glob),
      patterns,
      literals,
      grams,
      lower,
      imports: importScope(content.imports),
    },
  }));
}

/** The distinct literals of a base name's content rules, each rule's as indices into them. */
export interface LiteralTable {
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

/** The scopes of a base name's content candidates for the files of one language, built on first use. */
function scopeTable(c: Candidates, language: Language | undefined): ScopeTable {
  const key = language ?? '';
  let table = c.scopeTables?.get(key);
  if (!table) {
    table = new ScopeTable(
      c.content.map((rule) => rule.imports),
      language,
    );
    (c.scopeTables ??= new Map()).set(key, table);
  }
  return table;
}

/** Runs the content rules on files, with scratch state reused from file to file. */
export class ContentEngine {
  private textGrams = new TextGrams();
  private scratch = new Uint8Array(256);
  /** Per content candidate of the file at hand: 1 when its imports let it match. */
  private live = new Uint8Array(256);
  /** Set by `keepMatchingGlobs`. */
  private liveLiteralCount = 0;

  constructor(private readonly candidates: CandidateIndex) {}

  /** Whether any content rule applies to this path (then the file is worth reading). */
  applies(path: string): boolean {
    if (isProse(path)) return false;
    const c = this.candidates.for(path);
    for (let i = 0; i < c.content.length; i++) if (this.candidates.globMatches(path, c, c.contentMatcher[i])) return true;
    return false;
  }

  /**
   * Whether a content rule for the path may match in the file, given what it imports (`facts`, the
   * file's import facts) or, without `facts`, whatever it imports. When not, nothing in the file but
   * its imports can give evidence: a file whose language has a header need not be read past it.
   */
  mayMatch(path: string, facts?: readonly Fact[]): boolean {
    if (isProse(path)) return false;
    const c = this.candidates.for(path);
    if (!c.content.length) return false;
    const scopes = scopeTable(c, sourceLanguage(path)?.id);
    let live = scopes.free;
    if (facts) {
      live = this.liveScratch(c.content.length);
      if (scopes.mark(live, facts) === 0) return false;
    } else if (scopes.freeCount === 0) return false;
    for (let i = 0; i < c.content.length; i++) if (live[i] === 1 && this.candidates.globMatches(path, c, c.contentMatcher[i])) return true;
    return false;
  }

  /**
   * Each candidate pattern for the path runs on the file unless its literal prefilter rules it out.
   * The file's three-character windows rule most literals out in one pass; the rest are looked up
   * once per file, however many rules share them.
   */
  evidence(path: string, text: string, facts: readonly Fact[], sink: EvidenceCollector, notes?: string[]): void {
    const c = this.candidates.for(path);
    if (!c.content.length) return;
    // The rules the file's imports let match: most source files have none, and are done here.
    const live = this.liveScratch(c.content.length);
    if (scopeTable(c, sourceLanguage(path)?.id).mark(live, facts) === 0) return;
    // A glob that names a folder (`**/sites-available/*`) makes its rule a candidate of every base
    // name: such rules are dropped here, before any literal is looked for in the text.
    const table = literalTable(c);
    if (this.keepMatchingGlobs(path, c, live, table) === 0) return;
    // Patterns never see a line longer than MAX_CODE_LINE (minified or generated code, or an attack):
    // a pattern that is linear per start position is still quadratic on a line of megabytes. Found
    // once a rule gets past its literals (most files have no such rule); literals are looked for in
    // the whole text, in linear time.
    let lines: string[] | undefined;
    let searchable: string | undefined;
    let markers: readonly string[] | undefined;
    let done: Set<string> | undefined;
    let lowered: string | undefined;
    // Few literals to look for (the table's, or those of the rules the imports let match): directly.
    const direct = table.literals.length <= DIRECT_LITERALS || this.liveLiteralCount <= DIRECT_LITERALS;
    let gramsLoaded = direct;
    // Per literal of the table: 0 not looked at yet, 1 present, 2 absent.
    const known = this.literalScratch(table.literals.length);
    const deadline = Date.now() + CONTENT_BUDGET_MS;
    for (let i = 0; i < c.content.length; i++) {
      const rule = c.content[i];
      if (!countsIn(rule.rule, sink.onlyTesting) || done?.has(rule.rule.id)) continue;
      if (live[i] === 0) continue;
      if ((i & 7) === 0 && Date.now() > deadline) {
        notes?.push(`content patterns stopped after ${CONTENT_BUDGET_MS} ms; the file was only partly matched`);
        break;
      }
      const ids = table.ofRule[i];
      if (ids) {
        if (!gramsLoaded) {
          this.textGrams.load(text);
          gramsLoaded = true;
        }
        let any = false;
        for (let k = 0; k < ids.length && !any; k++) {
          const id = ids[k];
          if (known[id] === 0) {
            const lit = table.literals[id];
            const present =
              (direct || this.textGrams.mayContain(lit.grams)) && (lit.lower ? (lowered ??= text.toLowerCase()) : text).includes(lit.text);
            known[id] = present ? 1 : 2;
          }
          any = known[id] === 1;
        }
        if (!any) continue;
      }
      if (searchable === undefined) {
        lines = longestLine(text) > MAX_CODE_LINE ? text.split(/\r?\n/) : undefined;
        searchable = lines ? lines.map((l) => (l.length > MAX_CODE_LINE ? '' : l)).join('\n') : text;
      }
      const whole = rule.patterns.multiline;
      whole.lastIndex = 0;
      if (!whole.test(searchable)) continue;
      markers ??= commentMarkers(path);
      const dataFile = DATA_FILE.test(path);
      const line =
        lines || !rule.patterns.guidesLines
          ? firstMatchingLine(text, lines, rule.patterns.line, markers, dataFile)
          : firstMatchingLineFrom(text, whole, rule.patterns.line, markers, dataFile);
      if (line > 0) {
        (done ??= new Set()).add(rule.rule.id);
        sink.push(rule.rule, line);
      }
    }
  }

  /**
   * Clears the live candidates whose glob does not match the path; returns how many stay live, and
   * sets `liveLiteralCount` to how many literals they look for (a literal shared by rules once per rule).
   */
  private keepMatchingGlobs(path: string, c: Candidates, live: Uint8Array, table: LiteralTable): number {
    let count = 0;
    let literals = 0;
    for (let i = 0; i < c.content.length; i++) {
      if (live[i] === 0) continue;
      if (this.candidates.globMatches(path, c, c.contentMatcher[i])) {
        count++;
        literals += table.ofRule[i]?.length ?? 0;
      } else live[i] = 0;
    }
    this.liveLiteralCount = literals;
    return count;
  }

  /** A per-file array for the candidates' import scopes, reused from file to file (`mark` fills its first `n`). */
  private liveScratch(n: number): Uint8Array {
    if (this.live.length < n) this.live = new Uint8Array(n * 2);
    return this.live;
  }

  /** A zeroed per-file array for the literal table, reused from file to file. */
  private literalScratch(n: number): Uint8Array {
    if (this.scratch.length < n) this.scratch = new Uint8Array(n * 2);
    this.scratch.fill(0, 0, n);
    return this.scratch;
  }
}
