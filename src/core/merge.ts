import type { Evidence, SkillMap, SoftSkillResult, Status } from './types';

const STATUS_RANK: Record<Status, number> = { missing: 0, started: 1, practised: 2 };

/** The soft skills' signals of every folder, each labelled with its folder. */
function mergeSoft(parts: { folder: string; map: SkillMap }[]): SoftSkillResult[] {
  return (parts[0]?.map.softSkills ?? []).map((s) => {
    const signals: Evidence[] = [];
    const technologies: string[] = [];
    for (const { folder, map } of parts) {
      const r = map.softSkills.find((x) => x.id === s.id);
      if (!r) continue;
      for (const e of r.signals) signals.push({ ...e, folder });
      for (const t of r.technologies) if (!technologies.includes(t)) technologies.push(t);
    }
    return { ...s, technologies, signals };
  });
}

/** Multi-root: one map from several folders, each piece of evidence labelled with its folder. */
export function mergeMaps(parts: { folder: string; map: SkillMap }[]): SkillMap {
  if (parts.length === 1) return parts[0].map;
  const first = parts[0]?.map;
  const skills = (first?.skills ?? []).map((s) => {
    const evidence: Evidence[] = [];
    const technologies: string[] = [];
    const done = new Map<string, string[]>();
    let strong = false;
    let best = s;
    for (const { folder, map } of parts) {
      const r = map.skills.find((x) => x.id === s.id);
      if (!r) continue;
      // The merged skill's reason is that of the folder where it stands best.
      if (STATUS_RANK[r.status] > STATUS_RANK[best.status]) best = r;
      for (const e of r.evidence) evidence.push({ ...e, folder });
      for (const t of r.technologies) if (!technologies.includes(t)) technologies.push(t);
      for (const p of r.practice) {
        if (!p.done) continue;
        const names = done.get(p.id) ?? [];
        for (const t of p.technologies ?? []) if (!names.includes(t)) names.push(t);
        done.set(p.id, names);
      }
      strong ||= r.status === 'practised';
    }
    return {
      ...s,
      status: strong ? ('practised' as const) : evidence.length ? ('started' as const) : ('missing' as const),
      technologies,
      evidence,
      practice: s.practice.map((p) => ({ ...p, done: done.has(p.id), technologies: done.get(p.id) ?? [] })),
      reason: best.reason,
      reasonMessage: best.reasonMessage,
    };
  });
  return {
    version: 1,
    root: parts.map((p) => p.map.root).join(', '),
    skills,
    softSkills: mergeSoft(parts),
    skipped: parts.flatMap(({ folder, map }) => map.skipped.map((k) => ({ ...k, file: `${folder}/${k.file}` }))),
    stats: {
      files: parts.reduce((n, p) => n + p.map.stats.files, 0),
      bytesRead: parts.reduce((n, p) => n + p.map.stats.bytesRead, 0),
      filesRead: parts.reduce((n, p) => n + (p.map.stats.filesRead ?? 0), 0),
      ...(parts.some((p) => p.map.stats.cacheHits !== undefined) && {
        cacheHits: parts.reduce((n, p) => n + (p.map.stats.cacheHits ?? 0), 0),
      }),
      ms: Math.max(0, ...parts.map((p) => p.map.stats.ms)),
    },
  };
}
