import type { SkillMap, SkillResult, Suggestion } from '../core';

const MARK: Record<SkillResult['status'], string> = { practised: '[x]', started: '[~]', missing: '[ ]' };

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The soft skills after the 21: no status, only the signals that may relate to each. */
function softSkillLines(map: SkillMap): string[] {
  if (!map.softSkills.length) return [];
  const out = ['Soft skills: no code proves them; signals found are hints only'];
  for (const s of map.softSkills) {
    const first = s.signals[0];
    const where = first ? `${first.folder ? first.folder + '/' : ''}${first.file}:${first.line}` : '';
    const signals = s.technologies.length
      ? `signals: ${s.technologies.slice(0, 3).join(', ')}${s.technologies.length > 3 ? ', ...' : ''}`
      : '-';
    out.push(`   -  ${pad(s.title, 36)} ${pad(signals, 44)} ${where}`.trimEnd());
  }
  return out;
}

/** The human-readable skill map for a terminal. */
export function formatText(map: SkillMap): string {
  const out: string[] = [`Backend Skill Map: ${map.root}`, ''];
  for (const tier of ['core', 'advanced'] as const) {
    const skills = map.skills.filter((s) => s.tier === tier);
    const n = skills.filter((s) => s.status === 'practised').length;
    out.push(`${tier === 'core' ? 'Core' : 'Advanced'}: ${n} of ${skills.length} practised`);
    for (const s of skills) {
      const first = s.evidence[0];
      const where = first ? `${first.folder ? first.folder + '/' : ''}${first.file}:${first.line}` : '';
      const tech = s.technologies.slice(0, 4).join(', ') + (s.technologies.length > 4 ? ', ...' : '');
      out.push(`  ${MARK[s.status]} ${pad(s.title, 36)} ${pad(tech, 44)} ${where}`.trimEnd());
    }
    out.push('');
  }
  out.push('[x] practised (strong evidence)  [~] started (weak evidence only)  [ ] missing', '');
  out.push(...softSkillLines(map));
  if (map.skipped.length) {
    out.push('', `Skipped ${map.skipped.length} file${map.skipped.length === 1 ? '' : 's'}:`);
    for (const k of map.skipped.slice(0, 20)) out.push(`  ${k.file}: ${k.reason}`);
    if (map.skipped.length > 20) out.push(`  ... and ${map.skipped.length - 20} more (see --json)`);
  }
  out.push('', `Scanned ${map.stats.files} files (${map.stats.bytesRead} bytes read) in ${map.stats.ms} ms.`);
  return out.join('\n') + '\n';
}

export function formatSuggestions(list: Suggestion[]): string {
  if (!list.length) return 'Every skill is practised. Nothing left to suggest.\n';
  const out = ['Suggested next skills, best first:', ''];
  list.forEach((s, i) => {
    out.push(`${String(i + 1).padStart(2)}. ${s.title} (${s.tier}, ${s.status}, ${s.learningTime})`);
    out.push(`    ${s.reason}`);
  });
  return out.join('\n') + '\n';
}
