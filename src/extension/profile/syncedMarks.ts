import type * as vscode from 'vscode';
import { checkStoredMarks, MARKS_KEY } from '../markState';

const MIGRATED_KEY = 'backendSkillMap.marksMovedToProfile';

/**
 * Manual marks belong to the user, not to one folder: they live in the global state, under a key
 * the editor's Settings Sync carries when the user has turned it on. The marks a workspace kept
 * before are moved over once; on a clash the profile's mark stays.
 */
export async function moveMarksToProfile(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<number> {
  context.globalState.setKeysForSync([MARKS_KEY]);
  if (context.workspaceState.get<boolean>(MIGRATED_KEY)) return 0;
  const local = checkStoredMarks(context.workspaceState.get<unknown>(MARKS_KEY)).marks;
  const global = checkStoredMarks(context.globalState.get<unknown>(MARKS_KEY)).marks;
  const moved = Object.keys(local).filter((id) => !(id in global));
  if (moved.length) {
    await context.globalState.update(MARKS_KEY, { ...local, ...global });
    log.info(`marks: ${moved.length} mark(s) of this workspace moved to the profile (${moved.join(', ')})`);
  }
  await context.workspaceState.update(MIGRATED_KEY, true);
  return moved.length;
}
