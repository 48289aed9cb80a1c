import picomatch from 'picomatch';

/** Compiles workspace-relative POSIX globs once; `**` crosses folders, dot files match. */
const cache = new Map<string, (path: string) => boolean>();

export function globMatcher(glob: string): (path: string) => boolean {
  let m = cache.get(glob);
  if (!m) {
    // The bare regular expression: picomatch's own matcher adds per-call work that shows in profiles.
    const re = picomatch.makeRe(glob, { dot: true });
    m = (p: string) => re.test(p);
    cache.set(glob, m);
  }
  return m;
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
