import * as vscode from 'vscode';
import { checkStoredMarks, MARKS_KEY, type Mark } from './markState';

/** A skill marked by hand: done (learned elsewhere) or skipped (not wanted). */
export type { Mark };

/**
 * Manual marks, kept in the state given: the global state, synced (profile/syncedMarks.ts). They
 * never change what was detected; they are shown beside it.
 */
export class Marks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    log?: vscode.LogOutputChannel,
  ) {
    // A stored value that is not a clean record (an older format, a damaged state file) is repaired
    // once, with a message, instead of breaking the view.
    const { marks, problem } = checkStoredMarks(state.get<unknown>(MARKS_KEY));
    if (problem) {
      void state.update(MARKS_KEY, marks);
      log?.warn(`marks: ${problem}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Backend Skill Map: {0}.', problem));
    }
  }

  private all(): Record<string, Mark> {
    return checkStoredMarks(this.state.get<unknown>(MARKS_KEY)).marks;
  }

  get(skillId: string): Mark | undefined {
    return this.all()[skillId];
  }

  snapshot(): ReadonlyMap<string, Mark> {
    return new Map(Object.entries(this.all()));
  }

  ids(mark: Mark): string[] {
    return Object.entries(this.all())
      .filter(([, m]) => m === mark)
      .map(([id]) => id);
  }

  async set(skillId: string, mark: Mark | undefined): Promise<void> {
    const next = this.all();
    if (mark) next[skillId] = mark;
    else delete next[skillId];
    await this.state.update(MARKS_KEY, next);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
