import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { resolveSkill } from './skillArg';

/** Backend Skill Map: Open skill guidance — the skill's page in the editor area. */
export function openGuidance(deps: CommandDeps) {
  return async (arg?: unknown): Promise<string | undefined> => {
    deps.session.ensureStarted();
    if (!deps.session.catalog) await deps.session.whenIdle();
    const id = await resolveSkill(deps, arg, vscode.l10n.t('Open the guidance for which skill?'));
    if (!id) return undefined;
    deps.guidance.show(id);
    return id;
  };
}
