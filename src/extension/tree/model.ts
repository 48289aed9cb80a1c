/**
 * The skill tree as plain data: what each row says, which icon it wears, what it opens.
 * Only a type comes from 'vscode' here, so the wording can be unit-tested; nodes.ts turns rows into
 * TreeItems. Every word goes through `l10n.t`, the editor's translator or English by default.
 */
import type * as vscode from 'vscode';
import {
  combinationMessage,
  unitOpening,
  type Catalog,
  type Evidence,
  type Rule,
  type Skill,
  type SkillMap,
  type SkillResult,
  type SoftSkill,
  type SoftSkillResult,
  type Status,
  type Tier,
} from '../../core';
import { escapeMarkdown } from '../../core/format';
import type { Mark } from '../marks';
import { ENGLISH, countsAsPractised, places, statusLabel, statusWord, type L10n } from './words';
import { practiceDescription, practiceEvidenceRows, viaWords } from './practiceRows';

export { ENGLISH, countsAsPractised, statusLabel, statusWord, type L10n };

export type Filter = 'all' | 'practised' | 'missing';

interface IconSpec {
  id: string;
  color?: string;
}

interface Base {
  /** Stable across refreshes, so expansion state survives a rescan. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: IconSpec;
  contextValue?: string;
  expanded?: boolean;
  parent?: TreeNode;
  children: TreeNode[];
}

export interface TierNode extends Base {
  kind: 'tier';
  tier: Tier;
}
/** The soft skills' group, after the tiers. */
export interface SoftGroupNode extends Base {
  kind: 'softGroup';
}
interface SoftSkillNode extends Base {
  kind: 'softSkill';
  skillId: string;
  mark?: Mark;
}
interface SkillNode extends Base {
  kind: 'skill';
  skillId: string;
  status: Status;
  mark?: Mark;
}
interface TechnologyNode extends Base {
  kind: 'technology';
  skillId: string;
}
interface EvidenceNode extends Base {
  kind: 'evidence';
  skillId: string;
  evidence: Evidence;
  /** The unit of Kubernetes workloads this row opens, named in its description and accessible name. */
  unit?: string;
}
interface PracticeGroupNode extends Base {
  kind: 'practiceGroup';
  skillId: string;
}
interface PracticeNode extends Base {
  kind: 'practice';
  skillId: string;
  done: boolean;
}
interface HowToLearnNode extends Base {
  kind: 'howToLearn';
  skillId: string;
}
interface InfoNode extends Base {
  kind: 'info';
}

export type TreeNode =
  | TierNode
  | SoftGroupNode
  | SkillNode
  | SoftSkillNode
  | TechnologyNode
  | EvidenceNode
  | PracticeGroupNode
  | PracticeNode
  | HowToLearnNode
  | InfoNode;

/** A top-level row: a tier, or the soft skills. */
export type RootNode = TierNode | SoftGroupNode;

/** What the backendSkillMap.tiers setting can show: the two tiers, and the soft skills' group. */
export type ShownGroup = Tier | 'soft';

interface TreeInput {
  map: SkillMap;
  catalog: Catalog;
  marks: ReadonlyMap<string, Mark>;
  filter: Filter;
  tiers: readonly ShownGroup[];
  multiRoot: boolean;
  /** Translates the rows' own words (the editor's `vscode.l10n`); English by default. */
  l10n?: Pick<typeof vscode.l10n, 't'>;
}

const MAX_EVIDENCE_ROWS = 50;

function tierLabel(tier: Tier, l10n: L10n): string {
  return tier === 'core' ? l10n.t('Core') : l10n.t('Advanced');
}

function skillIcon(status: Status, mark: Mark | undefined): IconSpec {
  if (mark === 'done') return { id: 'verified', color: 'charts.blue' };
  if (mark === 'skipped') return { id: 'circle-slash', color: 'disabledForeground' };
  if (status === 'practised') return { id: 'pass-filled', color: 'testing.iconPassed' };
  if (status === 'started') return { id: 'pie-chart', color: 'charts.yellow' };
  return { id: 'circle-outline', color: 'disabledForeground' };
}

function skillDescription(result: SkillResult, mark: Mark | undefined, l10n: L10n): string {
  const tech = result.technologies.join(', ');
  if (mark === 'done') return tech ? l10n.t('(marked done) {0}', tech) : l10n.t('(marked done)');
  if (mark === 'skipped') return l10n.t('(skipped)');
  if (result.status === 'practised') return tech;
  if (result.status === 'started') return l10n.t('started: {0}', tech);
  return statusWord('missing', l10n);
}

function tierDescription(practised: number, total: number, l10n: L10n): string {
  return l10n.t('{0} of {1} practised', practised, total);
}

function evidenceLabel(e: Evidence): string {
  return `${e.file}:${e.line}`;
}

function mdText(s: string): string {
  return escapeMarkdown(s, 'anywhere');
}

function link(parent: TreeNode, child: TreeNode): TreeNode {
  child.parent = parent;
  parent.children.push(child);
  return child;
}

function passesFilter(filter: Filter, result: SkillResult, mark: Mark | undefined): boolean {
  if (filter === 'all') return true;
  const practised = countsAsPractised(result, mark);
  if (filter === 'practised') return practised;
  return !practised && mark !== 'skipped';
}

/** Builds the whole tree once per map; rows are small and few (21 skills, capped evidence). */
export function buildTree(input: TreeInput): RootNode[] {
  const { map, catalog, marks, filter, tiers, multiRoot } = input;
  const l10n = input.l10n ?? ENGLISH;
  const results = new Map(map.skills.map((s) => [s.id, s]));
  const ruleById = new Map(catalog.rules.map((r) => [r.id, r]));
  const roots: RootNode[] = [];
  for (const tier of tiers) {
    if (tier === 'soft') continue;
    const skills = catalog.skills.filter((s) => s.tier === tier);
    if (!skills.length) continue;
    const practised = skills.filter((s) => {
      const r = results.get(s.id);
      return r ? countsAsPractised(r, marks.get(s.id)) : false;
    }).length;
    const tierNode: TierNode = {
      kind: 'tier',
      tier,
      id: `tier:${tier}`,
      label: tierLabel(tier, l10n),
      description: tierDescription(practised, skills.length, l10n),
      tooltip: l10n.t('**{0} skills**: {1}', tierLabel(tier, l10n), tierDescription(practised, skills.length, l10n)),
      icon: { id: tier === 'core' ? 'layers' : 'rocket' },
      contextValue: 'tier',
      expanded: true,
      children: [],
    };
    for (const skill of skills) {
      const result = results.get(skill.id);
      if (!result) continue;
      const mark = marks.get(skill.id);
      if (!passesFilter(filter, result, mark)) continue;
      const reason = l10n.t(result.reasonMessage.template, ...result.reasonMessage.args);
      link(tierNode, skillRow(skill, result, mark, reason, { multiRoot, ruleById, l10n }));
    }
    roots.push(tierNode);
  }
  const soft = tiers.includes('soft') ? softGroup(input, l10n) : undefined;
  if (soft) roots.push(soft);
  return roots;
}

function passesSoftFilter(filter: Filter, mark: Mark | undefined): boolean {
  if (filter === 'all') return true;
  return filter === 'practised' ? mark === 'done' : mark !== 'done' && mark !== 'skipped';
}

/**
 * The soft skills, after the tiers. No code proves them, so they are never "missing": a row says
 * what signals may relate to it, and the user marks it done. They count in no "n of N practised".
 */
function softGroup({ map, catalog, marks, filter, multiRoot }: TreeInput, l10n: L10n): SoftGroupNode | undefined {
  if (!catalog.softSkills.length) return undefined;
  const results = new Map(map.softSkills.map((s) => [s.id, s]));
  const done = catalog.softSkills.filter((s) => marks.get(s.id) === 'done').length;
  const group: SoftGroupNode = {
    kind: 'softGroup',
    id: 'group:soft',
    label: l10n.t('Soft skills'),
    description: l10n.t('{0} of {1} marked done', done, catalog.softSkills.length),
    tooltip: l10n.t(
      '**Soft skills**: no code proves them. Signals in the workspace that may relate to one are shown as hints; mark a soft skill done when you practise it.',
    ),
    icon: { id: 'organization' },
    contextValue: 'softGroup',
    expanded: true,
    children: [],
  };
  for (const soft of catalog.softSkills) {
    const mark = marks.get(soft.id);
    if (!passesSoftFilter(filter, mark)) continue;
    const result = results.get(soft.id) ?? { id: soft.id, title: soft.title, technologies: [], signals: [] };
    link(group, softSkillRow(soft, result, mark, { multiRoot, l10n }));
  }
  return group;
}

function softDescription(result: SoftSkillResult, mark: Mark | undefined, l10n: L10n): string {
  const signals = result.technologies.length ? l10n.t('signals: {0}', result.technologies.join(', ')) : '';
  if (mark === 'done') return signals ? l10n.t('(marked done) {0}', signals) : l10n.t('(marked done)');
  if (mark === 'skipped') return l10n.t('(skipped)');
  return signals || l10n.t('not detectable from code');
}

function softSkillRow(soft: SoftSkill, result: SoftSkillResult, mark: Mark | undefined, ctx: Words): SoftSkillNode {
  const { l10n } = ctx;
  const state = mark === 'done' ? l10n.t('marked done') : mark === 'skipped' ? l10n.t('skipped') : l10n.t('not detectable from code');
  const node: SoftSkillNode = {
    kind: 'softSkill',
    skillId: soft.id,
    mark,
    id: `soft:${soft.id}`,
    label: soft.title,
    description: softDescription(result, mark, l10n),
    tooltip:
      l10n.t('**{0}** (soft skill): {1}', mdText(soft.title), state) +
      `\n\n${mdText(soft.summary)}` +
      (result.technologies.length
        ? '\n\n' + l10n.t('Signals that may relate to it (hints only): {0}', mdText(result.technologies.join(', ')))
        : ''),
    icon:
      mark === 'done'
        ? { id: 'verified', color: 'charts.blue' }
        : mark === 'skipped'
          ? { id: 'circle-slash', color: 'disabledForeground' }
          : { id: result.signals.length ? 'lightbulb' : 'person' },
    contextValue: `softSkill.${mark ?? 'unmarked'}`,
    children: [],
  };
  addSignals(node, result, ctx);
  link(node, {
    kind: 'howToLearn',
    skillId: soft.id,
    id: `learn:${soft.id}`,
    label: l10n.t('How to practise'),
    tooltip: l10n.t('Open the guidance for {0}', mdText(soft.title)),
    icon: { id: 'book' },
    contextValue: 'howToLearn',
    children: [],
  });
  return node;
}

/** A soft skill's signals, by name, each with its places: weak evidence, worded as hints. */
function addSignals(node: SoftSkillNode, result: SoftSkillResult, { multiRoot, l10n }: Words): void {
  for (const name of result.technologies) {
    const ev = result.signals.filter((e) => e.technology === name);
    const signal = link(node, {
      kind: 'technology',
      skillId: result.id,
      id: `signal:${result.id}:${name}`,
      label: name,
      description: l10n.t('signal, {0}', places(ev.length, l10n)),
      tooltip: l10n.t('**{0}** may relate to {1}: a hint, not proof', mdText(name), mdText(result.title)),
      icon: { id: 'lightbulb' },
      contextValue: 'signal',
      children: [],
    });
    for (const e of ev.slice(0, MAX_EVIDENCE_ROWS)) {
      const where = multiRoot && e.folder ? e.folder : undefined;
      link(signal, {
        kind: 'evidence',
        skillId: result.id,
        evidence: e,
        id: `ev:${result.id}:${name}:${e.folder ?? ''}:${e.file}:${e.line}:${e.rule}`,
        label: evidenceLabel(e),
        description: [where, l10n.t('signal')].filter(Boolean).join(' · '),
        tooltip: `${lineOf(e, where, l10n)}\n\n${l10n.t('rule `{0}`, a signal (hint only)', e.rule)}`,
        contextValue: 'evidence',
        children: [],
      });
    }
  }
}

/** "src/db.ts, line 3", with the folder when the workspace has several. */
function lineOf(e: Evidence, where: string | undefined, l10n: L10n): string {
  return l10n.t('{0}, line {1}', `${where ? `${mdText(where)}/` : ''}${mdText(e.file)}`, e.line);
}

interface Words {
  multiRoot: boolean;
  l10n: L10n;
}

interface RowContext extends Words {
  ruleById: ReadonlyMap<string, Rule>;
}

/** A skill's row with its technologies, its guidance link and its further practice below it. */
function skillRow(skill: Skill, result: SkillResult, mark: Mark | undefined, reason: string, ctx: RowContext): SkillNode {
  const { l10n } = ctx;
  const skillNode: SkillNode = {
    kind: 'skill',
    skillId: skill.id,
    status: result.status,
    mark,
    id: `skill:${skill.id}`,
    label: skill.title,
    description: skillDescription(result, mark, l10n),
    tooltip:
      `**${mdText(skill.title)}**: ${mdText(statusLabel(result, mark, l10n))}\n\n${mdText(reason)}\n\n${mdText(skill.summary)}\n\n` +
      l10n.t('Learning time: {0}', mdText(skill.learningTime)) +
      (result.technologies.length ? '\n\n' + l10n.t('Found: {0}', mdText(result.technologies.join(', '))) : ''),
    icon: skillIcon(result.status, mark),
    contextValue: `skill.${mark ?? 'unmarked'}.${result.status}`,
    children: [],
  };
  addTechnologies(skillNode, result, ctx);
  if (result.status !== 'practised' && mark !== 'done') {
    link(skillNode, {
      kind: 'howToLearn',
      skillId: skill.id,
      id: `learn:${skill.id}`,
      label: l10n.t('How to learn'),
      description: skill.learningTime,
      tooltip: l10n.t('Open the guidance for {0}', mdText(skill.title)),
      icon: { id: 'book' },
      contextValue: 'howToLearn',
      children: [],
    });
  }
  addPractice(skillNode, result, ctx);
  return skillNode;
}

/** "3 services: orders/, payment/, shipping/" for a combination over units, else how many places. */
function technologyDescription(ev: readonly Evidence[], strong: boolean, { ruleById, l10n }: RowContext): string {
  const rule = ev.length ? ruleById.get(ev[0].rule) : undefined;
  const units = rule ? combinationMessage(rule, ev) : undefined;
  if (units) return l10n.t(units.template, ...units.args);
  return strong ? places(ev.length, l10n) : l10n.t('{0}, weak evidence only', places(ev.length, l10n));
}

function addTechnologies(skillNode: SkillNode, result: SkillResult, ctx: RowContext): void {
  const { multiRoot, ruleById, l10n } = ctx;
  for (const tech of result.technologies) {
    const ev = result.evidence.filter((e) => e.technology === tech);
    const strong = ev.some((e) => e.strength === 'strong');
    const techNode: TechnologyNode = {
      kind: 'technology',
      skillId: result.id,
      id: `tech:${result.id}:${tech}`,
      label: tech,
      description: technologyDescription(ev, strong, ctx),
      tooltip: strong
        ? l10n.t('**{0}** proves {1}', mdText(tech), mdText(result.title))
        : l10n.t(
            '**{0}** proves {1} (weak evidence only: a dev dependency, a bare file name or a single mention)',
            mdText(tech),
            mdText(result.title),
          ),
      icon: { id: 'tag' },
      contextValue: 'technology',
      children: [],
    };
    link(skillNode, techNode);
    for (const e of ev.slice(0, MAX_EVIDENCE_ROWS)) {
      const where = multiRoot && e.folder ? e.folder : undefined;
      const rule = ruleById.get(e.rule);
      const parts = [viaWords(e, rule, l10n), where, e.strength === 'weak' ? l10n.t('weak') : undefined].filter(Boolean);
      const unit = unitOpening(rule, e);
      link(techNode, {
        kind: 'evidence',
        skillId: result.id,
        evidence: e,
        ...(unit !== undefined && { unit }),
        id: `ev:${result.id}:${tech}:${e.folder ?? ''}:${e.file}:${e.line}:${e.rule}`,
        label: evidenceLabel(e),
        description: parts.length ? parts.join(' · ') : undefined,
        tooltip: `${lineOf(e, where, l10n)}\n\n${e.strength === 'weak' ? l10n.t('rule `{0}`, weak evidence', e.rule) : l10n.t('rule `{0}`, strong evidence', e.rule)}`,
        contextValue: 'evidence',
        children: [],
      });
    }
    if (ev.length > MAX_EVIDENCE_ROWS) {
      link(techNode, {
        kind: 'info',
        id: `more:${result.id}:${tech}`,
        label: l10n.t('… and {0} more', ev.length - MAX_EVIDENCE_ROWS),
        contextValue: 'info',
        children: [],
      });
    }
  }
}

function addPractice(skillNode: SkillNode, result: SkillResult, { ruleById, multiRoot, l10n }: RowContext): void {
  if (!result.practice.length) return;
  const done = result.practice.filter((p) => p.done).length;
  const group: PracticeGroupNode = {
    kind: 'practiceGroup',
    skillId: result.id,
    id: `practice:${result.id}`,
    label: l10n.t('Further practice'),
    description: l10n.t('{0} of {1} shown in code', done, result.practice.length),
    icon: { id: 'checklist' },
    contextValue: 'practiceGroup',
    children: [],
  };
  link(skillNode, group);
  for (const p of result.practice) {
    const item = link(group, {
      kind: 'practice',
      skillId: result.id,
      done: p.done,
      id: `practice:${result.id}:${p.id}`,
      label: p.title,
      description: practiceDescription(p, l10n),
      icon: p.done ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'circle-large-outline', color: 'disabledForeground' },
      contextValue: p.done ? 'practice.done' : 'practice.open',
      children: [],
    });
    for (const row of practiceEvidenceRows(result, p, ruleById, multiRoot, l10n)) link(item, row);
  }
}

/** Depth-first search for a node by id. */
export function findNode(roots: readonly TreeNode[], id: string): TreeNode | undefined {
  for (const n of roots) {
    if (n.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}
