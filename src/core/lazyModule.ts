/**
 * A dependency loaded on first use. The bundles inline every dependency, and a module imported at
 * the top runs its own top-level code at every start: the YAML parser and the schema validator
 * together cost a few milliseconds of a command that may never need them (an empty folder's scan).
 * A `require` inside a function is run when first called. Only for CommonJS packages: a `require`
 * of an ES-module package bundles its CommonJS build whole, where an `import` keeps only the parts
 * used (fast-xml-parser would grow the extension's bundle by 50 KB).
 */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
