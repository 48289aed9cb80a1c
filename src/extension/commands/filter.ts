import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import type { Filter } from '../tree/model';

const CHOICES: { filter: Filter; label: string; detail: string; description: string }[] = [
  { filter: 'all', label: 'All skills', description: '', detail: 'Every skill of the shown tiers' },
  { filter: 'practised', label: 'Practised', description: 'only', detail: 'Skills with strong evidence, or marked done' },
  {
    filter: 'missing',
    label: 'Not practised yet',
    description: 'only',
    detail: 'Skills with no or only weak evidence (skipped ones hidden)',
  },
];

function describeFilter(filter: Filter): string | undefined {
  return filter === 'all' ? undefined : filter === 'practised' ? 'practised only' : 'not practised yet';
}

/** Backend Skill Map: Filter skills… — all / practised / missing. An argument skips the picker. */
export function filter(deps: CommandDeps) {
  return async (arg?: unknown): Promise<Filter | undefined> => {
    let chosen: Filter | undefined = arg === 'all' || arg === 'practised' || arg === 'missing' ? arg : undefined;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        CHOICES.map((c) => ({ ...c, picked: c.filter === deps.tree.filter, description: c.filter === deps.tree.filter ? 'current' : '' })),
        { placeHolder: 'Show which skills?' },
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
