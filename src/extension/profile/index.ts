/**
 * The profile across projects, wired together:
 *
 *   store.ts, combine.ts   plain data: the stored form, a scan folded in, the view's and timeline's rows,
 *                          whose lines, suggestions ranked with the profile
 *   storage.ts             the file in global storage (atomic writes; a bad file is set aside)
 *   profile.ts             remembers completed scans of added projects; offers "Add to my profile" once
 *   gitDates.ts            commit dates and authors of evidence lines, through the built-in Git extension
 *   view.ts                the Profile view
 *   timelineHtml.ts, timelinePanel.ts   the timeline page
 *   markdown.ts            the whole profile as résumé-style Markdown (plain data)
 *   commands.ts            add, remove, forget, export, import, Markdown, timeline, open a project
 *   syncedMarks.ts         manual marks in the synced global state
 */
import * as vscode from 'vscode';
import type { ScanSession } from '../session';
import { Profile } from './profile';
import { ProfileTreeProvider, PROFILE_VIEW_ID } from './view';
import { TimelinePanel } from './timelinePanel';
import { registerProfileCommands } from './commands';

export { Profile } from './profile';
export { moveMarksToProfile } from './syncedMarks';
export type { TimelinePanel } from './timelinePanel';
export type { ProfileTreeProvider } from './view';

export function startProfile(
  context: vscode.ExtensionContext,
  session: ScanSession,
  log: vscode.LogOutputChannel,
): { profile: Profile; timeline: TimelinePanel; profileTree: ProfileTreeProvider; disposable: vscode.Disposable } {
  const profile = new Profile(context, session, log);
  const tree = new ProfileTreeProvider(profile);
  const view = vscode.window.createTreeView(PROFILE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const timeline = new TimelinePanel(context.extensionUri, profile);
  const disposable = vscode.Disposable.from(profile, tree, view, timeline, registerProfileCommands(profile, timeline));
  return { profile, timeline, profileTree: tree, disposable };
}
