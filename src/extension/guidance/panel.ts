import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { reasonsFor, type Evidence } from '../../core';
import type { ScanSession } from '../session';
import type { Marks } from '../marks';
import { countsAsPractised } from '../tree/model';
import { COMMANDS } from '../commands/ids';
import { isSafeLink, renderGuidanceHtml } from './render';
import { renderSoftGuidanceHtml } from './softRender';

interface Open {
  panel: vscode.WebviewPanel;
  evidence: Evidence[];
}

type Message = { type: 'link'; index: number } | { type: 'evidence'; index: number } | { type: 'mark'; action: string };

/** One webview panel per skill, kept up to date as the map and the marks change. */
export class GuidancePanels implements vscode.Disposable {
  private readonly open = new Map<string, Open>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: ScanSession,
    private readonly marks: Marks,
  ) {
    this.subscriptions.push(
      session.onDidChangeMap(() => this.renderAll()),
      marks.onDidChange(() => this.renderAll()),
    );
  }

  /** Skill ids whose guidance is open (for tests). */
  openSkills(): string[] {
    return [...this.open.keys()];
  }

  /** A technical skill or a soft skill of the catalogue, by id. */
  private find(skillId: string) {
    const catalog = this.session.catalog;
    return catalog?.skills.find((s) => s.id === skillId) ?? catalog?.softSkills.find((s) => s.id === skillId);
  }

  show(skillId: string): vscode.WebviewPanel | undefined {
    const skill = this.find(skillId);
    if (!skill) return undefined;
    const existing = this.open.get(skillId);
    if (existing) {
      existing.panel.reveal();
      return existing.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('backendSkillMap.guidance', skill.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.svg');
    const entry: Open = { panel, evidence: [] };
    this.open.set(skillId, entry);
    panel.onDidDispose(() => this.open.delete(skillId));
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(skillId, m));
    this.render(skillId, entry);
    return panel;
  }

  private renderAll(): void {
    for (const [id, entry] of this.open) this.render(id, entry);
  }

  /** The skill's reason in the editor's language. */
  private reasonOf(skillId: string): string | undefined {
    const { map, catalog } = this.session;
    const message = map && catalog ? reasonsFor(map, catalog).get(skillId) : undefined;
    return message && vscode.l10n.t(message.template, ...message.args);
  }

  /** A soft skill's page: its guidance and the workspace's signals, no status. */
  private renderSoft(skillId: string, entry: Open): boolean {
    const soft = this.session.catalog?.softSkills.find((s) => s.id === skillId);
    if (!soft) return false;
    const webview = entry.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    entry.evidence = this.session.map?.softSkills.find((s) => s.id === skillId)?.signals ?? [];
    entry.panel.title = soft.title;
    webview.html = renderSoftGuidanceHtml({
      skill: soft,
      mark: this.marks.get(skillId),
      signals: entry.evidence,
      multiRoot: this.session.multiRoot,
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'guidance.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'guidance.css')).toString(),
    });
    return true;
  }

  private render(skillId: string, entry: Open): void {
    if (this.renderSoft(skillId, entry)) return;
    const catalog = this.session.catalog;
    const skill = catalog?.skills.find((s) => s.id === skillId);
    if (!catalog || !skill) return;
    const map = this.session.map;
    const result = map?.skills.find((s) => s.id === skillId);
    const webview = entry.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    entry.evidence = result?.evidence ?? [];
    const prerequisites = skill.prerequisites.map((id) => {
      const r = map?.skills.find((s) => s.id === id);
      return {
        title: catalog.skills.find((s) => s.id === id)?.title ?? id,
        practised: r ? countsAsPractised(r, this.marks.get(id)) : false,
      };
    });
    entry.panel.title = skill.title;
    webview.html = renderGuidanceHtml({
      skill,
      result,
      mark: this.marks.get(skillId),
      prerequisites,
      evidence: entry.evidence,
      multiRoot: this.session.multiRoot,
      reason: this.reasonOf(skillId),
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'guidance.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'guidance.css')).toString(),
    });
  }

  private async onMessage(skillId: string, raw: unknown): Promise<void> {
    if (!raw || typeof raw !== 'object') return;
    const msg = raw as Message;
    const skill = this.find(skillId);
    if (!skill) return;
    if (msg.type === 'link' && Number.isInteger(msg.index)) {
      const link = skill.links[msg.index];
      if (link && isSafeLink(link.url)) await vscode.env.openExternal(vscode.Uri.parse(link.url, true));
    } else if (msg.type === 'evidence' && Number.isInteger(msg.index)) {
      const ev = this.open.get(skillId)?.evidence[msg.index];
      if (ev)
        await vscode.commands.executeCommand(COMMANDS.openEvidence, { file: ev.file, line: ev.line, folder: ev.folder, beside: true });
    } else if (msg.type === 'mark') {
      const mark = msg.action === 'done' ? 'done' : msg.action === 'skipped' ? 'skipped' : msg.action === 'clear' ? undefined : null;
      if (mark !== null) await this.marks.set(skillId, mark);
    }
  }

  dispose(): void {
    for (const { panel } of this.open.values()) panel.dispose();
    this.open.clear();
    for (const d of this.subscriptions) d.dispose();
  }
}
