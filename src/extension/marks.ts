import * as vscode from 'vscode';

/** A skill marked by hand: done (learned elsewhere) or skipped (not wanted). */
export type Mark = 'done' | 'skipped';

const KEY = 'backendSkillMap.marks';

/** Manual marks, kept per workspace. They never change what was detected; they are shown beside it. */
export class Marks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, Mark> {
    const raw = this.state.get<unknown>(KEY);
    if (!raw || typeof raw !== 'object') return {};
    const out: Record<string, Mark> = {};
    for (const [id, m] of Object.entries(raw as Record<string, unknown>)) if (m === 'done' || m === 'skipped') out[id] = m;
    return out;
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
    await this.state.update(KEY, next);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
