/**
 * The words of a skill's status and the translator they go through, shared by the tree, its
 * accessible names, hovers and quick picks. Only a type comes from 'vscode', so they are unit-tested.
 */
import type * as vscode from 'vscode';
import { formatMessage, type SkillResult, type Status } from '../../core';
import type { Mark } from '../marks';

/** The editor's translator (`vscode.l10n`); only its `t(message, ...args)` form is used. */
export type L10n = Pick<typeof vscode.l10n, 't'>;

/** English with the `{0}` arguments filled in: the words when no editor translates them. */
export const ENGLISH: L10n = {
  t: (message: string | { message: string }, ...args: unknown[]) =>
    formatMessage(typeof message === 'string' ? message : message.message, args.map(String)),
} as L10n;

/** A detected status in words: practised, started, not shown yet. */
export function statusWord(status: Status, l10n: L10n = ENGLISH): string {
  if (status === 'practised') return l10n.t('practised');
  return status === 'started' ? l10n.t('started') : l10n.t('not shown yet');
}

/** "1 place", "3 places". */
export function places(n: number, l10n: L10n): string {
  return n === 1 ? l10n.t('{0} place', n) : l10n.t('{0} places', n);
}

/** Practised as the user sees it: detected with strong evidence, or marked done by hand. */
export function countsAsPractised(result: Pick<SkillResult, 'status'>, mark: Mark | undefined): boolean {
  if (mark === 'done') return true;
  if (mark === 'skipped') return false;
  return result.status === 'practised';
}

export function statusLabel(result: Pick<SkillResult, 'status'>, mark: Mark | undefined, l10n: L10n = ENGLISH): string {
  const detected = statusWord(result.status, l10n);
  if (mark === 'done') return l10n.t('marked done (detected: {0})', detected);
  if (mark === 'skipped') return l10n.t('skipped (detected: {0})', detected);
  return detected;
}
