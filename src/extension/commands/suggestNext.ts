import * as vscode from 'vscode';
import { joinReasons, suggestNext as rank, type Suggestion } from '../../core';
import type { CommandDeps } from './deps';
import { visibleTiers } from '../settings';
import { COMMANDS } from './ids';
import { profileNote, rankWithProfile } from '../profile/combine';
import { openProject } from '../profile/profile';

/** Where the profile already shows a skill, outside the open project ('' when nowhere). */
export function profileDetail(deps: CommandDeps, skillId: string): string {
  if (!deps.profile?.enabled) return '';
  const note = profileNote(deps.profile.skills, skillId, openProject()?.key);
  if (note.practised.length) return vscode.l10n.t('Your profile: practised in {0}', note.practised.join(', '));
  if (note.started.length) return vscode.l10n.t('Your profile: started in {0}', note.started.join(', '));
  return '';
}

/** The ranked suggestions for the current map, marks and tiers; what the profile practises elsewhere goes last. */
async function currentSuggestions(deps: CommandDeps): Promise<Suggestion[]> {
  deps.session.ensureStarted();
  await deps.session.whenIdle();
  const { map, catalog } = deps.session;
  if (!map || !catalog) return [];
  const tiers = visibleTiers();
  const ranked = rank(map, catalog, { done: deps.marks.ids('done'), skipped: deps.marks.ids('skipped') }).filter((s) =>
    tiers.includes(s.tier),
  );
  return deps.profile?.enabled ? rankWithProfile(ranked, deps.profile.skills, openProject()?.key) : ranked;
}

/**
 * Backend Skill Map: Suggest next skill — a picker of ranked suggestions; picking one opens its guidance.
 * Called with `{ noUi: true }` it returns the ranked list without showing anything, each with the
 * profile's note on it (`profile`, '' when the profile shows it nowhere else).
 */
export function suggestNext(deps: CommandDeps) {
  return async (arg?: { noUi?: boolean }): Promise<Suggestion[] | Suggestion | undefined> => {
    if (arg && typeof arg === 'object' && arg.noUi)
      return (await currentSuggestions(deps)).map((s) => ({ ...s, profile: profileDetail(deps, s.id) }));
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { suggestion: Suggestion }>();
    pick.title = vscode.l10n.t('Suggest next skill');
    pick.placeholder = vscode.l10n.t('Skills ranked by what your workspace already shows; pick one to open its guidance');
    pick.matchOnDetail = true;
    pick.busy = true;
    pick.show();
    const suggestions = await currentSuggestions(deps);
    pick.busy = false;
    pick.items = suggestions.map((s) => ({
      label: `${s.status === 'started' ? '$(pie-chart)' : '$(circle-outline)'} ${s.title}`,
      description: s.learningTime,
      detail: [joinReasons(s.reasonMessages.map((m) => vscode.l10n.t(m.template, ...m.args))), profileDetail(deps, s.id)]
        .filter(Boolean)
        .join(' · '),
      suggestion: s,
    }));
    if (!suggestions.length) pick.placeholder = vscode.l10n.t('Nothing to suggest: every shown skill is practised, marked done or skipped');
    const chosen = await new Promise<Suggestion | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.suggestion));
      pick.onDidHide(() => resolve(undefined));
    });
    pick.dispose();
    if (chosen) await vscode.commands.executeCommand(COMMANDS.openGuidance, chosen.id);
    return chosen;
  };
}
