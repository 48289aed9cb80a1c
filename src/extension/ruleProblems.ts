/**
 * Which problems in the user's rule files deserve a notification. A rescan (Refresh, a settings
 * change) reloads the rule files; a file that has not changed since its problems were announced is
 * not announced again. Plain data, no 'vscode' import, so that it can be unit-tested.
 */
export interface RuleFileVersion {
  /** The path as the catalogue loader reports it (problems start with `<file>:`). */
  file: string;
  /** Anything that changes when the file does: its modification time and size. */
  stamp: string;
}

export class RuleProblemNotices {
  /** File → the version and problems last announced. */
  private readonly announced = new Map<string, string>();

  /** The problems to announce now: those of each file whose version has not been announced yet. */
  fresh(files: readonly RuleFileVersion[], problems: readonly string[]): string[] {
    const out: string[] = [];
    for (const { file, stamp } of files) {
      const own = problems.filter((p) => p.startsWith(`${file}:`));
      if (!own.length) {
        // Fixed: breaking it again is a new change, announced again.
        this.announced.delete(file);
        continue;
      }
      const key = `${stamp}\n${own.join('\n')}`;
      if (this.announced.get(file) === key) continue;
      this.announced.set(file, key);
      out.push(...own);
    }
    return out;
  }
}
