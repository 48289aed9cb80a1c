import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import type { Mark } from '../marks';
import { resolveSkill } from './skillArg';

/** Shared by the three mark commands: sets or clears the mark kept in the workspace state. */
export function markSkill(deps: CommandDeps, mark: Mark | undefined) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const verb =
      mark === 'done'
        ? vscode.l10n.t('Mark which skill as done?')
        : mark === 'skipped'
          ? vscode.l10n.t('Skip which skill?')
          : vscode.l10n.t('Clear the mark of which skill?');
    const id = await resolveSkill(deps, arg, verb);
    if (!id) return undefined;
    await deps.marks.set(id, mark);
    if (arg === undefined) {
      const catalog = deps.session.catalog;
      const title = [...(catalog?.skills ?? []), ...(catalog?.softSkills ?? [])].find((s) => s.id === id)?.title ?? id;
      void vscode.window.setStatusBarMessage(
        mark === 'done'
          ? vscode.l10n.t('Backend Skill Map: {0} marked done', title)
          : mark === 'skipped'
            ? vscode.l10n.t('Backend Skill Map: {0} marked skipped', title)
            : vscode.l10n.t('Backend Skill Map: mark cleared for {0}', title),
        3000,
      );
    }
    return id;
  };
}
