import type * as vscode from 'vscode';
import type { SkillMap } from '../core';
import type { GuidanceProbe } from './guidance/panel';
import type { SkillTreeProvider } from './tree/provider';
import type { Remembered, SessionState } from './session';
import type { ReopenCheck } from './reopenCheck';
import type { StatusInfo } from './statusBar';
import type { ProfileStore } from './profile/store';
import type { ProfileSkill } from './profile/combine';

/** What `activate` returns: a small, read-only window on the extension, for tests and other extensions. */
export interface BackendSkillMapApi {
  getSkillMap(): SkillMap | undefined;
  getState(): SessionState;
  getTreeProvider(): SkillTreeProvider;
  /** Text of the status bar item. */
  getStatusText(): string;
  /** What a screen reader says for the status bar item. */
  getStatusAccessibleLabel(): string | undefined;
  /** The status bar item as shown, or undefined while it is hidden. */
  getStatus(): StatusInfo | undefined;
  /** Skill ids whose guidance page is open. */
  getOpenGuidance(): string[];
  /** A skill's open guidance page: its HTML, the updates sent to it and applied by it. */
  probeGuidance(skillId: string): GuidanceProbe | undefined;
  /** What the editor does with a guidance page kept across a window reload (the panel serializer). */
  restoreGuidance(panel: vscode.WebviewPanel, state: unknown): Thenable<void>;
  /** How many notifications about problems in the user's rule files were shown. */
  getRuleProblemNotices(): number;
  /** The profile as last read: its store, its rows, the file's place and how many bad stores were set aside. */
  getProfile(): { store: ProfileStore; skills: readonly ProfileSkill[]; place: vscode.Uri; setAside: number };
  /** Resolves once the commit dates and authors being read for the profile are in its store. */
  whenProfileHistorySettled(): Promise<void>;
  /** The Profile view's top rows: label and description of each skill. */
  getProfileRows(): { label: string; description: string }[];
  /** How many times "Add to my profile" was offered in this window. */
  getProfileOffers(): number;
  /** The timeline page's HTML while it is open. */
  getTimelineHtml(): string | undefined;
  /** Resolves once this workspace's marks were moved to the profile (the first time only). */
  whenMarksMoved(): Promise<void>;
  /** Whether the map shown is the last session's: being checked, or not checked yet; undefined once checked. */
  getRemembered(): Remembered | undefined;
  /** The message above the Skills tree, if any. */
  getTreeMessage(): string | undefined;
  /**
   * The remembered map this session showed, if any: the map, its mark, when it showed (ms after
   * the session started) and how long reading and showing it took.
   */
  getRememberedShown(): { map: SkillMap; mark: Remembered; atMs: number; readMs: number } | undefined;
  /** When the first complete map was shown, in ms after activation began (undefined before). */
  getFirstCompleteMs(): number | undefined;
  /** The extension host's processor time from activation to that map, in ms (a figure the machine's load barely moves). */
  getFirstCompleteCpuMs(): number | undefined;
  /** The quick check of the remembered map, once it answered: nothing changed, or why it could not tell. */
  getReopenCheck(): ReopenCheck | undefined;
  /** Writes the scan stores now (otherwise written a moment after each scan or update). */
  flushScanStores(): Promise<void>;
  /** Resolves once the first scan, and any scan or file update under way, has finished. */
  whenScanned(): Promise<void>;
  /** Milliseconds spent inside `activate`. */
  readonly activationMs: number;
  /** When `activate` began, on the extension host's `performance.now()` clock. */
  readonly activatedAt: number;
}
