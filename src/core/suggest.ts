import type { Catalog, SkillMap, Suggestion } from './types';
import { formatMessage, message, type Message } from './messages';

interface SuggestOptions {
  /** Skills the user marked done or skipped by hand: not suggested; done ones count as practised. */
  done?: readonly string[];
  skipped?: readonly string[];
}

/** Names in a list, in any language. */
function list(titles: string[]): string {
  return titles.join(', ');
}

/** The parts of a reason, joined and starting with a capital: "Prerequisites met (Databases); about 2–4 months". */
export function joinReasons(parts: readonly string[]): string {
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
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
    const reasons: Message[] = [];
    if (result.status === 'started') {
      score += 30;
      const tech = result.technologies.slice(0, 3);
      reasons.push(tech.length ? message('suggest-started', list(tech)) : message('suggest-started-unnamed'));
    }
    if (missingPrereqs.length === 0) {
      score += 40;
      if (skill.prerequisites.length)
        reasons.push(message('suggest-prerequisites-met', list(skill.prerequisites.map((p) => title.get(p) ?? p))));
      else reasons.push(message('suggest-no-prerequisites'));
    } else {
      score -= 25 * missingPrereqs.length;
      reasons.push(message('suggest-learn-first', list(missingPrereqs.map((p) => title.get(p) ?? p))));
    }
    const builds = foundations.filter((f) => !skill.prerequisites.includes(f));
    if (builds.length) {
      score += 8 * builds.length;
      reasons.push(message('suggest-builds-on', list(builds.map((f) => title.get(f) ?? f))));
    }
    if (skill.tier === 'core') score += 10;
    reasons.push(message('suggest-time', skill.learningTime));
    out.push({
      id: skill.id,
      title: skill.title,
      tier: skill.tier,
      status: result.status,
      learningTime: skill.learningTime,
      score,
      reason: joinReasons(reasons.map((m) => formatMessage(m.template, m.args))),
      reasonMessages: reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
