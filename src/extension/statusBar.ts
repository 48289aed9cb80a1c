import * as vscode from 'vscode';
import type { ScanSession } from './session';
import type { Marks } from './marks';
import { affectsSwitch, switchedOn, visibleTiers } from './settings';
import { countsAsPractised } from './tree/model';
import { VIEW_ID } from './session';

/** What the item shows, or undefined while it is hidden (for tests). */
export interface StatusInfo {
  text: string;
  /** Its tooltip's first line and its accessible label: "9 of 21 backend skills practised". */
  label: string;
  command: string;
}

/**
 * "$(checklist) Skills 9/21": practised skills over all shown skills; a click reveals the Skills view.
 * Shown only while the map has evidence (or the catalogue failed) and `backendSkillMap.statusBar` is on.
 */
export class SkillStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('backendSkillMap.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private shown: StatusInfo | undefined;

  constructor(
    private readonly session: ScanSession,
    private readonly marks: Marks,
  ) {
    this.item.name = 'Backend Skill Map';
    this.item.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Show the Skills view') };
    this.subscriptions = [
      session.onDidChangeMap(() => this.update()),
      session.onDidChangeState(() => this.update()),
      marks.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSwitch(e, 'statusBar')) this.update();
      }),
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

  /** The item as shown, or undefined while hidden (for tests). */
  get info(): StatusInfo | undefined {
    return this.shown;
  }

  update(): void {
    const { map, catalog, state } = this.session;
    if (!switchedOn('statusBar')) return this.hide();
    if (state === 'error') {
      const label = vscode.l10n.t('Backend Skill Map: the skill catalogue could not be loaded');
      return this.show(`$(warning) ${vscode.l10n.t('Skills')}`, label, vscode.l10n.t('{0}. See the output channel.', label));
    }
    if (!map || !catalog || !map.skills.some((s) => s.evidence.length)) return this.hide();
    const tiers = visibleTiers();
    const shown = map.skills.filter((s) => tiers.includes(s.tier));
    const practised = shown.filter((s) => countsAsPractised(s, this.marks.get(s.id))).length;
    const started = shown.filter((s) => s.status === 'started' && !this.marks.get(s.id)).length;
    const label = vscode.l10n.t('{0} of {1} backend skills practised', practised, shown.length);
    const md = new vscode.MarkdownString(
      `**${label}**` +
        (started ? vscode.l10n.t(', {0} started', started) : '') +
        '\n\n' +
        vscode.l10n.t('Scanned {0} files in {1} ms. Click to show the Skills view.', map.stats.files, map.stats.ms),
    );
    const icon = state === 'scanning' ? '$(sync~spin)' : '$(checklist)';
    this.show(`${icon} ${vscode.l10n.t('Skills {0}/{1}', practised, shown.length)}`, label, md);
  }

  private show(text: string, label: string, tooltip: string | vscode.MarkdownString): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label, role: 'button' };
    this.item.show();
    this.shown = { text, label, command: `${VIEW_ID}.focus` };
  }

  private hide(): void {
    this.item.hide();
    this.shown = undefined;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
