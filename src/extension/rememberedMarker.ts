import * as vscode from 'vscode';
import type { Remembered, ScanSession } from './session';

/** The words above the tree while it shows the map the last session left. */
export function rememberedMessage(mark: Remembered | undefined): string | undefined {
  if (mark === 'checking') return vscode.l10n.t('Remembered from the last session. Checking for changes…');
  if (mark === 'unchecked') return vscode.l10n.t('Remembered from the last session, not checked. Refresh to scan.');
  return undefined;
}

/** Marks the Skills view while its map is a remembered one, until the check replaces it. */
export function showRememberedMarker(session: ScanSession, view: vscode.TreeView<unknown>): vscode.Disposable {
  const set = () => (view.message = rememberedMessage(session.remembered));
  set();
  return session.onDidChangeRemembered(set);
}
