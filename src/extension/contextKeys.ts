import * as vscode from 'vscode';
import type { ScanSession } from './session';

/** `backendSkillMap.state` drives the Skills view's welcome content (scanning, empty, error). */
export function publishContextKeys(session: ScanSession): vscode.Disposable {
  const set = () => void vscode.commands.executeCommand('setContext', 'backendSkillMap.state', session.state);
  set();
  return session.onDidChangeState(set);
}
