/**
 * What a screen reader says for a row of the skill tree. The tree shows a skill's status, a practice
 * item's tick and an evidence row's strength with icons; the accessible name says them in words.
 * Only a type comes from 'vscode', so that it can be unit-tested; the words are English by default.
 */
import type * as vscode from 'vscode';
import { ENGLISH, statusLabel, type TreeNode } from './model';

/** The row's accessible name, or undefined where its label and description already say it all. */
export function accessibleLabel(node: TreeNode, l10n: Pick<typeof vscode.l10n, 't'> = ENGLISH): string | undefined {
  switch (node.kind) {
    case 'skill': {
      // "Databases, practised, PostgreSQL, MongoDB"
      const technologies = node.children.filter((c) => c.kind === 'technology').map((c) => c.label);
      return [node.label, statusLabel({ status: node.status }, node.mark, l10n), ...technologies].join(', ');
    }
    case 'softSkill':
      // "Communication, soft skill, signals: OpenAPI"
      return [node.label, l10n.t('soft skill'), node.description].filter(Boolean).join(', ');
    case 'practice':
      return `${node.label}, ${node.done ? l10n.t('shown in code') : l10n.t('not shown in code yet')}`;
    case 'evidence': {
      // The folder is in the description when the workspace has several.
      const { folder, strength } = node.evidence;
      const where = folder && node.description?.includes(folder) ? l10n.t('in {0}', folder) : undefined;
      // Under a further-practice item the row is named by what was found there, not by a technology row above it.
      const found = node.parent?.kind === 'practice' ? node.evidence.technology : undefined;
      return [node.label, found, node.unit, where, strength === 'weak' ? l10n.t('weak evidence') : l10n.t('strong evidence')]
        .filter(Boolean)
        .join(', ');
    }
    default:
      return undefined;
  }
}
