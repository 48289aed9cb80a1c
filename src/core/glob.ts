import picomatch from 'picomatch';

/** Compiles workspace-relative POSIX globs once; `**` crosses folders, dot files match. */
const cache = new Map<string, (path: string) => boolean>();

/**
 * A glob's matcher, compiled when it is first used: a catalogue names some 800 distinct globs, and a
 * workspace needs a few dozen of them.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  let m = cache.get(glob);
  if (!m) {
    let compiled: ((path: string) => boolean) | undefined;
    const compile = () => (compiled ??= compileGlob(glob));
    uncompiled.push(compile);
    m = (p: string) => (compiled ?? compile())(p);
    cache.set(glob, m);
  }
  return m;
}

/** Matchers made but perhaps not compiled yet. */
const uncompiled: (() => unknown)[] = [];

/**
 * Compiles up to `count` of the globs made so far and not used yet; true while some are left. An
 * editor calls it between turns of its event loop, so that no first match compiles dozens at once.
 */
export function compileSomeGlobs(count: number): boolean {
  for (let i = 0; i < count && uncompiled.length; i++) uncompiled.pop()!();
  return uncompiled.length > 0;
}

function compileGlob(glob: string): (path: string) => boolean {
  // The bare regular expression: picomatch's own matcher adds per-call work that shows in profiles.
  const known = knownSources.get(glob);
  let re: RegExp;
  try {
    re = known ? new RegExp(known[0], known[1]) : picomatch.makeRe(glob, { dot: true });
  } catch {
    return () => false; // a glob no expression can stand for matches nothing
  }
  const literal = longestLiteral(glob);
  return literal ? (p: string) => p.includes(literal) && re.test(p) : (p: string) => re.test(p);
}

/** Compiled globs as `[glob, regex source, flags]`, written by the build beside the catalogue. */
export function globTable(globs: Iterable<string>): [string, string, string][] {
  return [...new Set(globs)].map((g) => {
    const re = picomatch.makeRe(g, { dot: true });
    return [g, re.source, re.flags];
  });
}

const knownSources = new Map<string, [string, string]>();

/** Loads globs compiled at build time: picomatch's parser is the costly part of a first scan's start. */
export function primeGlobs(table: readonly [string, string, string][]): void {
  for (const [glob, source, flags] of table) knownSources.set(glob, [source, flags]);
}

export function anyGlob(globs: readonly string[]): (path: string) => boolean {
  const ms = globs.map(globMatcher);
  return (p) => ms.some((m) => m(p));
}

/** The glob's last path segment, matched against a file's base name: a cheap first filter. */
export function baseNameMatcher(glob: string): (baseName: string) => boolean {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  if (last === '**' || last === '') return () => true;
  return globMatcher(last);
}

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
