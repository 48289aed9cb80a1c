import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { COMMANDS } from './ids';
import { refresh } from './refresh';
import { filter } from './filter';
import { suggestNext } from './suggestNext';
import { exportMarkdown } from './exportMarkdown';
import { openGuidance } from './openGuidance';
import { revealInTree } from './revealInTree';
import { markDone } from './markDone';
import { markSkipped } from './markSkipped';
import { clearMark } from './clearMark';
import { showLog } from './showLog';
import { openEvidence } from './openEvidence';
import { excludeFromMap } from './excludeFromMap';
import { notEvidence } from './notEvidence';

type Handler = Parameters<typeof vscode.commands.registerCommand>[1];

/** Every command in one table: id → handler. */
export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const table: Record<(typeof COMMANDS)[keyof typeof COMMANDS], Handler> = {
    [COMMANDS.refresh]: refresh(deps),
    [COMMANDS.filter]: filter(deps),
    [COMMANDS.suggestNext]: suggestNext(deps),
    [COMMANDS.exportMarkdown]: exportMarkdown(deps),
    [COMMANDS.openGuidance]: openGuidance(deps),
    [COMMANDS.revealInTree]: revealInTree(deps),
    [COMMANDS.markDone]: markDone(deps),
    [COMMANDS.markSkipped]: markSkipped(deps),
    [COMMANDS.clearMark]: clearMark(deps),
    [COMMANDS.showLog]: showLog(deps),
    [COMMANDS.openEvidence]: openEvidence(deps),
    [COMMANDS.excludeFromMap]: excludeFromMap(deps),
    [COMMANDS.notEvidence]: notEvidence(deps),
  };
  return vscode.Disposable.from(...Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler)));
}
