import { lazyModule } from './lazyModule';

/** Loaded when a glob the build did not compile is first used (the user's excludes, a user rule's paths). */
const picomatch = lazyModule(() => require('picomatch') as typeof import('picomatch'));

type Matcher = (path: string) => boolean;

/**
 * The process's glob matchers: workspace-relative POSIX globs (`**` crosses folders, dot files match),
 * each compiled once and kept for the life of the process, since every catalogue names the same few
 * hundred. Also holds the globs the build compiled ahead (see `primeGlobs`).
 */
class GlobMatchers {
  private readonly matchers = new Map<string, Matcher>();
  /** Matchers made but perhaps not compiled yet. */
  private readonly uncompiled: (() => unknown)[] = [];
  /** Compiled at build time: glob to [regex source, flags]. */
  private readonly known = new Map<string, [string, string]>();

  matcher(glob: string): Matcher {
    let m = this.matchers.get(glob);
    if (!m) {
      let compiled: Matcher | undefined;
      const compile = () => (compiled ??= this.compile(glob));
      this.uncompiled.push(compile);
      m = (p: string) => (compiled ?? compile())(p);
      this.matchers.set(glob, m);
    }
    return m;
  }

  compileSome(count: number): boolean {
    for (let i = 0; i < count && this.uncompiled.length; i++) this.uncompiled.pop()!();
    return this.uncompiled.length > 0;
  }

  prime(table: readonly [string, string, string][]): void {
    for (const [glob, source, flags] of table) this.known.set(glob, [source, flags]);
  }

  private compile(glob: string): Matcher {
    // The bare regular expression: picomatch's own matcher adds per-call work that shows in profiles.
    const known = this.known.get(glob);
    let re: RegExp;
    try {
      re = known ? new RegExp(known[0], known[1]) : picomatch().makeRe(glob, { dot: true });
    } catch {
      return () => false; // a glob no expression can stand for matches nothing
    }
    const literal = longestLiteral(glob);
    return literal ? (p: string) => p.includes(literal) && re.test(p) : (p: string) => re.test(p);
  }
}

const globMatchers = new GlobMatchers();

/**
 * A glob's matcher, compiled when it is first used: a catalogue names some 800 distinct globs, and a
 * workspace needs a few dozen of them.
 */
export function globMatcher(glob: string): Matcher {
  return globMatchers.matcher(glob);
}

/**
 * Compiles up to `count` of the globs made so far and not used yet; true while some are left. An
 * editor calls it between turns of its event loop, so that no first match compiles dozens at once.
 */
export function compileSomeGlobs(count: number): boolean {
  return globMatchers.compileSome(count);
}

/** Compiled globs as `[glob, regex source, flags]`, written by the build beside the catalogue. */
export function globTable(globs: Iterable<string>): [string, string, string][] {
  return [...new Set(globs)].map((g) => {
    const re = picomatch().makeRe(g, { dot: true });
    return [g, re.source, re.flags];
  });
}

/** Loads globs compiled at build time: picomatch's parser is the costly part of a first scan's start. */
export function primeGlobs(table: readonly [string, string, string][]): void {
  globMatchers.prime(table);
}

export function anyGlob(globs: readonly string[]): (path: string) => boolean {
  const ms = globs.map(globMatcher);
  return (p) => ms.some((m) => m(p));
}

/** The glob's last path segment, matched against a file's base name: a cheap first filter. */
export function baseNameMatcher(glob: string): (baseName: string) => boolean {
  const last = baseName(glob);
  if (last === '**' || last === '') return () => true;
  return globMatcher(last);
}

/** The last segment of a POSIX path or glob. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A glob of the form `**` + `/name` matches exactly the paths whose base name matches `name`. */
export function isBaseNameGlob(glob: string): boolean {
  return glob.startsWith('**/') && !glob.slice(3).includes('/');
}

/**
 * The longest run of plain characters within one segment of a glob, outside any `{...}`, `(...)`
 * or `[...]`: every matching path contains it, and `includes` rules most paths out far faster than
 * the compiled expression would. Undefined for a negated glob or one without such a run.
 */
export function longestLiteral(glob: string): string | undefined {
  if (glob.startsWith('!')) return undefined;
  let best = '';
  let run = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if ((c === '}' || c === ')' || c === ']') && depth > 0) depth--;
    // A run stops at a slash too: the one beside a `**` may match nothing (`**/a` matches `a`).
    if (depth === 0 && !'*?[]{}()!+@\\/'.includes(c)) {
      run += c;
      if (run.length > best.length) best = run;
    } else run = '';
  }
  return best || undefined;
}
