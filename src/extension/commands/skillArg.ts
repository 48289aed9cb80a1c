import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

/**
 * The skill a command is about: an id (from a hover link or a test), a tree row (context menu),
 * the row selected in the tree, or, failing all that, one the user picks.
 */
export async function resolveSkill(deps: CommandDeps, arg: unknown, placeHolder: string): Promise<string | undefined> {
  const catalog = deps.session.catalog;
  const known = (id: unknown): id is string => typeof id === 'string' && !!catalog?.skills.some((s) => s.id === id);
  if (known(arg)) return arg;
  if (arg && typeof arg === 'object' && known((arg as { skillId?: unknown }).skillId)) return (arg as { skillId: string }).skillId;
  if (arg !== undefined) return undefined;
  const selected = deps.treeView.selection[0];
  if (selected && 'skillId' in selected && known(selected.skillId)) return selected.skillId;
  if (!catalog) return undefined;
  const map = deps.session.map;
  const picked = await vscode.window.showQuickPick(
    catalog.skills.map((s) => {
      const r = map?.skills.find((x) => x.id === s.id);
      return { label: s.title, description: r?.status ?? '', detail: s.summary, id: s.id };
    }),
    { placeHolder, matchOnDetail: true },
  );
  return picked?.id;
}
