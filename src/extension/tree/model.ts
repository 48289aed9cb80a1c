/**
 * The skill tree as plain data: what each row says, which icon it wears, what it opens.
 * No 'vscode' import here, so the wording can be unit-tested; nodes.ts turns rows into TreeItems.
 */
import {
  combinationSummary,
  formatMessage,
  reasonsFor,
  type Catalog,
  type Evidence,
  type ReasonMessage,
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
  /** Turns a reason into the words shown (the editor translates it); English by default. */
  localise?: (message: ReasonMessage) => string;
}

const MAX_EVIDENCE_ROWS = 50;

const TIER_LABEL: Record<Tier, string> = { core: 'Core', advanced: 'Advanced' };

export const STATUS_WORD: Record<Status, string> = { practised: 'practised', started: 'started', missing: 'not shown yet' };

/** Practised as the user sees it: detected with strong evidence, or marked done by hand. */
export function countsAsPractised(result: Pick<SkillResult, 'status'>, mark: Mark | undefined): boolean {
  if (mark === 'done') return true;
  if (mark === 'skipped') return false;
  return result.status === 'practised';
}

export function statusLabel(result: Pick<SkillResult, 'status'>, mark: Mark | undefined): string {
  if (mark === 'done') return `marked done (detected: ${STATUS_WORD[result.status]})`;
  if (mark === 'skipped') return `skipped (detected: ${STATUS_WORD[result.status]})`;
  return STATUS_WORD[result.status];
}

function skillIcon(status: Status, mark: Mark | undefined): IconSpec {
  if (mark === 'done') return { id: 'verified', color: 'charts.blue' };
  if (mark === 'skipped') return { id: 'circle-slash', color: 'disabledForeground' };
  if (status === 'practised') return { id: 'pass-filled', color: 'testing.iconPassed' };
  if (status === 'started') return { id: 'pie-chart', color: 'charts.yellow' };
  return { id: 'circle-outline', color: 'disabledForeground' };
}

function skillDescription(result: SkillResult, mark: Mark | undefined): string {
  const tech = result.technologies.join(', ');
  if (mark === 'done') return tech ? `(marked done) ${tech}` : '(marked done)';
  if (mark === 'skipped') return '(skipped)';
  if (result.status === 'practised') return tech;
  if (result.status === 'started') return `started: ${tech}`;
  return STATUS_WORD.missing;
}

function tierDescription(practised: number, total: number): string {
  return `${practised} of ${total} practised`;
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
  const results = new Map(map.skills.map((s) => [s.id, s]));
  const reasons = reasonsFor(map, catalog);
  const localise = input.localise ?? ((m: ReasonMessage) => formatMessage(m.template, m.args));
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
      label: TIER_LABEL[tier],
      description: tierDescription(practised, skills.length),
      tooltip: `**${TIER_LABEL[tier]} skills**: ${tierDescription(practised, skills.length)}`,
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
      const reason = reasons.get(skill.id);
      link(tierNode, skillRow(skill, result, mark, reason ? localise(reason) : result.reason, { multiRoot, ruleById }));
    }
    roots.push(tierNode);
  }
  const soft = tiers.includes('soft') ? softGroup(input) : undefined;
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
function softGroup({ map, catalog, marks, filter, multiRoot }: TreeInput): SoftGroupNode | undefined {
  if (!catalog.softSkills.length) return undefined;
  const results = new Map(map.softSkills.map((s) => [s.id, s]));
  const done = catalog.softSkills.filter((s) => marks.get(s.id) === 'done').length;
  const group: SoftGroupNode = {
    kind: 'softGroup',
    id: 'group:soft',
    label: 'Soft skills',
    description: `${done} of ${catalog.softSkills.length} marked done`,
    tooltip:
      '**Soft skills**: no code proves them. Signals in the workspace that may relate to one are shown as hints; ' +
      'mark a soft skill done when you practise it.',
    icon: { id: 'organization' },
    contextValue: 'softGroup',
    expanded: true,
    children: [],
  };
  for (const soft of catalog.softSkills) {
    const mark = marks.get(soft.id);
    if (!passesSoftFilter(filter, mark)) continue;
    const result = results.get(soft.id) ?? { id: soft.id, title: soft.title, technologies: [], signals: [] };
    link(group, softSkillRow(soft, result, mark, multiRoot));
  }
  return group;
}

function softDescription(result: SoftSkillResult, mark: Mark | undefined): string {
  const signals = result.technologies.length ? `signals: ${result.technologies.join(', ')}` : '';
  if (mark === 'done') return signals ? `(marked done) ${signals}` : '(marked done)';
  if (mark === 'skipped') return '(skipped)';
  return signals || 'not detectable from code';
}

function softSkillRow(soft: SoftSkill, result: SoftSkillResult, mark: Mark | undefined, multiRoot: boolean): SoftSkillNode {
  const state = mark === 'done' ? 'marked done' : mark === 'skipped' ? 'skipped' : 'not detectable from code';
  const node: SoftSkillNode = {
    kind: 'softSkill',
    skillId: soft.id,
    mark,
    id: `soft:${soft.id}`,
    label: soft.title,
    description: softDescription(result, mark),
    tooltip:
      `**${mdText(soft.title)}** (soft skill): ${state}\n\n${mdText(soft.summary)}` +
      (result.technologies.length ? `\n\nSignals that may relate to it (hints only): ${mdText(result.technologies.join(', '))}` : ''),
    icon:
      mark === 'done'
        ? { id: 'verified', color: 'charts.blue' }
        : mark === 'skipped'
          ? { id: 'circle-slash', color: 'disabledForeground' }
          : { id: result.signals.length ? 'lightbulb' : 'person' },
    contextValue: `softSkill.${mark ?? 'unmarked'}`,
    children: [],
  };
  addSignals(node, result, multiRoot);
  link(node, {
    kind: 'howToLearn',
    skillId: soft.id,
    id: `learn:${soft.id}`,
    label: 'How to practise',
    tooltip: `Open the guidance for ${mdText(soft.title)}`,
    icon: { id: 'book' },
    contextValue: 'howToLearn',
    children: [],
  });
  return node;
}

/** A soft skill's signals, by name, each with its places: weak evidence, worded as hints. */
function addSignals(node: SoftSkillNode, result: SoftSkillResult, multiRoot: boolean): void {
  for (const name of result.technologies) {
    const ev = result.signals.filter((e) => e.technology === name);
    const signal = link(node, {
      kind: 'technology',
      skillId: result.id,
      id: `signal:${result.id}:${name}`,
      label: name,
      description: `signal, ${ev.length} ${ev.length === 1 ? 'place' : 'places'}`,
      tooltip: `**${mdText(name)}** may relate to ${mdText(result.title)}: a hint, not proof`,
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
        description: [where, 'signal'].filter(Boolean).join(' · '),
        tooltip: `${where ? `${mdText(where)}/` : ''}${mdText(e.file)}, line ${e.line}\n\nrule \`${e.rule}\`, a signal (hint only)`,
        contextValue: 'evidence',
        children: [],
      });
    }
  }
}

interface RowContext {
  multiRoot: boolean;
  ruleById: ReadonlyMap<string, Rule>;
}

/** A skill's row with its technologies, its guidance link and its further practice below it. */
function skillRow(skill: Skill, result: SkillResult, mark: Mark | undefined, reason: string, ctx: RowContext): SkillNode {
  const skillNode: SkillNode = {
    kind: 'skill',
    skillId: skill.id,
    status: result.status,
    mark,
    id: `skill:${skill.id}`,
    label: skill.title,
    description: skillDescription(result, mark),
    tooltip:
      `**${mdText(skill.title)}**: ${mdText(statusLabel(result, mark))}\n\n${mdText(reason)}\n\n${mdText(skill.summary)}\n\n` +
      `Learning time: ${mdText(skill.learningTime)}` +
      (result.technologies.length ? `\n\nFound: ${mdText(result.technologies.join(', '))}` : ''),
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
      label: 'How to learn',
      description: skill.learningTime,
      tooltip: `Open the guidance for ${mdText(skill.title)}`,
      icon: { id: 'book' },
      contextValue: 'howToLearn',
      children: [],
    });
  }
  addPractice(skillNode, result);
  return skillNode;
}

/** "3 services: orders/, payment/, shipping/" for a combination over units, else how many places. */
function technologyDescription(ev: readonly Evidence[], strong: boolean, ruleById: ReadonlyMap<string, Rule>): string {
  const rule = ev.length ? ruleById.get(ev[0].rule) : undefined;
  const summary = rule ? combinationSummary(rule, ev) : undefined;
  return summary ?? `${ev.length} ${ev.length === 1 ? 'place' : 'places'}${strong ? '' : ', weak evidence only'}`;
}

function addTechnologies(skillNode: SkillNode, result: SkillResult, { multiRoot, ruleById }: RowContext): void {
  for (const tech of result.technologies) {
    const ev = result.evidence.filter((e) => e.technology === tech);
    const strong = ev.some((e) => e.strength === 'strong');
    const techNode: TechnologyNode = {
      kind: 'technology',
      skillId: result.id,
      id: `tech:${result.id}:${tech}`,
      label: tech,
      description: technologyDescription(ev, strong, ruleById),
      tooltip: `**${mdText(tech)}** proves ${mdText(result.title)}${strong ? '' : ' (weak evidence only: a dev dependency, a bare file name or a single mention)'}`,
      icon: { id: 'tag' },
      contextValue: 'technology',
      children: [],
    };
    link(skillNode, techNode);
    for (const e of ev.slice(0, MAX_EVIDENCE_ROWS)) {
      const where = multiRoot && e.folder ? e.folder : undefined;
      const parts = [where, e.strength === 'weak' ? 'weak' : undefined].filter(Boolean);
      link(techNode, {
        kind: 'evidence',
        skillId: result.id,
        evidence: e,
        id: `ev:${result.id}:${tech}:${e.folder ?? ''}:${e.file}:${e.line}:${e.rule}`,
        label: evidenceLabel(e),
        description: parts.length ? parts.join(' · ') : undefined,
        tooltip: `${where ? `${mdText(where)}/` : ''}${mdText(e.file)}, line ${e.line}\n\nrule \`${e.rule}\`, ${e.strength} evidence`,
        contextValue: 'evidence',
        children: [],
      });
    }
    if (ev.length > MAX_EVIDENCE_ROWS) {
      link(techNode, {
        kind: 'info',
        id: `more:${result.id}:${tech}`,
        label: `… and ${ev.length - MAX_EVIDENCE_ROWS} more`,
        contextValue: 'info',
        children: [],
      });
    }
  }
}

function addPractice(skillNode: SkillNode, result: SkillResult): void {
  if (!result.practice.length) return;
  const done = result.practice.filter((p) => p.done).length;
  const group: PracticeGroupNode = {
    kind: 'practiceGroup',
    skillId: result.id,
    id: `practice:${result.id}`,
    label: 'Further practice',
    description: `${done} of ${result.practice.length} shown in code`,
    icon: { id: 'checklist' },
    contextValue: 'practiceGroup',
    children: [],
  };
  link(skillNode, group);
  for (const p of result.practice) {
    link(group, {
      kind: 'practice',
      skillId: result.id,
      done: p.done,
      id: `practice:${result.id}:${p.id}`,
      label: p.title,
      description: p.done ? 'shown in code' : undefined,
      icon: p.done ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'circle-large-outline', color: 'disabledForeground' },
      contextValue: p.done ? 'practice.done' : 'practice.open',
      children: [],
    });
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
