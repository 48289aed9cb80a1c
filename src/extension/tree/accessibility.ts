/**
 * What a screen reader says for a row of the skill tree. The tree shows a skill's status, a practice
 * item's tick and an evidence row's strength with icons; the accessible name says them in words.
 * No 'vscode' import, so that it can be unit-tested.
 */
import { statusLabel, type TreeNode } from './model';

/** The row's accessible name, or undefined where its label and description already say it all. */
export function accessibleLabel(node: TreeNode): string | undefined {
  switch (node.kind) {
    case 'skill': {
      // "Databases, practised, PostgreSQL, MongoDB"
      const technologies = node.children.filter((c) => c.kind === 'technology').map((c) => c.label);
      return [node.label, statusLabel({ status: node.status }, node.mark), ...technologies].join(', ');
    }
    case 'softSkill':
      // "Communication, soft skill, signals: OpenAPI"
      return [node.label, 'soft skill', node.description].filter(Boolean).join(', ');
    case 'practice':
      return `${node.label}, ${node.done ? 'shown in code' : 'not shown in code yet'}`;
    case 'evidence': {
      // The folder is in the description when the workspace has several.
      const { folder, strength } = node.evidence;
      const where = folder && node.description?.startsWith(folder) ? `in ${folder}` : undefined;
      return [node.label, where, `${strength} evidence`].filter(Boolean).join(', ');
    }
    default:
      return undefined;
  }
}
