import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { statusWord } from '../tree/model';

/**
 * The skill a command is about: an id (from a hover link or a test), a tree row (context menu),
 * or one the user picks (the row selected in the tree is offered first).
 */
export async function resolveSkill(deps: CommandDeps, arg: unknown, placeHolder: string): Promise<string | undefined> {
  const catalog = deps.session.catalog;
  const known = (id: unknown): id is string =>
    typeof id === 'string' && !!(catalog?.skills.some((s) => s.id === id) || catalog?.softSkills.some((s) => s.id === id));
  if (known(arg)) return arg;
  if (arg && typeof arg === 'object' && known((arg as { skillId?: unknown }).skillId)) return (arg as { skillId: string }).skillId;
  if (arg !== undefined) return undefined;
  if (!catalog) return undefined;
  const map = deps.session.map;
  // The skill selected in the tree comes first, so Enter picks it.
  const selected = deps.treeView.selection[0];
  const first = selected && 'skillId' in selected ? selected.skillId : undefined;
  const skills = [...catalog.skills].sort((a, b) => Number(b.id === first) - Number(a.id === first));
  const picked = await vscode.window.showQuickPick(
    skills.map((s) => {
      const r = map?.skills.find((x) => x.id === s.id);
      const mark = deps.marks.get(s.id);
      return {
        label: s.title,
        description:
          mark === 'done' ? vscode.l10n.t('marked done') : mark ? vscode.l10n.t('skipped') : r ? statusWord(r.status, vscode.l10n) : '',
        detail: s.summary,
        id: s.id,
      };
    }),
    { placeHolder, matchOnDetail: true },
  );
  return picked?.id;
}
