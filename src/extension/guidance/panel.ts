import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Evidence } from '../../core';
import type { ScanSession } from '../session';
import type { Marks } from '../marks';
import { countsAsPractised } from '../tree/model';
import { COMMANDS } from '../commands/ids';
import { guidanceSections, isSafeLink, planPatch, sectionsPageHtml, type GuidanceContent, type GuidanceSection } from './render';
import { softGuidanceSections } from './softRender';

export const GUIDANCE_VIEW_TYPE = 'backendSkillMap.guidance';

interface Open {
  panel: vscode.WebviewPanel;
  evidence: Evidence[];
  /** The sections the page shows (or will, once it has applied the updates sent). */
  sections: GuidanceSection[];
  /** Updates sent to the page, and the last one it reported applied. */
  sent: number;
  applied: number;
  /** The status the page showed after its last update (its own words, from the DOM). */
  shownStatus?: string;
  /** webview.html is older than the page: set it again when the page is hidden, before it is reloaded. */
  htmlStale: boolean;
}

/** What the page keeps in its webview state (media/guidance.js), read back after a window reload. */
interface PageState {
  skillId?: unknown;
}

/** A page as the tests see it. */
export interface GuidanceProbe {
  html: string;
  sent: number;
  applied: number;
  shownStatus?: string;
  sections: GuidanceSection[];
}

/** What a page shows, for a technical skill or a soft skill alike. */
interface PageContent {
  title: string;
  sections: GuidanceSection[];
  /** Rows in the order the page numbers them (data-evidence indexes into this). */
  evidence: Evidence[];
}

type Message =
  | { type: 'link'; index: number }
  | { type: 'evidence'; index: number }
  | { type: 'mark'; action: string }
  | { type: 'patched'; version: number; status?: unknown };

/**
 * One webview panel per skill, kept up to date as the map and the marks change. An open, visible page
 * is patched in place (its scroll position and focus stay); a hidden one gets new HTML, since the
 * editor reloads it when it is shown again. After a window reload the serializer brings pages back.
 */
export class GuidancePanels implements vscode.Disposable {
  private readonly open = new Map<string, Open>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly serializer: vscode.WebviewPanelSerializer<unknown> = {
    deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
  };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: ScanSession,
    private readonly marks: Marks,
  ) {
    this.subscriptions.push(
      session.onDidChangeMap(() => this.updateAll()),
      marks.onDidChange(() => this.updateAll()),
    );
  }

  /** Skill ids whose guidance is open (for tests). */
  openSkills(): string[] {
    return [...this.open.keys()];
  }

  /** The page of a skill, as the tests see it. */
  probe(skillId: string): GuidanceProbe | undefined {
    const entry = this.open.get(skillId);
    if (!entry) return undefined;
    const { sent, applied, shownStatus, sections } = entry;
    return { html: entry.panel.webview.html, sent, applied, shownStatus, sections };
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
    const panel = vscode.window.createWebviewPanel(GUIDANCE_VIEW_TYPE, skill.title, vscode.ViewColumn.Active, this.webviewOptions());
    this.adopt(skillId, panel);
    return panel;
  }

  /** A page the editor kept across a window reload: shown again for the skill its state names. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state && typeof state === 'object' ? (state as PageState).skillId : undefined;
    const skillId = typeof saved === 'string' ? saved : undefined;
    this.session.ensureStarted();
    if (!this.session.catalog) await this.session.whenIdle();
    const known = skillId !== undefined && this.find(skillId) !== undefined;
    if (!skillId || !known || this.open.has(skillId)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(skillId, panel);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private adopt(skillId: string, panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'guidance-light.svg'), dark: vscode.Uri.joinPath(media, 'guidance-dark.svg') };
    const entry: Open = { panel, evidence: [], sections: [], sent: 0, applied: 0, htmlStale: false };
    this.open.set(skillId, entry);
    panel.onDidDispose(() => this.open.delete(skillId));
    panel.onDidChangeViewState(() => {
      if (!panel.visible && entry.htmlStale) this.render(skillId, entry);
    });
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(skillId, m));
    this.render(skillId, entry);
  }

  private updateAll(): void {
    for (const [id, entry] of this.open) this.update(id, entry);
  }

  /** The skill's reason in the editor's language. */
  private reasonOf(skillId: string): string | undefined {
    const message = this.session.map?.skills.find((s) => s.id === skillId)?.reasonMessage;
    return message && vscode.l10n.t(message.template, ...message.args);
  }

  private content(skillId: string): GuidanceContent | undefined {
    const catalog = this.session.catalog;
    const skill = catalog?.skills.find((s) => s.id === skillId);
    if (!catalog || !skill) return undefined;
    const map = this.session.map;
    const result = map?.skills.find((s) => s.id === skillId);
    const prerequisites = skill.prerequisites.map((id) => {
      const r = map?.skills.find((s) => s.id === id);
      return {
        title: catalog.skills.find((s) => s.id === id)?.title ?? id,
        practised: r ? countsAsPractised(r, this.marks.get(id)) : false,
      };
    });
    const evidence = result?.evidence ?? [];
    const { multiRoot } = this.session;
    return {
      skill,
      result,
      mark: this.marks.get(skillId),
      prerequisites,
      evidence,
      multiRoot,
      reason: this.reasonOf(skillId),
      l10n: vscode.l10n,
    };
  }

  /** The page of a technical skill or a soft skill, as sections. */
  private page(skillId: string): PageContent | undefined {
    const content = this.content(skillId);
    if (content) return { title: content.skill.title, sections: guidanceSections(content), evidence: content.evidence ?? [] };
    const soft = this.session.catalog?.softSkills.find((s) => s.id === skillId);
    if (!soft) return undefined;
    const signals = this.session.map?.softSkills.find((s) => s.id === skillId)?.signals ?? [];
    const sections = softGuidanceSections({
      skill: soft,
      mark: this.marks.get(skillId),
      signals,
      multiRoot: this.session.multiRoot,
      l10n: vscode.l10n,
    });
    return { title: soft.title, sections, evidence: signals };
  }

  /** A new map or mark: a visible page is patched in place, a hidden one gets new HTML. */
  private update(skillId: string, entry: Open): void {
    if (!entry.panel.visible) {
      this.render(skillId, entry);
      return;
    }
    const page = this.page(skillId);
    if (!page) return;
    const patch = planPatch(entry.sections, page.sections);
    entry.evidence = page.evidence;
    entry.sections = page.sections;
    entry.panel.title = page.title;
    if (!patch) return;
    entry.sent++;
    entry.htmlStale = true;
    void entry.panel.webview.postMessage({ type: 'update', version: entry.sent, title: page.title, ...patch });
  }

  /** The whole page as new HTML (the page reloads). */
  private render(skillId: string, entry: Open): void {
    const page = this.page(skillId);
    if (!page) return;
    const webview = entry.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    entry.evidence = page.evidence;
    entry.sections = page.sections;
    entry.htmlStale = false;
    entry.panel.title = page.title;
    webview.html = sectionsPageHtml(
      page.title,
      page.sections,
      {
        lang: vscode.env.language,
        cspSource: webview.cspSource,
        nonce: randomBytes(16).toString('base64'),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'guidance.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'guidance.css')).toString(),
      },
      skillId,
    );
  }

  private async onMessage(skillId: string, raw: unknown): Promise<void> {
    if (!raw || typeof raw !== 'object') return;
    const msg = raw as Message;
    const skill = this.find(skillId);
    if (!skill) return;
    if (msg.type === 'patched' && Number.isInteger(msg.version)) {
      const entry = this.open.get(skillId);
      if (entry) {
        entry.applied = Math.max(entry.applied, msg.version);
        entry.shownStatus = typeof msg.status === 'string' ? msg.status : undefined;
      }
    } else if (msg.type === 'link' && Number.isInteger(msg.index)) {
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
