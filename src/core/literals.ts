/**
 * Literal prefilter for content patterns.
 *
 * `requiredLiterals(pattern)` derives a small set of strings such that every match of the pattern
 * contains at least one of them. A file whose text contains none of them cannot match, so the regular
 * expression need not run on it. The derivation is conservative: any construct it does not fully
 * understand either contributes nothing or makes it answer `null` ("no prefilter").
 *
 * The pattern is read as a tiny expression tree. For every part we track two things:
 * - `exact`: every string the part can match, when that is a short finite list (a literal, a small
 *   character class like `["']`, a group of such alternatives, an optional char);
 * - `need`: a set of strings one of which every match of the part contains.
 * A sequence concatenates neighbouring exact parts (zero-width assertions such as `\b`, `^`, `$` and
 * lookarounds match the empty string and so keep the neighbours adjacent); anything else ends the run.
 * Of all the runs and required sub-parts of a sequence, the most selective one is its `need`; an
 * alternation needs the union of its alternatives' needs.
 */

/** Most strings in one exact or needed set: more would cost more `includes` calls than they save. */
const MAX_SET = 32;
/** Shortest literal worth a prefilter. */
const MIN_LITERAL = 3;
/** Beyond this length a longer literal is not noticeably more selective. */
const ENOUGH_LENGTH = 12;

interface Info {
  /** All strings this part can match, or null when unknown or too many. */
  exact: string[] | null;
  /** Strings one of which every match contains, or null when nothing is known. */
  need: string[] | null;
}

class Unsupported extends Error {}

const EMPTY: Info = { exact: [''], need: null };
const UNKNOWN: Info = { exact: null, need: null };
const CLASS_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W']);
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

/**
 * Strings, at least 3 characters each, one of which every match of `pattern` contains; lower-cased when
 * `ignoreCase` (then compare with a lower-cased text). Null when no such set can be derived safely.
 */
export function requiredLiterals(pattern: string, ignoreCase = false): string[] | null {
  return knownLiterals.get(pattern, ignoreCase);
}

/**
 * The process's prefilters, derived once per pattern and kept for its life: the build stores them
 * with the compiled catalogue (see `primeLiterals`), so a session mostly reads them from there.
 */
class KnownLiterals {
  private readonly exact = new Map<string, string[] | null>();
  private readonly ignoringCase = new Map<string, string[] | null>();

  get(pattern: string, ignoreCase: boolean): string[] | null {
    const memo = ignoreCase ? this.ignoringCase : this.exact;
    const known = memo.get(pattern);
    if (known !== undefined) return known;
    const derived = deriveLiterals(pattern, ignoreCase);
    memo.set(pattern, derived);
    return derived;
  }

  keep(pattern: string, ignoreCase: boolean, literals: string[] | null): void {
    (ignoreCase ? this.ignoringCase : this.exact).set(pattern, literals);
  }
}

const knownLiterals = new KnownLiterals();

/** The prefilters of many patterns at once, as `primeLiterals` takes them back: keys are `i:` or `:` and the pattern. */
export function literalsTable(patterns: readonly { pattern: string; ignoreCase: boolean }[]): [string, string[] | null][] {
  return patterns.map(({ pattern, ignoreCase }) => [(ignoreCase ? 'i:' : ':') + pattern, requiredLiterals(pattern, ignoreCase)]);
}

/** Loads prefilters derived at build time, so a session does not derive thousands of them again. */
export function primeLiterals(table: readonly [string, string[] | null][]): void {
  for (const [key, literals] of table) {
    if (key.startsWith('i:')) knownLiterals.keep(key.slice(2), true, literals);
    else knownLiterals.keep(key.slice(1), false, literals);
  }
}

/** `requiredLiterals` without the memo (for checking the table the build wrote). */
export function deriveLiterals(pattern: string, ignoreCase: boolean): string[] | null {
  let info: Info;
  try {
    const p = new Parser(pattern);
    info = p.alternation();
    if (p.pos !== pattern.length) return null;
  } catch {
    return null;
  }
  let set = info.need;
  if (!set || !set.length) return null;
  if (ignoreCase) {
    // Without the `u` flag a case-insensitive regex never folds a non-ASCII character onto an ASCII one,
    // and lower-casing maps ASCII to ASCII one for one, so ASCII literals stay sound. Others are not used.
    if (set.some((s) => /[^\x00-\x7f]/.test(s))) return null;
    set = minimise(set.map((s) => s.toLowerCase()));
  }
  if (set.some((s) => s.length < MIN_LITERAL)) return null;
  return set;
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  /** `a|b|c` up to a `)` or the end. */
  alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0];
    let exact: string[] | null = [];
    let need: string[] | null = [];
    for (const a of alts) {
      exact = exact && a.exact ? union(exact, a.exact) : null;
      need = need && a.need ? union(need, a.need) : null;
    }
    return { exact, need: need ? minimise(need) : null };
  }

  private sequence(): Info {
    let cur: string[] = [''];
    let all: string[] | null = [''];
    let best: string[] | null = null;
    const close = () => {
      best = better(best, cur);
      cur = [''];
    };
    const append = (e: string[]) => {
      const x = cross(cur, e);
      if (x) cur = x;
      else {
        close();
        cur = e;
      }
    };
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      const { min, max } = this.quantifier();
      if (max === 0) continue; // matches the empty string
      const once = atom.exact && max === 1 ? (min === 0 ? union(atom.exact, ['']) : atom.exact) : null;
      if (once) {
        const e = once;
        append(e);
        all = all && cross(all, e);
      } else if (atom.exact && min >= 1) {
        // Repeated: the match starts with one copy and ends with one copy.
        append(atom.exact);
        close();
        cur = atom.exact;
        all = null;
      } else {
        close();
        if (min >= 1 && atom.need) best = better(best, atom.need);
        all = null;
      }
    }
    close();
    return { exact: all, need: best };
  }

  private atom(): Info {
    const s = this.src;
    const ch = s[this.pos++];
    switch (ch) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return UNKNOWN;
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '*':
      case '+':
      case '?':
      case ')':
      case '|':
        throw new Unsupported();
      case '\\': {
        const e = s[this.pos++];
        if (e === undefined) throw new Unsupported();
        if (e === 'b' || e === 'B') return EMPTY;
        if (CLASS_ESCAPES.has(e)) return UNKNOWN;
        if (e in CONTROL_ESCAPES) return { exact: [CONTROL_ESCAPES[e]], need: null };
        if (/[A-Za-z0-9_]/.test(e)) throw new Unsupported(); // \x41, \u0041, \cJ, \1, \k<n>, \0 …
        return { exact: [e], need: null };
      }
      default:
        // Includes `{`, `}` and `]` standing for themselves (a valid quantifier here would not compile).
        return { exact: [ch], need: null };
    }
  }

  private group(): Info {
    const s = this.src;
    let lookaround = false;
    if (s[this.pos] === '?') {
      const head = s.slice(this.pos, this.pos + 3);
      if (head.startsWith('?:')) this.pos += 2;
      else if (head.startsWith('?=') || head.startsWith('?!')) {
        this.pos += 2;
        lookaround = true;
      } else if (head === '?<=' || head === '?<!') {
        this.pos += 3;
        lookaround = true;
      } else if (head.startsWith('?<')) {
        const close = s.indexOf('>', this.pos);
        if (close < 0) throw new Unsupported();
        this.pos = close + 1;
      } else throw new Unsupported();
    }
    const inner = this.alternation();
    if (s[this.pos] !== ')') throw new Unsupported();
    this.pos++;
    // A lookaround consumes nothing: as far as the matched text goes it is the empty string.
    return lookaround ? EMPTY : inner;
  }

  /** `[...]`: the exact characters when it is a short plain list (no ranges, no negation, no `\w`). */
  private characterClass(): Info {
    const s = this.src;
    let simple = true;
    if (s[this.pos] === '^') {
      simple = false;
      this.pos++;
    }
    const chars = new Set<string>();
    let first = true;
    while (true) {
      if (this.pos >= s.length) throw new Unsupported();
      const ch = s[this.pos++];
      if (ch === ']') break;
      if (ch === '\\') {
        const e = s[this.pos++];
        if (e === undefined) throw new Unsupported();
        if (CLASS_ESCAPES.has(e)) simple = false;
        else if (e === 'b') chars.add('\b');
        else if (e in CONTROL_ESCAPES) chars.add(CONTROL_ESCAPES[e]);
        else if (/[A-Za-z0-9_]/.test(e)) throw new Unsupported();
        else chars.add(e);
      } else if (ch === '-' && !first && s[this.pos] !== ']') {
        simple = false; // a range
      } else chars.add(ch);
      first = false;
    }
    if (!simple || chars.size === 0 || chars.size > MAX_SET) return UNKNOWN;
    return { exact: [...chars], need: null };
  }

  private quantifier(): { min: number; max: number } {
    const s = this.src;
    let q: { min: number; max: number };
    const ch = s[this.pos];
    if (ch === '*') q = { min: 0, max: Infinity };
    else if (ch === '+') q = { min: 1, max: Infinity };
    else if (ch === '?') q = { min: 0, max: 1 };
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.pos, this.pos + 24));
      if (!m) return { min: 1, max: 1 };
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.pos += m[0].length - 1;
      q = { min, max };
    } else return { min: 1, max: 1 };
    this.pos++;
    if (s[this.pos] === '?') this.pos++; // lazy
    return q;
  }
}

function union(a: string[], b: string[]): string[] | null {
  const out = [...new Set([...a, ...b])];
  return out.length > MAX_SET ? null : out;
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length === 1 && b.length === 1) return [a[0] + b[0]];
  if (a.length * b.length > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/** Drops every string that contains another one of the set: the set then needs the same texts. */
function minimise(set: string[]): string[] {
  if (set.length === 1) return set;
  const sorted = [...new Set(set)].sort((x, y) => x.length - y.length);
  const out: string[] = [];
  for (const s of sorted) if (!out.some((o) => s.includes(o))) out.push(s);
  return out;
}

function score(set: string[]): [number, number, number] {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return [Math.min(min, ENOUGH_LENGTH), -set.length, min];
}

/** The more selective of two needed sets: longer shortest literal first, then fewer literals. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!b) return a;
  const mb = minimise(b);
  if (!a) return mb;
  const sa = score(a);
  const sb = score(mb);
  for (let i = 0; i < 3; i++) if (sa[i] !== sb[i]) return sb[i] > sa[i] ? mb : a;
  return a;
}
