import * as vscode from 'vscode';
import { buildTree, findNode, type Filter, type RootNode, type TreeNode } from './model';
import type { ScanSession } from '../session';
import type { Marks } from '../marks';
import { visibleTiers } from '../settings';
import { toTreeItem } from './nodes';

/** Feeds the skill tree from the session's map; rebuilds the rows whenever the map, marks or filter change. */
export class SkillTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: RootNode[] = [];
  private _filter: Filter = 'all';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly session: ScanSession,
    private readonly marks: Marks,
  ) {
    this.subscriptions.push(
      session.onDidChangeMap(() => this.rebuild()),
      marks.onDidChange(() => this.rebuild()),
    );
  }

  get filter(): Filter {
    return this._filter;
  }

  setFilter(filter: Filter): void {
    this._filter = filter;
    this.rebuild();
  }

  rebuild(): void {
    const { map, catalog } = this.session;
    const hasEvidence = !!map && map.skills.some((s) => s.evidence.length);
    this.roots =
      map && catalog && (hasEvidence || this.marks.snapshot().size)
        ? buildTree({
            map,
            catalog,
            marks: this.marks.snapshot(),
            filter: this._filter,
            tiers: visibleTiers(),
            multiRoot: this.session.multiRoot,
            l10n: vscode.l10n,
          })
        : [];
    this.changed.fire();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, (file, folder) => this.session.uriOf(file, folder));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** The row for a skill as currently shown, if the filter and tiers let it show. */
  skillNode(skillId: string): TreeNode | undefined {
    return findNode(this.roots, `skill:${skillId}`) ?? findNode(this.roots, `soft:${skillId}`);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
