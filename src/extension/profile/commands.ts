import * as vscode from 'vscode';
import { openProject, profileOn, type Profile } from './profile';
import { mergeStores, parseStore, serializeStore } from './store';
import { profileMarkdown } from './markdown';
import type { TimelinePanel } from './timelinePanel';
import { OPEN_PROJECT_COMMAND } from './view';

export const PROFILE_COMMANDS = {
  add: 'backendSkillMap.profile.add',
  remove: 'backendSkillMap.profile.remove',
  forget: 'backendSkillMap.profile.forget',
  forgetAll: 'backendSkillMap.profile.forgetAll',
  export: 'backendSkillMap.profile.export',
  import: 'backendSkillMap.profile.import',
  exportMarkdown: 'backendSkillMap.profile.exportMarkdown',
  timeline: 'backendSkillMap.profile.timeline',
  openProject: OPEN_PROJECT_COMMAND,
} as const;

function offMessage(): boolean {
  if (profileOn()) return false;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Backend Skill Map: the profile is switched off (backendSkillMap.profile.enabled).'),
  );
  return true;
}

/** Forget one project: the quick pick of remembered projects, or the key given (as tests do). */
async function forget(profile: Profile, arg?: unknown): Promise<boolean> {
  let key = typeof arg === 'string' ? arg : undefined;
  if (!key) {
    const items = Object.entries(profile.snapshot.projects).map(([k, p]) => ({
      label: p.name,
      description: p.folders.map((f) => vscode.Uri.parse(f).fsPath).join(', '),
      detail: vscode.l10n.t('{0} scan(s), last {1}', p.scans.length, (p.scans.at(-1) ?? '').slice(0, 10)),
      key: k,
    }));
    if (!items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Backend Skill Map: your profile holds no project.'));
      return false;
    }
    key = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Forget which project?') }))?.key;
  }
  return key ? profile.forget(key) : false;
}

async function forgetAll(profile: Profile, arg?: unknown): Promise<boolean> {
  const skipPrompt = !!arg && typeof arg === 'object' && (arg as { confirm?: unknown }).confirm === false;
  if (!skipPrompt) {
    const yes = vscode.l10n.t('Forget all');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Forget every project in your profile? Your marks stay.'),
      { modal: true },
      yes,
    );
    if (choice !== yes) return false;
  }
  await profile.forgetAll();
  return true;
}

async function exportStore(profile: Profile, arg?: unknown): Promise<vscode.Uri | undefined> {
  const target =
    arg instanceof vscode.Uri
      ? arg
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export the profile'),
          filters: { JSON: ['json'] },
          defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? profile.storage.uri, 'skill-profile.json'),
        });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(serializeStore(await profile.storage.read())));
  await profile.logPlace(`exported to ${target.fsPath}`);
  return target;
}

/** Import: the file's projects join the profile (a project known to both takes the file's record). */
async function importStore(profile: Profile, arg?: unknown): Promise<boolean> {
  const source =
    arg instanceof vscode.Uri
      ? arg
      : (
          await vscode.window.showOpenDialog({
            title: vscode.l10n.t('Import a profile'),
            filters: { JSON: ['json'] },
            canSelectMany: false,
          })
        )?.[0];
  if (!source) return false;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Backend Skill Map: cannot read {0}: {1}', source.fsPath, (err as Error).message));
    return false;
  }
  const checked = parseStore(text);
  if (!('store' in checked)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Backend Skill Map: {0} was not imported: {1}.', source.fsPath, checked.problem));
    return false;
  }
  await profile.replace(mergeStores(await profile.storage.read(), checked.store), `imported ${source.fsPath}`);
  return true;
}

/**
 * Export Profile as Markdown: the résumé of every project in the profile, in a new unsaved editor.
 * Called with `{ noUi: true }` it returns the text instead.
 */
async function exportMarkdown(profile: Profile, arg?: unknown): Promise<string | undefined> {
  if (offMessage()) return undefined;
  const store = await profile.storage.read();
  if (!Object.keys(store.projects).length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Backend Skill Map: your profile holds no project.'));
    return undefined;
  }
  const text = profileMarkdown(store, profile.catalog?.skills);
  if (arg && typeof arg === 'object' && (arg as { noUi?: unknown }).noUi) return text;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
  return text;
}

/** The profile's commands; arguments skip their prompts (for tests and other extensions). */
export function registerProfileCommands(profile: Profile, timeline: TimelinePanel): vscode.Disposable {
  const table: Record<string, (arg?: unknown) => unknown> = {
    [PROFILE_COMMANDS.add]: () => !offMessage() && profile.addOpenProject('command'),
    [PROFILE_COMMANDS.remove]: () => {
      const open = openProject();
      return open ? profile.forget(open.key) : false;
    },
    [PROFILE_COMMANDS.forget]: (arg) => forget(profile, arg),
    [PROFILE_COMMANDS.forgetAll]: (arg) => forgetAll(profile, arg),
    [PROFILE_COMMANDS.export]: (arg) => exportStore(profile, arg),
    [PROFILE_COMMANDS.import]: (arg) => importStore(profile, arg),
    [PROFILE_COMMANDS.exportMarkdown]: (arg) => exportMarkdown(profile, arg),
    [PROFILE_COMMANDS.timeline]: () => timeline.show(),
    [PROFILE_COMMANDS.openProject]: (arg) =>
      typeof arg === 'string' && vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.parse(arg), { forceNewWindow: true }),
  };
  return vscode.Disposable.from(...Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler)));
}
