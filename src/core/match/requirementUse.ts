/**
 * Requirements in use. A go.mod lists the modules only tests import beside those the code runs on
 * (Go has no test scope), and a library that wraps Kafka or Redis for its users' tests requires
 * their clients for its own tests alone. For such an ecosystem (`usedThroughImports`), a
 * requirement's dependency rule also matches the imports that use it; once the sources in that
 * language have been read, a requirement no source file outside the tests, fixtures and examples
 * imports proves what a test dependency proves: the testing skill only.
 */
import type { Evidence, Language, Rule } from '../types';
import { USED_THROUGH_IMPORTS } from '../ecosystems';
import { languageOf } from '../languages';

/** The languages whose imports show an ecosystem's requirements in use. */
const USED_THROUGH: readonly string[] = [...USED_THROUGH_IMPORTS.values()];

export class RequirementUse {
  /** Dependency rules of the ecosystems whose requirements imports show in use, with that language. */
  private watched: Map<string, { rule: Rule; language: Language }> | undefined;

  constructor(private readonly rules: () => readonly Rule[]) {}

  /**
   * The evidence without the requirements no non-test source imports, in the languages whose sources
   * were read (`languagesRead`); the same array when none is left out. The imports are looked for in
   * `workspace`: by default the evidence itself (a map's), or the workspace's beside one file's.
   */
  keepUsed(evidence: Evidence[], languagesRead: ReadonlySet<string>, workspace: Iterable<Evidence> = evidence): Evidence[] {
    // The catalogue's rules are asked for only when a language that shows requirements in use was read.
    if (!evidence.length || !USED_THROUGH.some((language) => languagesRead.has(language))) return evidence;
    const watched = this.watchedRules();
    if (!watched.size) return evidence;
    // One file's evidence (a hover) with no requirement to check needs no look at the workspace.
    const manifestLine = (e: Evidence) => {
      const w = watched.get(e.rule);
      return w !== undefined && languagesRead.has(w.language) && languageOf(e.file)?.id !== w.language;
    };
    if (workspace !== evidence && !evidence.some(manifestLine)) return evidence;
    const used = new Set<string>();
    // A rule is asked for its file's language until one import shows it in use: a large workspace has an import in every file.
    for (const e of workspace) {
      if (used.has(e.rule)) continue;
      const w = watched.get(e.rule);
      if (w && languageOf(e.file)?.id === w.language) used.add(e.rule);
    }
    const unused = (e: Evidence) => {
      const w = watched.get(e.rule);
      return w !== undefined && languagesRead.has(w.language) && !used.has(e.rule) && w.rule.skill !== 'testing';
    };
    return evidence.some(unused) ? evidence.filter((e) => !unused(e)) : evidence;
  }

  private watchedRules(): Map<string, { rule: Rule; language: Language }> {
    if (!this.watched) {
      this.watched = new Map();
      for (const rule of this.rules()) {
        const language = rule.dependency && USED_THROUGH_IMPORTS.get(rule.dependency.ecosystem);
        if (language) this.watched.set(rule.id, { rule, language });
      }
    }
    return this.watched;
  }
}
