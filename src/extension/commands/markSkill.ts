import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import type { Mark } from '../marks';
import { resolveSkill } from './skillArg';

/** Shared by the three mark commands: sets or clears the mark kept in the workspace state. */
export function markSkill(deps: CommandDeps, mark: Mark | undefined) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const verb =
      mark === 'done' ? 'Mark which skill as done?' : mark === 'skipped' ? 'Skip which skill?' : 'Clear the mark of which skill?';
    const id = await resolveSkill(deps, arg, verb);
    if (!id) return undefined;
    await deps.marks.set(id, mark);
    if (arg === undefined) {
      const catalog = deps.session.catalog;
      const title = [...(catalog?.skills ?? []), ...(catalog?.softSkills ?? [])].find((s) => s.id === id)?.title ?? id;
      void vscode.window.setStatusBarMessage(
        mark ? `Backend Skill Map: ${title} marked ${mark}` : `Backend Skill Map: mark cleared for ${title}`,
        3000,
      );
    }
    return id;
  };
}
