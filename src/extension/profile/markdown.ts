/**
 * The whole profile as résumé-style Markdown: per skill, its best level and the technologies across
 * the projects, most evidenced first, and the projects that show it. Plain data in, text out (no
 * `vscode` import); the line format and the level legend are the workspace export's (core's report).
 */
import { escapeMarkdown, PROFICIENCY_LEGEND, resumeEntry, type Skill } from '../../core';
import { whose } from './combine';
import type { Level, ProfileStore } from './store';

const LEVEL_RANK: Record<Level, number> = { Advanced: 3, Intermediate: 2, Beginner: 1 };

interface Gathered {
  id: string;
  title: string;
  level?: Level;
  /** Per technology: in how many projects, and its best place in a project's list (most evidenced first). */
  tech: Map<string, { projects: number; best: number; order: number }>;
  projects: string[];
  practised: boolean;
}

/** A project's level for a skill: the stored one, else what its status says (stores written before levels). */
function levelOf(s: { status: string; level?: Level }): Level | undefined {
  return s.level ?? (s.status === 'practised' ? 'Intermediate' : s.status === 'started' ? 'Beginner' : undefined);
}

function gather(store: ProfileStore): Map<string, Gathered> {
  const byId = new Map<string, Gathered>();
  const projects = Object.values(store.projects).sort((a, b) => a.name.localeCompare(b.name));
  for (const project of projects) {
    for (const [id, s] of Object.entries(project.skills)) {
      if (s.status === 'missing') continue;
      const g: Gathered = byId.get(id) ?? { id, title: s.title, tech: new Map(), projects: [], practised: false };
      const level = levelOf(s);
      if (level && (!g.level || LEVEL_RANK[level] > LEVEL_RANK[g.level])) g.level = level;
      g.practised ||= s.status === 'practised';
      s.technologies.forEach((t, i) => {
        const seen = g.tech.get(t) ?? { projects: 0, best: i, order: g.tech.size };
        g.tech.set(t, { ...seen, projects: seen.projects + 1, best: Math.min(seen.best, i) });
      });
      const claim = whose(s);
      g.projects.push(
        claim === 'yours' ? `${project.name} (yours)` : claim === 'project' ? `${project.name} (the project's)` : project.name,
      );
      byId.set(id, g);
    }
  }
  return byId;
}

/** Technologies named by more projects first, then those nearer the top of a project's list. */
function ranked(tech: Gathered['tech']): string[] {
  return [...tech.entries()].sort(([, a], [, b]) => b.projects - a.projects || a.best - b.best || a.order - b.order).map(([name]) => name);
}

/**
 * The profile's résumé: skills in the catalogue's order (core, then advanced) when it is known,
 * each with its best level over the projects; "Not yet shown" lists the catalogue's other skills.
 */
export function profileMarkdown(store: ProfileStore, skills: readonly Pick<Skill, 'id' | 'title' | 'tier'>[] = []): string {
  const gathered = gather(store);
  const projectCount = Object.keys(store.projects).length;
  const across = projectCount === 1 ? 'one project' : `${projectCount} projects`;
  const lines = [`## Technical skills across ${across}`, ''];
  const known = [...skills.filter((s) => s.tier === 'core'), ...skills.filter((s) => s.tier !== 'core')].map((s) => s.id);
  const order = [...known.filter((id) => gathered.has(id)), ...[...gathered.keys()].filter((id) => !known.includes(id)).sort()];
  if (!order.length) lines.push('_No project in the profile shows a backend skill yet._', '');
  else lines.push(PROFICIENCY_LEGEND, '');
  for (const id of order) {
    const g = gathered.get(id)!;
    lines.push(resumeEntry(g.title, g.level, ranked(g.tech)));
    lines.push(`  - Shown in ${g.projects.map((p) => escapeMarkdown(p, 'inline')).join(', ')}`);
  }
  const missing = skills.filter((s) => !gathered.has(s.id));
  if (missing.length) lines.push('', '## Not yet shown', '', missing.map((s) => escapeMarkdown(s.title, 'inline')).join(', '));
  const practised = [...gathered.values()].filter((g) => g.practised).length;
  lines.push('', `_${practised}${skills.length ? ` of ${skills.length}` : ''} skills practised across ${across}._`, '');
  return lines.join('\n');
}
