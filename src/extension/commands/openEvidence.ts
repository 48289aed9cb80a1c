import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

interface EvidenceTarget {
  file: string;
  line: number;
  folder?: string;
  /** Open beside the active editor (from a guidance page) instead of in it. */
  beside?: boolean;
}

/** Opens an evidence row's file with its line selected and in view (tree rows, guidance links). */
export function openEvidence(deps: CommandDeps) {
  return async (arg?: EvidenceTarget): Promise<vscode.TextEditor | undefined> => {
    if (!arg || typeof arg.file !== 'string' || typeof arg.line !== 'number') return undefined;
    const uri = deps.session.uriOf(arg.file, arg.folder);
    if (!uri) return undefined;
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const index = Math.min(Math.max(arg.line - 1, 0), Math.max(doc.lineCount - 1, 0));
      const range = doc.lineAt(index).range;
      const editor = await vscode.window.showTextDocument(doc, {
        selection: range,
        preview: true,
        viewColumn: arg.beside ? vscode.ViewColumn.Beside : undefined,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    } catch (err) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Backend Skill Map: cannot open {0}: {1}', arg.file, (err as Error).message));
      return undefined;
    }
  };
}
