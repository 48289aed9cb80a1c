import type * as vscode from 'vscode';
import type { ScanSession } from '../session';
import type { Marks } from '../marks';
import type { SkillTreeProvider } from '../tree/provider';
import type { TreeNode } from '../tree/model';
import type { GuidancePanels } from '../guidance/panel';
import type { Profile } from '../profile/profile';

/** What the commands work on. */
export interface CommandDeps {
  session: ScanSession;
  marks: Marks;
  tree: SkillTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
  guidance: GuidancePanels;
  log: vscode.LogOutputChannel;
  /** Where the profile shows each skill, for Suggest next skill. */
  profile?: Profile;
}
