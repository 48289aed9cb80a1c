import type { Catalog, Evidence, SkillMap, SkillResult, Skipped, ScanStats, SoftSkillResult, Status } from './types';
import { formatMessage, ReasonContext, reasonMessage } from './reasons';
import { rankTechnologies, skillTechnologiesOf, type TechnologyLists } from './technologies';

const MAX_EVIDENCE_PER_SKILL = 500;

function byStrengthThenPlace(a: Evidence, b: Evidence): number {
  if (a.strength !== b.strength) return a.strength === 'strong' ? -1 : 1;
  if ((a.folder ?? '') !== (b.folder ?? '')) return (a.folder ?? '') < (b.folder ?? '') ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

export function statusOf(evidence: readonly Evidence[]): Status {
  if (evidence.some((e) => e.strength === 'strong')) return 'practised';
  return evidence.length ? 'started' : 'missing';
}

/** The soft skills with the signals that may relate to each: weak, whatever a rule said, and never a status. */
function softResults(catalog: Catalog, bySkill: ReadonlyMap<string, Evidence[]>): SoftSkillResult[] {
  return catalog.softSkills.map((soft) => {
    const signals = (bySkill.get(soft.id) ?? []).map((e) => (e.strength === 'weak' ? e : { ...e, strength: 'weak' as const }));
    signals.sort(byStrengthThenPlace);
    return { id: soft.id, title: soft.title, technologies: rankTechnologies(signals), signals: signals.slice(0, MAX_EVIDENCE_PER_SKILL) };
  });
}

const NOTHING_LISTED: TechnologyLists = { technologies: [], practice: new Map() };

/** Turns all evidence into the skill map: every skill listed, in catalogue order, then the soft skills. */
export function evaluate(catalog: Catalog, root: string, evidence: Iterable<Evidence>, skipped: Skipped[], stats: ScanStats): SkillMap {
  const bySkill = new Map<string, Evidence[]>();
  const context = new ReasonContext(catalog);
  for (const e of evidence) {
    const rule = context.rule(e.rule);
    if (!rule) continue;
    const list = bySkill.get(rule.skill) ?? [];
    list.push(e);
    bySkill.set(rule.skill, list);
  }
  const skills: SkillResult[] = catalog.skills.map((skill) => {
    const all = (bySkill.get(skill.id) ?? []).sort(byStrengthThenPlace);
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
      evidence: all.slice(0, MAX_EVIDENCE_PER_SKILL),
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
