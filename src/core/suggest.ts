import type { Catalog, SkillMap, Suggestion } from './types';

interface SuggestOptions {
  /** Skills the user marked done or skipped by hand: not suggested; done ones count as practised. */
  done?: readonly string[];
  skipped?: readonly string[];
}

function list(titles: string[]): string {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}

/**
 * Ranks the skills not yet practised. The default order is the beginner path (language, databases,
 * frameworks, APIs, Git, ...); a skill moves up when its prerequisites are met, when it builds on what
 * the workspace already shows, and when there is already weak evidence of it.
 */
export function suggestNext(map: SkillMap, catalog: Catalog, options: SuggestOptions = {}): Suggestion[] {
  const status = new Map(map.skills.map((s) => [s.id, s.status]));
  const done = new Set(options.done ?? []);
  const skipped = new Set(options.skipped ?? []);
  const practised = (id: string) => status.get(id) === 'practised' || done.has(id);
  const title = new Map(catalog.skills.map((s) => [s.id, s.title]));
  const out: Suggestion[] = [];
  for (const skill of catalog.skills) {
    const result = map.skills.find((s) => s.id === skill.id);
    if (!result || practised(skill.id) || skipped.has(skill.id)) continue;
    const missingPrereqs = skill.prerequisites.filter((p) => !practised(p));
    const foundations = [...new Set([...skill.prerequisites, ...skill.buildsOn])].filter(practised);
    let score = 100 - skill.order * 2 - skill.learningMonths;
    const reasons: string[] = [];
    if (result.status === 'started') {
      score += 30;
      const tech = result.technologies.slice(0, 3);
      reasons.push(`already started: ${tech.length ? list(tech) : 'some'} found, no strong evidence yet`);
    }
    if (missingPrereqs.length === 0) {
      score += 40;
      if (skill.prerequisites.length) reasons.push(`prerequisites met (${list(skill.prerequisites.map((p) => title.get(p) ?? p))})`);
      else reasons.push('no prerequisites');
    } else {
      score -= 25 * missingPrereqs.length;
      reasons.push(`learn ${list(missingPrereqs.map((p) => title.get(p) ?? p))} first`);
    }
    const builds = foundations.filter((f) => !skill.prerequisites.includes(f));
    if (builds.length) {
      score += 8 * builds.length;
      reasons.push(`builds on ${list(builds.map((f) => title.get(f) ?? f))}, which you practise`);
    }
    if (skill.tier === 'core') score += 10;
    reasons.push(`about ${skill.learningTime}`);
    const reason = reasons.join('; ');
    out.push({
      id: skill.id,
      title: skill.title,
      tier: skill.tier,
      status: result.status,
      learningTime: skill.learningTime,
      score,
      reason: reason.charAt(0).toUpperCase() + reason.slice(1),
    });
  }
  return out.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
