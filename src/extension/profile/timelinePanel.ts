import * as vscode from 'vscode';
import type { Profile } from './profile';
import { timeline } from './combine';
import { renderTimelineHtml } from './timelineHtml';

export const TIMELINE_VIEW_TYPE = 'backendSkillMap.timeline';

/** The one timeline page: opened by a command, redrawn when the profile changes. */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly profile: Profile,
  ) {
    this.subscription = profile.onDidChange(() => this.render());
  }

  /** The page's HTML while it is open (for tests). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, vscode.l10n.t('Skills over time'), vscode.ViewColumn.Active, {
      enableScripts: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.panel.onDidDispose(() => (this.panel = undefined));
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    const webview = this.panel.webview;
    webview.html = renderTimelineHtml({
      timeline: timeline(this.profile.snapshot, new Date()),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline.css')).toString(),
      lang: vscode.env.language,
      l10n: vscode.l10n,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
