import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { disputeTarget, type DisputeTarget } from './disputeTarget';
import { addToListSetting, pickScope } from './settingsScope';

/** `src/legacy/**` for a folder, the path itself for a file. */
async function globFor(target: DisputeTarget): Promise<string> {
  if (target.evidence) return target.relPath;
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(target.folder.uri, ...target.relPath.split('/')));
    return stat.type & vscode.FileType.Directory ? `${target.relPath}/**` : target.relPath;
  } catch {
    return target.relPath;
  }
}

/**
 * Backend Skill Map: Exclude from skill map — adds a glob for an evidence row's file, or a file or
 * folder of the Explorer (the active editor's file from the palette), to backendSkillMap.exclude in
 * the settings the user picks. The settings watcher rescans. Returns the glob added.
 */
export function excludeFromMap(deps: CommandDeps) {
  return async (arg?: unknown, _selection?: unknown, scopeArg?: unknown): Promise<string | undefined> => {
    const target = disputeTarget(arg ?? vscode.window.activeTextEditor?.document.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Backend Skill Map: choose a file or folder of the workspace to exclude.'));
      return undefined;
    }
    if (!target.relPath) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Backend Skill Map: {0} is a workspace folder; exclude the files or folders inside it instead.', target.folder.name),
      );
      return undefined;
    }
    const glob = await globFor(target);
    const scope = await pickScope(target.folder, vscode.l10n.t('Exclude {0} from the skill map', glob), scopeArg);
    if (!scope) return undefined;
    const added = await addToListSetting('exclude', glob, scope, target.folder, (g) => g === glob);
    deps.log.info(`${added ? 'excluded' : 'already excluded'} ${glob} (backendSkillMap.exclude, ${scope.name})`);
    return glob;
  };
}
