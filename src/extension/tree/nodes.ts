import * as vscode from 'vscode';
import type { TreeNode } from './model';
import { COMMANDS } from '../commands/ids';
import { accessibleLabel } from './accessibility';

/** Turns a row of the model into what the tree widget draws. */
export function toTreeItem(node: TreeNode, uriOf: (file: string, folder?: string) => vscode.Uri | undefined): vscode.TreeItem {
  const state = node.children.length
    ? node.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.description = node.description;
  item.contextValue = node.contextValue;
  if (node.tooltip) {
    const md = new vscode.MarkdownString(node.tooltip);
    md.supportThemeIcons = true;
    item.tooltip = md;
  }
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
  const spoken = accessibleLabel(node, vscode.l10n);
  if (spoken) item.accessibilityInformation = { label: spoken, role: 'treeitem' };
  switch (node.kind) {
    case 'evidence': {
      const uri = uriOf(node.evidence.file, node.evidence.folder);
      if (uri) {
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
      }
      item.command = {
        command: COMMANDS.openEvidence,
        title: vscode.l10n.t('Open evidence'),
        arguments: [{ file: node.evidence.file, line: node.evidence.line, folder: node.evidence.folder }],
      };
      break;
    }
    case 'howToLearn':
      item.command = { command: COMMANDS.openGuidance, title: vscode.l10n.t('Open guidance'), arguments: [node.skillId] };
      break;
    default:
      break;
  }
  return item;
}
