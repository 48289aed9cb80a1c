import type { Catalog, Evidence, SkillMap, SkillResult } from './types';
import { escapeMarkdown } from './format';

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

/** The skill map as a résumé's "Technical skills" section, with the evidence behind each line. */
export function toMarkdown(map: SkillMap, catalog: Catalog): string {
  const lines: string[] = ['## Technical skills', ''];
  const shown = map.skills.filter((s) => s.status !== 'missing');
  if (!shown.length) lines.push('_No backend skill was found in this workspace yet._', '');
  for (const tier of ['core', 'advanced'] as const) {
    for (const s of shown.filter((x) => x.tier === tier)) {
      const tech = s.technologies.length ? `: ${s.technologies.map(mdEscape).join(', ')}` : '';
      lines.push(`- **${mdEscape(s.title)}** (${proficiency(s)})${tech}`);
    }
  }
  lines.push('', '## Evidence', '');
  for (const s of shown) {
    lines.push(`### ${mdEscape(s.title)}`, '');
    for (const tech of s.technologies) {
      const ev = s.evidence.filter((e) => e.technology === tech);
      const places = ev.slice(0, 5).map((e) => `\`${where(e)}\``);
      const more = ev.length > 5 ? ` and ${ev.length - 5} more` : '';
      lines.push(`- ${mdEscape(tech)}: ${places.join(', ')}${more}`);
    }
    const done = s.practice.filter((p) => p.done).map((p) => mdEscape(p.title));
    if (done.length) lines.push(`- Further practice shown: ${done.join('; ')}`);
    lines.push('');
  }
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
