import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Evidence } from '../../core';
import type { TreeNode } from '../tree/model';

/** What "Exclude from skill map" and "Not evidence" act on: a path inside one workspace folder. */
export interface DisputeTarget {
  folder: vscode.WorkspaceFolder;
  /** POSIX, relative to the folder; '' for the folder itself. */
  relPath: string;
  /** The evidence row it came from, if it came from one. */
  evidence?: Evidence;
}

/** An evidence row of the Skills view, as the view passes it to a context-menu command. */
export function evidenceOf(arg: unknown): Evidence | undefined {
  const node = arg as TreeNode | undefined;
  return node && typeof node === 'object' && node.kind === 'evidence' ? node.evidence : undefined;
}

/** The folder an evidence row belongs to: named in a multi-root map, else the only one. */
function folderOfEvidence(e: Evidence): vscode.WorkspaceFolder | undefined {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  return e.folder ? folders.find((f) => f.name === e.folder) : folders[0];
}

/** From an evidence row, or a file or folder URI (the Explorer's context menu, the active editor). */
export function disputeTarget(arg: unknown): DisputeTarget | undefined {
  const evidence = evidenceOf(arg);
  if (evidence) {
    const folder = folderOfEvidence(evidence);
    return folder ? { folder, relPath: evidence.file, evidence } : undefined;
  }
  if (!(arg instanceof vscode.Uri) || arg.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(arg);
  if (!folder) return undefined;
  const rel = path.relative(folder.uri.fsPath, arg.fsPath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return { folder, relPath: rel.split(path.sep).join('/') };
}
