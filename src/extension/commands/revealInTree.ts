import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { resolveSkill } from './skillArg';
import { VIEW_ID } from '../session';

/** Backend Skill Map: Reveal skill in tree — shows, selects and expands the skill's row. */
export function revealInTree(deps: CommandDeps) {
  return async (arg?: unknown): Promise<boolean> => {
    deps.session.ensureStarted();
    if (!deps.session.map) await deps.session.whenIdle();
    const id = await resolveSkill(deps, arg, vscode.l10n.t('Reveal which skill?'));
    if (!id) return false;
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    let node = deps.tree.skillNode(id);
    if (!node && deps.tree.filter !== 'all') {
      await vscode.commands.executeCommand('backendSkillMap.filter', 'all');
      node = deps.tree.skillNode(id);
    }
    if (!node) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Backend Skill Map: that skill is not shown (check the backendSkillMap.tiers setting).'),
      );
      return false;
    }
    await deps.treeView.reveal(node, { select: true, focus: true, expand: true });
    return true;
  };
}
