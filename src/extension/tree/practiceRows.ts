/**
 * The rows under a further-practice item: each place that ticked it, named by what was found there.
 * What ticks an item is shown here, whether or not it is also one of the skill's technologies (the
 * engine decides that, in core/technologies.ts). Only types come from 'vscode' and the model.
 */
import type * as vscode from 'vscode';
import { practiceEvidence, unitOpening, type Evidence, type PracticeResult, type Rule, type SkillResult } from '../../core';
import { escapeMarkdown } from '../../core/format';
import type { TreeNode } from './model';

/** The editor's translator (the words' `L10n`); typed from 'vscode' so that the string export finds these words. */
type L10n = Pick<typeof vscode.l10n, 't'>;

/** Places shown under one item; the rest are counted in a last row. */
const MAX_PRACTICE_ROWS = 50;

/**
 * "via ASP.NET Core", for evidence whose rule names a mechanism found through a framework; the unit's
 * name ("carts") for the row that opens a unit of Kubernetes workloads, as a Dockerfile's path names its unit.
 */
export function viaWords(e: Evidence, rule: Rule | undefined, l10n: L10n): string | undefined {
  const unit = unitOpening(rule, e);
  if (unit !== undefined) return unit;
  return e.via ? l10n.t('via {0}', e.via) : undefined;
}

/** "What was found: GitHub Actions, Travis CI" for a done item, else undefined. */
export function practiceDescription(item: PracticeResult, l10n: L10n): string | undefined {
  if (!item.done) return undefined;
  if (!item.technologies.length) return l10n.t('shown in code');
  return l10n.t('shown in code: {0}', item.technologies.join(', '));
}

export function practiceEvidenceRows(
  result: SkillResult,
  item: PracticeResult,
  ruleById: ReadonlyMap<string, Rule>,
  multiRoot: boolean,
  l10n: L10n,
): TreeNode[] {
  const ev = item.technologies.flatMap((t) => practiceEvidence(result.evidence, item.id, t, ruleById));
  const rows: TreeNode[] = ev.slice(0, MAX_PRACTICE_ROWS).map((e) => {
    const where = multiRoot && e.folder ? e.folder : undefined;
    const strength = e.strength === 'weak' ? l10n.t('weak') : undefined;
    const file = `${where ? `${escapeMarkdown(where, 'anywhere')}/` : ''}${escapeMarkdown(e.file, 'anywhere')}`;
    const rule = e.strength === 'weak' ? l10n.t('rule `{0}`, weak evidence', e.rule) : l10n.t('rule `{0}`, strong evidence', e.rule);
    const unit = unitOpening(ruleById.get(e.rule), e);
    return {
      kind: 'evidence',
      skillId: result.id,
      evidence: e,
      ...(unit !== undefined && { unit }),
      id: `ev:${result.id}:practice:${item.id}:${e.folder ?? ''}:${e.file}:${e.line}:${e.rule}`,
      label: `${e.file}:${e.line}`,
      description: [e.technology, viaWords(e, ruleById.get(e.rule), l10n), where, strength].filter(Boolean).join(' · '),
      tooltip: `${l10n.t('{0}, line {1}', file, e.line)}\n\n${rule}`,
      contextValue: 'evidence',
      children: [],
    };
  });
  if (ev.length > MAX_PRACTICE_ROWS) {
    rows.push({
      kind: 'info',
      id: `more:${result.id}:practice:${item.id}`,
      label: l10n.t('… and {0} more', ev.length - MAX_PRACTICE_ROWS),
      contextValue: 'info',
      children: [],
    });
  }
  return rows;
}
