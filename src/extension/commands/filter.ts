import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import type { Filter } from '../tree/model';

/** The picker's choices, in the display language. */
function choices(): { filter: Filter; label: string; detail: string }[] {
  return [
    { filter: 'all', label: vscode.l10n.t('All skills'), detail: vscode.l10n.t('Every skill of the shown tiers') },
    { filter: 'practised', label: vscode.l10n.t('Practised'), detail: vscode.l10n.t('Skills with strong evidence, or marked done') },
    {
      filter: 'missing',
      label: vscode.l10n.t('Not practised yet'),
      detail: vscode.l10n.t('Skills with no or only weak evidence (skipped ones hidden)'),
    },
  ];
}

function describeFilter(filter: Filter): string | undefined {
  return filter === 'all' ? undefined : filter === 'practised' ? vscode.l10n.t('practised only') : vscode.l10n.t('not practised yet');
}

/** Backend Skill Map: Filter skills… — all / practised / missing. An argument skips the picker. */
export function filter(deps: CommandDeps) {
  return async (arg?: unknown): Promise<Filter | undefined> => {
    let chosen: Filter | undefined = arg === 'all' || arg === 'practised' || arg === 'missing' ? arg : undefined;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        choices().map((c) => ({
          ...c,
          picked: c.filter === deps.tree.filter,
          description: c.filter === deps.tree.filter ? vscode.l10n.t('current') : '',
        })),
        { placeHolder: vscode.l10n.t('Show which skills?') },
      );
      chosen = picked?.filter;
    }
    if (!chosen) return undefined;
    deps.tree.setFilter(chosen);
    deps.treeView.description = describeFilter(chosen);
    await vscode.commands.executeCommand('setContext', 'backendSkillMap.filtered', chosen !== 'all');
    return chosen;
  };
}
