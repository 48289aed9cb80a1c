import type { SkillMap } from '../core';
import type { SkillTreeProvider } from './tree/provider';
import type { SessionState } from './session';
import type { StatusInfo } from './statusBar';

/** What `activate` returns: a small, read-only window on the extension, for tests and other extensions. */
export interface BackendSkillMapApi {
  getSkillMap(): SkillMap | undefined;
  getState(): SessionState;
  getTreeProvider(): SkillTreeProvider;
  /** Text of the status bar item. */
  getStatusText(): string;
  /** The status bar item as shown, or undefined while it is hidden. */
  getStatus(): StatusInfo | undefined;
  /** Skill ids whose guidance page is open. */
  getOpenGuidance(): string[];
  /** Resolves once the first scan, and any scan or file update under way, has finished. */
  whenScanned(): Promise<void>;
  /** Milliseconds spent inside `activate`. */
  readonly activationMs: number;
}
