/**
 * A dependency loaded on first use. The bundles inline every dependency, and a module imported at
 * the top runs its own top-level code at every start: the YAML parser, the schema validator and the
 * XML parser together cost a few milliseconds of a command that may never need them (an empty
 * folder's scan, one with no XML file). A `require` inside a function is run when first called.
 */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
