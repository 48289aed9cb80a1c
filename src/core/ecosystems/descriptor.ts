/** What the engine knows of one package ecosystem, in one place: its files, its names and its readers. */
import type { Ecosystem, Language, Reader } from '../types';

export interface EcosystemDescriptor<E extends Ecosystem = Ecosystem> {
  /** The name dependency rules and facts use (`dependency: { ecosystem: npm }`). */
  readonly id: E;
  /**
   * Its manifests, as globs on workspace-relative paths: the files an editor's hover may explain.
   * The readers decide what is read; these only say where a hover is offered.
   */
  readonly manifests: readonly string[];
  /** Base names of its lock files: generated, never evidence of what people wrote, so never read. */
  readonly lockFiles: readonly string[];
  /**
   * Folders its tools write inside a project (dependency checkouts, build output), by name: never
   * listed. Names that several ecosystems share (`vendor`, `build`) are in the default excludes.
   */
  readonly generatedFolders?: readonly string[];
  /**
   * Whether two package names that differ only in case are different packages (Maven coordinates,
   * Go module paths). Otherwise rules and facts are matched ignoring case.
   */
  readonly caseSensitive: boolean;
  /** The one spelling of a name that has several (PyPI treats runs of `-`, `_` and `.` alike); applied before any case folding. */
  readonly normalise?: (name: string) => string;
  /**
   * For an ecosystem whose manifests list the modules only tests need beside the others (go.mod):
   * the language whose imports show a requirement in use. Its dependency rules then also match those
   * imports, and once the project's sources in it are read, a requirement that no source file outside
   * the tests imports proves no more than a test dependency does (`match/requirementUse.ts`).
   */
  readonly usedThroughImports?: Language;
  /** The readers of its manifests, in the order they are asked. */
  readonly readers: readonly Reader[];
}
