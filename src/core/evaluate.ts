import type { Catalog, Evidence, SkillMap, SkillResult, Skipped, ScanStats, SoftSkillResult, Status } from './types';
import { formatMessage, ReasonContext, reasonMessage } from './reasons';
import { rankTechnologies, skillTechnologiesOf, type TechnologyLists } from './technologies';
import { leading } from './evidenceOrder';

const MAX_EVIDENCE_PER_SKILL = 500;

export function statusOf(evidence: readonly Evidence[]): Status {
  for (const e of evidence) if (e.strength === 'strong') return 'practised';
  return evidence.length ? 'started' : 'missing';
}

/** The soft skills with the signals that may relate to each: weak, whatever a rule said, and never a status. */
function softResults(catalog: Catalog, bySkill: ReadonlyMap<string, Evidence[]>): SoftSkillResult[] {
  return catalog.softSkills.map((soft) => {
    const signals = (bySkill.get(soft.id) ?? []).map((e) => (e.strength === 'weak' ? e : { ...e, strength: 'weak' as const }));
    return { id: soft.id, title: soft.title, technologies: rankTechnologies(signals), signals: leading(signals, MAX_EVIDENCE_PER_SKILL) };
  });
}

const NOTHING_LISTED: TechnologyLists = { technologies: [], practice: new Map() };

/** Turns all evidence into the skill map: every skill listed, in catalogue order, then the soft skills. */
export function evaluate(catalog: Catalog, root: string, evidence: Iterable<Evidence>, skipped: Skipped[], stats: ScanStats): SkillMap {
  const bySkill = new Map<string, Evidence[]>();
  const context = new ReasonContext(catalog);
  // A file's items, and often the next file's, come from one rule: its skill's list is looked up once for them.
  let rule: string | undefined;
  let list: Evidence[] | undefined;
  for (const e of evidence) {
    if (e.rule !== rule) {
      rule = e.rule;
      const skill = context.rule(rule)?.skill;
      list = skill === undefined ? undefined : bySkill.get(skill);
      if (skill !== undefined && !list) bySkill.set(skill, (list = []));
    }
    list?.push(e);
  }
  const skills: SkillResult[] = catalog.skills.map((skill) => {
    // In the order the items came; the lists and the reason do not depend on it.
    const all = bySkill.get(skill.id) ?? [];
    // A skill with no evidence lists nothing; an empty folder's map never reads the rules.
    const { technologies, practice }: TechnologyLists = all.length ? skillTechnologiesOf(catalog).lists(skill.id, all) : NOTHING_LISTED;
    const status = statusOf(all);
    const reason = reasonMessage({ skill, status, evidence: all, technologies }, context);
    return {
      id: skill.id,
      title: skill.title,
      tier: skill.tier,
      status,
      technologies,
      evidence: leading(all, MAX_EVIDENCE_PER_SKILL),
      practice: skill.practice.map((p) => ({ id: p.id, title: p.title, done: practice.has(p.id), technologies: practice.get(p.id) ?? [] })),
      reason: formatMessage(reason.template, reason.args),
      reasonMessage: reason,
    };
  });
  const softSkills = softResults(catalog, bySkill);
  return {
    version: 1,
    root,
    skills,
    softSkills,
    skipped: [...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    stats,
  };
}
