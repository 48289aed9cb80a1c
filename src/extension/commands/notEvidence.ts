import * as vscode from 'vscode';
import { formatDismissal, parseDismissal } from '../../core';
import type { CommandDeps } from './deps';
import { disputeTarget } from './disputeTarget';
import { addToListSetting, pickScope } from './settingsScope';

/**
 * Backend Skill Map: Not evidence — on an evidence row: its rule proves nothing in that file. Adds
 * "<rule> in <file>" to backendSkillMap.dismissed in the settings the user picks; the settings
 * watcher rescans and the engine leaves that evidence out. Returns the entry added.
 */
export function notEvidence(deps: CommandDeps) {
  return async (arg?: unknown, _selection?: unknown, scopeArg?: unknown): Promise<string | undefined> => {
    const target = disputeTarget(arg);
    const evidence = target?.evidence;
    if (!target || !evidence) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Backend Skill Map: "Not evidence" applies to an evidence row of the Skills view.'),
      );
      return undefined;
    }
    const entry = formatDismissal({ rule: evidence.rule, file: evidence.file });
    const scope = await pickScope(target.folder, vscode.l10n.t('Not evidence: {0} in {1}', evidence.rule, evidence.file), scopeArg);
    if (!scope) return undefined;
    const added = await addToListSetting('dismissed', entry, scope, target.folder, (v) => {
      const d = parseDismissal(v);
      return d !== undefined && formatDismissal(d) === entry;
    });
    deps.log.info(`${added ? 'not evidence' : 'already not evidence'}: ${entry} (backendSkillMap.dismissed, ${scope.name})`);
    return entry;
  };
}
