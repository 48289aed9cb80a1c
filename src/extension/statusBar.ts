import * as vscode from 'vscode';
import type { ScanSession } from './session';
import type { Marks } from './marks';
import { visibleTiers } from './settings';
import { countsAsPractised } from './tree/model';
import { VIEW_ID } from './session';

/** "$(checklist) Skills 9/21": practised skills over all shown skills; a click opens the tree. */
export class SkillStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('backendSkillMap.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: ScanSession,
    private readonly marks: Marks,
  ) {
    this.item.name = 'Backend Skill Map';
    this.item.command = { command: `${VIEW_ID}.focus`, title: 'Show the skill tree' };
    this.subscriptions = [
      session.onDidChangeMap(() => this.update()),
      session.onDidChangeState(() => this.update()),
      marks.onDidChange(() => this.update()),
    ];
    this.update();
  }

  /** What the item says now (for tests). */
  get text(): string {
    return this.item.text;
  }

  /** What a screen reader says for the item (for tests). */
  get accessibleLabel(): string | undefined {
    return this.item.accessibilityInformation?.label;
  }

  update(): void {
    const { map, catalog, state } = this.session;
    if (state === 'noFolder') {
      this.item.hide();
      return;
    }
    if (state === 'error') {
      this.item.text = '$(warning) Skills';
      this.item.tooltip = 'Backend Skill Map: the skill catalogue could not be loaded. See the output channel.';
      this.item.show();
      return;
    }
    if (!map || !catalog) {
      this.item.text = '$(sync~spin) Skills';
      this.item.tooltip = 'Backend Skill Map: scanning the workspace';
      this.item.show();
      return;
    }
    const tiers = visibleTiers();
    const shown = map.skills.filter((s) => tiers.includes(s.tier));
    const practised = shown.filter((s) => countsAsPractised(s, this.marks.get(s.id))).length;
    this.item.text = `${state === 'scanning' ? '$(sync~spin)' : '$(checklist)'} Skills ${practised}/${shown.length}`;
    const started = shown.filter((s) => s.status === 'started' && !this.marks.get(s.id)).length;
    const md = new vscode.MarkdownString(
      `**Backend Skill Map**\n\n${practised} of ${shown.length} skills practised` +
        (started ? `, ${started} started` : '') +
        `\n\nScanned ${map.stats.files} files in ${map.stats.ms} ms. Click to show the skill tree.`,
    );
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: `${practised} of ${shown.length} backend skills practised`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
