import type { Evidence, SkillMap } from './types';

/** Multi-root: one map from several folders, each piece of evidence labelled with its folder. */
export function mergeMaps(parts: { folder: string; map: SkillMap }[]): SkillMap {
  if (parts.length === 1) return parts[0].map;
  const first = parts[0]?.map;
  const skills = (first?.skills ?? []).map((s) => {
    const evidence: Evidence[] = [];
    const technologies: string[] = [];
    const done = new Set<string>();
    let strong = false;
    for (const { folder, map } of parts) {
      const r = map.skills.find((x) => x.id === s.id);
      if (!r) continue;
      for (const e of r.evidence) evidence.push({ ...e, folder });
      for (const t of r.technologies) if (!technologies.includes(t)) technologies.push(t);
      for (const p of r.practice) if (p.done) done.add(p.id);
      strong ||= r.status === 'practised';
    }
    return {
      ...s,
      status: strong ? ('practised' as const) : evidence.length ? ('started' as const) : ('missing' as const),
      technologies,
      evidence,
      practice: s.practice.map((p) => ({ ...p, done: done.has(p.id) })),
    };
  });
  return {
    version: 1,
    root: parts.map((p) => p.map.root).join(', '),
    skills,
    skipped: parts.flatMap(({ folder, map }) => map.skipped.map((k) => ({ ...k, file: `${folder}/${k.file}` }))),
    stats: {
      files: parts.reduce((n, p) => n + p.map.stats.files, 0),
      bytesRead: parts.reduce((n, p) => n + p.map.stats.bytesRead, 0),
      ms: Math.max(0, ...parts.map((p) => p.map.stats.ms)),
    },
  };
}
