/**
 * Backend Skill Map for VS Code: this file only wires the parts together.
 *
 *   session.ts         the scan state: catalogue, one Scanner per folder, the merged map
 *   scanStores.ts      what the last scan gave per file, in workspace storage: reopening reads only changes
 *   rememberedMarker.ts  "Checking for changes…" above the tree while it shows the remembered map
 *   scanScheduler.ts   when scans and file updates run (one scan at a time, updates batched)
 *   tree/              the Skills view (model → nodes → provider)
 *   hover.ts           hover hints on lines that prove a skill (backendSkillMap.hovers)
 *   guidance/          one webview page per skill, patched in place, restored after a reload
 *   commands/          one file per command, registered from commands/index.ts
 *   statusBar.ts       "Skills 9/21", hidden while the map has no evidence (backendSkillMap.statusBar)
 *   settings.ts        what the settings say, and the switches that turn parts on and off live
 *   watch.ts           live updates from file events, saves, settings and folder changes
 *   marks.ts           skills marked done or skipped by hand (kept in the synced global state)
 *   profile/           the profile across projects: its view, timeline, store and commands
 */
import * as vscode from 'vscode';
import { ScanSession, VIEW_ID } from './session';
import { extensionBuild } from './scanStores';
import { showRememberedMarker } from './rememberedMarker';
import { Marks } from './marks';
import { SkillTreeProvider } from './tree/provider';
import { GUIDANCE_VIEW_TYPE, GuidancePanels } from './guidance/panel';
import { EvidenceHoverProvider, HOVER_SELECTOR } from './hover';
import { SkillStatusBar } from './statusBar';
import { registerCommands } from './commands';
import { watchWorkspace } from './watch';
import { publishContextKeys } from './contextKeys';
import { switchedOn, whileSwitchedOn } from './settings';
import type { BackendSkillMapApi } from './api';
import { moveMarksToProfile, startProfile } from './profile';

export function activate(context: vscode.ExtensionContext): BackendSkillMapApi {
  const activationStart = performance.now();
  const log = vscode.window.createOutputChannel('Backend Skill Map', { log: true });
  const session = new ScanSession(
    vscode.Uri.joinPath(context.extensionUri, 'skills').fsPath,
    log,
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'catalog.json').fsPath,
    context.storageUri?.fsPath,
    extensionBuild(String(context.extension.packageJSON.version), vscode.Uri.joinPath(context.extensionUri, 'dist', 'extension.js').fsPath),
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'check-worker.js').fsPath,
  );
  const marks = new Marks(context.globalState, log);
  const tree = new SkillTreeProvider(session, marks);
  const marksMoved = moveMarksToProfile(context, log).then(() => tree.rebuild());
  const { profile, timeline, profileTree, disposable: profileParts } = startProfile(context, session, log);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const guidance = new GuidancePanels(context.extensionUri, session, marks);
  const hover = new EvidenceHoverProvider(session, marks);
  const statusBar = new SkillStatusBar(session, marks);

  context.subscriptions.push(
    log,
    session,
    marks,
    tree,
    treeView,
    guidance,
    vscode.window.registerWebviewPanelSerializer(GUIDANCE_VIEW_TYPE, guidance.serializer),
    hover,
    statusBar,
    publishContextKeys(session),
    showRememberedMarker(session, treeView),
    whileSwitchedOn('hovers', () => vscode.languages.registerHoverProvider(HOVER_SELECTOR, hover)),
    profileParts,
    registerCommands({ session, marks, tree, treeView, guidance, log, profile }),
    watchWorkspace(session, () => {
      tree.rebuild();
      statusBar.update();
    }),
  );

  // No scanning on the activation path: the first scan starts once activate has returned, or, with
  // backendSkillMap.scanOnStartup off, on Refresh or the first command that needs the map.
  const timer = setTimeout(() => (switchedOn('scanOnStartup') ? session.ensureStarted() : void session.waitForRequest()), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  return {
    getSkillMap: () => session.map,
    getState: () => session.state,
    getTreeProvider: () => tree,
    getStatusText: () => statusBar.text,
    getStatusAccessibleLabel: () => statusBar.accessibleLabel,
    getStatus: () => statusBar.info,
    getOpenGuidance: () => guidance.openSkills(),
    probeGuidance: (skillId) => guidance.probe(skillId),
    restoreGuidance: (panel, state) => guidance.serializer.deserializeWebviewPanel(panel, state),
    getRuleProblemNotices: () => session.ruleProblemNotices,
    getProfile: () => ({ store: profile.snapshot, skills: profile.skills, place: profile.storage.uri, setAside: profile.storage.setAside }),
    getProfileRows: () => profileTree.rows(),
    whenProfileHistorySettled: () => profile.historySettled(),
    getProfileOffers: () => profile.offers,
    getTimelineHtml: () => timeline.html,
    whenMarksMoved: () => marksMoved,
    getRemembered: () => session.remembered,
    getTreeMessage: () => treeView.message,
    getRememberedShown: () => session.rememberedShown,
    getFirstCompleteMs: () => session.firstCompleteAtMs,
    getFirstCompleteCpuMs: () => session.firstCompleteCpuMs,
    getReopenCheck: () => session.reopenCheck,
    flushScanStores: () => session.flushStores(),
    whenScanned: async () => {
      session.ensureStarted();
      await session.whenIdle();
    },
    activationMs: performance.now() - activationStart,
    activatedAt: activationStart,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
