import * as vscode from 'vscode';

/** Where a command writes a setting: user settings, the workspace, or (multi-root) one folder. */
export type ScopeId = 'user' | 'workspace' | 'folder';

interface Scope {
  id: ScopeId;
  target: vscode.ConfigurationTarget;
  /** For the log and messages: "user settings", "workspace settings", "settings of folder api". */
  name: string;
}

function scopeOf(id: ScopeId, folder: vscode.WorkspaceFolder): Scope {
  switch (id) {
    case 'user':
      return { id, target: vscode.ConfigurationTarget.Global, name: 'user settings' };
    case 'workspace':
      return { id, target: vscode.ConfigurationTarget.Workspace, name: 'workspace settings' };
    case 'folder':
      return { id, target: vscode.ConfigurationTarget.WorkspaceFolder, name: `settings of folder ${folder.name}` };
  }
}

function isScopeId(value: unknown): value is ScopeId {
  return value === 'user' || value === 'workspace' || value === 'folder';
}

/**
 * Asks where to write: this workspace or user settings, and in a multi-root workspace the folder
 * itself. A scope given by the caller skips the question (as Filter's argument does).
 */
export async function pickScope(folder: vscode.WorkspaceFolder, title: string, given?: unknown): Promise<Scope | undefined> {
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  if (isScopeId(given) && (given !== 'folder' || multiRoot)) return scopeOf(given, folder);
  const items: (vscode.QuickPickItem & { id: ScopeId })[] = [
    ...(multiRoot
      ? [
          {
            id: 'folder' as const,
            label: vscode.l10n.t('Folder {0}', folder.name),
            detail: vscode.l10n.t("In {0}'s .vscode/settings.json", folder.name),
          },
        ]
      : []),
    {
      id: 'workspace',
      label: vscode.l10n.t('This workspace'),
      detail: multiRoot
        ? vscode.l10n.t('In the workspace file, for every folder')
        : vscode.l10n.t('In .vscode/settings.json, shared with whoever opens the folder'),
    },
    { id: 'user', label: vscode.l10n.t('User settings'), detail: vscode.l10n.t('Only for you, in every workspace') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Save this in which settings?') });
  return picked ? scopeOf(picked.id, folder) : undefined;
}

/**
 * Adds an entry to one of our list settings at exactly that scope (the other scopes' values are not
 * copied in). False when an entry that `same` recognises is there already.
 */
export async function addToListSetting(
  key: string,
  entry: unknown,
  scope: Scope,
  folder: vscode.WorkspaceFolder,
  same: (existing: unknown) => boolean,
): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('backendSkillMap', folder.uri);
  const info = config.inspect<unknown>(key);
  const current =
    scope.target === vscode.ConfigurationTarget.Global
      ? info?.globalValue
      : scope.target === vscode.ConfigurationTarget.Workspace
        ? info?.workspaceValue
        : info?.workspaceFolderValue;
  const list = Array.isArray(current) ? current : [];
  if (list.some(same)) return false;
  await config.update(key, [...list, entry], scope.target);
  return true;
}
