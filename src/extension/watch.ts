import * as vscode from 'vscode';
import type { ScanSession } from './session';
import { affectsSwitch, needsRedraw, needsRescan, switchedOn } from './settings';

/**
 * Keeps the map live. File events come from the editor's own watcher (no process of ours) and
 * saves; the session re-reads each changed file alone after a short pause and ignores files that
 * cannot hold evidence. Settings and workspace-folder changes call for a full scan; a change of
 * the shown tiers only for a redraw.
 */
export function watchWorkspace(session: ScanSession, redraw: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((uri) => session.queueChange(uri, false, true)),
    watcher.onDidChange((uri) => session.queueChange(uri, false)),
    watcher.onDidDelete((uri) => session.queueChange(uri, true)),
    vscode.workspace.onDidSaveTextDocument((doc) => session.queueChange(doc.uri, false)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void session.rescanIfStarted('workspace folders changed')),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Start-up scanning switched on: what it would have done at start-up, it does now.
      if (affectsSwitch(e, 'scanOnStartup') && switchedOn('scanOnStartup')) session.ensureStarted();
      if (needsRescan(e)) void session.rescanIfStarted('settings changed');
      else if (needsRedraw(e)) redraw();
    }),
  );
}
