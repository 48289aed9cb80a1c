import type { Catalog, Evidence, Rule, SkillMap, SkillResult } from './types';
import { practiceEvidence } from './technologies';
import { escapeMarkdown } from './format';
import { combinationSummary, foundVia } from './combine/summary';

/** Proficiency shown on a résumé line: practised with most further-practice items ticked is Advanced. */
export function proficiency(skill: SkillResult): 'Advanced' | 'Intermediate' | 'Beginner' | undefined {
  if (skill.status === 'missing') return undefined;
  if (skill.status === 'started') return 'Beginner';
  const done = skill.practice.filter((p) => p.done).length;
  return skill.practice.length && done * 2 >= skill.practice.length ? 'Advanced' : 'Intermediate';
}

function where(e: Evidence): string {
  return `${e.folder ? e.folder + '/' : ''}${e.file}:${e.line}`;
}

/** Résumé text: escaped, yet readable as plain text. */
const mdEscape = (s: string) => escapeMarkdown(s, 'inline');

/** Soft skills with signals in the workspace, worded as hints: no file proves a soft skill. */
function softSkillSection(map: SkillMap): string[] {
  const hinted = map.softSkills.filter((s) => s.signals.length);
  if (!hinted.length) return [];
  const lines = ['## Soft skills', '', '_Signals in the workspace that may relate to each; hints, not proof._', ''];
  for (const s of hinted) {
    const signals = s.technologies.map((t) => {
      const first = s.signals.find((e) => e.technology === t)!;
      return `${mdEscape(t)} (\`${where(first)}\`)`;
    });
    lines.push(`- **${mdEscape(s.title)}**: ${signals.join(', ')}`);
  }
  lines.push('');
  return lines;
}

/** What each level means here, in one line under the heading. */
export const PROFICIENCY_LEGEND =
  "_Advanced: practised, with at least half of the skill's further-practice items shown in code. " +
  'Intermediate: practised in code. Beginner: started, with hints only (a dev dependency, a bare file)._';

/**
 * "Automated tests (via JavaScript, TypeScript)" when the evidence names what the technology was found
 * through; "Separately deployed services (3 services: carts, orders, web)" for a combination over units.
 */
function named(tech: string, ev: readonly Evidence[], ruleById: ReadonlyMap<string, Rule>): string {
  const rule = ev.length ? ruleById.get(ev[0].rule) : undefined;
  const units = rule && combinationSummary(rule, ev);
  if (units) return `${mdEscape(tech)} (${mdEscape(units)})`;
  const via = [...new Set(ev.map((e) => foundVia(ruleById.get(e.rule), e)).filter((v): v is string => !!v))];
  return mdEscape(tech) + (via.length ? ` (via ${via.map(mdEscape).join(', ')})` : '');
}

/** Up to five places, each once (two rules may match the same line), and how many more. */
function places(ev: readonly Evidence[]): string {
  const all = [...new Set(ev.map(where))];
  return (
    all
      .slice(0, 5)
      .map((w) => `\`${w}\``)
      .join(', ') + (all.length > 5 ? ` and ${all.length - 5} more` : '')
  );
}

/** "- **Databases** (Advanced): PostgreSQL, Prisma": one résumé line, escaped (the workspace's and the profile's export). */
export function resumeEntry(title: string, level: string | undefined, names: readonly string[]): string {
  return `- **${mdEscape(title)}**${level ? ` (${level})` : ''}${names.length ? `: ${names.map(mdEscape).join(', ')}` : ''}`;
}

/** A résumé line: the skill's technologies, most evidenced first; without any, the practice it showed. */
function resumeLine(s: SkillResult): string {
  const names = s.technologies.length ? s.technologies : s.practice.filter((p) => p.done).map((p) => p.title);
  return resumeEntry(s.title, proficiency(s), names);
}

/** One skill's evidence: each technology with its places, then each further-practice item shown with what ticked it. */
function evidenceSection(s: SkillResult, ruleById: ReadonlyMap<string, Rule>): string[] {
  const lines = [`### ${mdEscape(s.title)}`, ''];
  for (const tech of s.technologies) {
    const ev = s.evidence.filter((e) => e.technology === tech);
    lines.push(`- ${named(tech, ev, ruleById)}: ${places(ev)}`);
  }
  const done = s.practice.filter((p) => p.done);
  if (done.length) lines.push('- Further practice shown:');
  for (const p of done) {
    const parts = p.technologies.map((t) => {
      const ev = practiceEvidence(s.evidence, p.id, t, ruleById);
      return `${named(t, ev, ruleById)} (${places(ev)})`;
    });
    lines.push(`  - ${mdEscape(p.title)}: ${parts.join('; ')}`);
  }
  lines.push('');
  return lines;
}

/** The skill map as a résumé's "Technical skills" section, with the evidence behind each line. */
export function toMarkdown(map: SkillMap, catalog: Catalog): string {
  const lines: string[] = ['## Technical skills', ''];
  const shown = map.skills.filter((s) => s.status !== 'missing');
  if (!shown.length) lines.push('_No backend skill was found in this workspace yet._', '');
  else lines.push(PROFICIENCY_LEGEND, '');
  for (const tier of ['core', 'advanced'] as const) {
    for (const s of shown.filter((x) => x.tier === tier)) lines.push(resumeLine(s));
  }
  lines.push('', '## Evidence', '');
  const ruleById = new Map(catalog.rules.map((r) => [r.id, r]));
  for (const s of shown) lines.push(...evidenceSection(s, ruleById));
  const missing = map.skills.filter((s) => s.status === 'missing');
  if (missing.length) {
    lines.push('## Not yet shown', '', missing.map((s) => mdEscape(s.title)).join(', '), '');
  }
  lines.push(...softSkillSection(map));
  const skillCount = catalog.skills.length;
  lines.push(
    `_${shown.filter((s) => s.status === 'practised').length} of ${skillCount} skills practised, from ${map.stats.files} files._`,
    '',
  );
  return lines.join('\n');
}
