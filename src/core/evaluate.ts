import type { Catalog, Evidence, SkillMap, SkillResult, Skipped, ScanStats, Status } from './types';
import { formatMessage, reasonMessage } from './reasons';

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

/** Turns all evidence into the skill map: every skill listed, in catalogue order. */
export function evaluate(catalog: Catalog, root: string, evidence: Iterable<Evidence>, skipped: Skipped[], stats: ScanStats): SkillMap {
  const bySkill = new Map<string, Evidence[]>();
  const ruleSkill = new Map(catalog.rules.map((r) => [r.id, r]));
  for (const e of evidence) {
    const rule = ruleSkill.get(e.rule);
    if (!rule) continue;
    const list = bySkill.get(rule.skill) ?? [];
    list.push(e);
    bySkill.set(rule.skill, list);
  }
  const skills: SkillResult[] = catalog.skills.map((skill) => {
    const all = (bySkill.get(skill.id) ?? []).sort(byStrengthThenPlace);
    const techCount = new Map<string, { strong: boolean; n: number; first: number }>();
    all.forEach((e, i) => {
      const t = techCount.get(e.technology) ?? { strong: false, n: 0, first: i };
      t.strong ||= e.strength === 'strong';
      t.n++;
      techCount.set(e.technology, t);
    });
    const technologies = [...techCount.entries()]
      .sort((a, b) => Number(b[1].strong) - Number(a[1].strong) || b[1].n - a[1].n || a[1].first - b[1].first)
      .map(([t]) => t);
    const ticked = new Set<string>();
    for (const e of all) {
      const p = ruleSkill.get(e.rule)?.practice;
      if (p) ticked.add(p);
    }
    const status = statusOf(all);
    const reason = reasonMessage({ skill, status, evidence: all, technologies }, catalog, (id) => ruleSkill.get(id));
    return {
      id: skill.id,
      title: skill.title,
      tier: skill.tier,
      status,
      technologies,
      evidence: all.slice(0, MAX_EVIDENCE_PER_SKILL),
      practice: skill.practice.map((p) => ({ id: p.id, title: p.title, done: ticked.has(p.id) })),
      reason: formatMessage(reason.template, reason.args),
    };
  });
  return { version: 1, root, skills, skipped: [...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), stats };
}
