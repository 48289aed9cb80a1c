/**
 * What the Profile view, the timeline and Suggest next skill show, computed from the store as plain
 * data (no `vscode` import, unit-tested without an editor).
 */
import type { Status } from '../../core';
import type { ProfileStore } from './store';

export interface ProjectShowing {
  key: string;
  name: string;
  folders: string[];
  status: Status;
  technologies: string[];
}

export interface ProfileSkill {
  id: string;
  title: string;
  /** The best status over the projects. */
  status: Status;
  /** Projects that show it (practised or started), practised first, then by name. */
  projects: ProjectShowing[];
  /** ISO dates: earliest sign of it anywhere (a commit date when known), last scan that showed it. */
  firstSeen: string;
  lastSeen: string;
  /** The earliest date it was practised anywhere, when it was. */
  firstPractised?: string;
}

const RANK: Record<Status, number> = { practised: 2, started: 1, missing: 0 };

const earliest = (a: string | undefined, b: string | undefined): string | undefined =>
  !a ? b : !b ? a : Date.parse(a) <= Date.parse(b) ? a : b;
const latest = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

/** Every skill any remembered project shows, best status first, then by title. */
export function profileSkills(store: ProfileStore): ProfileSkill[] {
  const byId = new Map<string, ProfileSkill>();
  for (const [key, project] of Object.entries(store.projects)) {
    for (const [id, s] of Object.entries(project.skills)) {
      const first = earliest(s.firstSeen, s.firstCommit)!;
      // The commit that added its first strong evidence line says when practice began.
      const firstPractised = s.firstPractised ? earliest(s.firstPractised, s.firstStrongCommit) : undefined;
      const row = byId.get(id) ?? { id, title: s.title, status: 'missing' as Status, projects: [], firstSeen: first, lastSeen: s.lastSeen };
      row.firstSeen = earliest(row.firstSeen, first)!;
      row.lastSeen = latest(row.lastSeen, s.lastSeen);
      row.firstPractised = earliest(row.firstPractised, firstPractised);
      if (s.status !== 'missing') {
        if (RANK[s.status] > RANK[row.status]) row.status = s.status;
        row.projects.push({ key, name: project.name, folders: project.folders, status: s.status, technologies: s.technologies });
      }
      byId.set(id, row);
    }
  }
  for (const row of byId.values()) row.projects.sort((a, b) => RANK[b.status] - RANK[a.status] || a.name.localeCompare(b.name));
  return [...byId.values()].sort((a, b) => RANK[b.status] - RANK[a.status] || a.title.localeCompare(b.title));
}

/** Where the profile shows a skill, outside the open project: names of practised and started projects. */
export function profileNote(rows: readonly ProfileSkill[], skillId: string, openKey?: string): { practised: string[]; started: string[] } {
  const row = rows.find((r) => r.id === skillId);
  const others = (row?.projects ?? []).filter((p) => p.key !== openKey);
  return {
    practised: others.filter((p) => p.status === 'practised').map((p) => p.name),
    started: others.filter((p) => p.status === 'started').map((p) => p.name),
  };
}

export interface TimelineRow {
  id: string;
  title: string;
  status: Status;
  /** When it was first started (any evidence) and first practised, as YYYY-MM-DD. */
  started: string;
  practised?: string;
  projects: string[];
}

export interface Timeline {
  rows: TimelineRow[];
  /** The span the chart covers, YYYY-MM-DD. */
  from: string;
  to: string;
}

const day = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** One row per skill ever seen, in the order it was first started. */
export function timeline(store: ProfileStore, now: Date): Timeline {
  const rows = profileSkills(store)
    .map((s) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      started: day(s.firstSeen),
      ...(s.firstPractised ? { practised: day(s.firstPractised) } : {}),
      projects: s.projects.map((p) => p.name),
    }))
    .sort((a, b) => a.started.localeCompare(b.started) || a.title.localeCompare(b.title));
  const from = rows.length ? rows[0].started : day(now.toISOString());
  return { rows, from, to: day(now.toISOString()) };
}

/** Fraction (0..1) of the way a date lies between two others. */
export function position(date: string, from: string, to: string): number {
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (Date.parse(date) - Date.parse(from)) / span));
}

/**
 * The commit date of each line in `git blame` output (the default format), by line number. Lines
 * not committed yet have none.
 */
export function blameDates(output: string): Map<number, string> {
  const dates = new Map<number, string>();
  const re = /^\^?([0-9a-f]+) (?:[^(]*)\((.*?) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4})\s+(\d+)\)/;
  for (const line of output.split('\n')) {
    const m = re.exec(line);
    if (!m || /^0+$/.test(m[1])) continue;
    const iso = `${m[3]}T${m[4]}${m[5].slice(0, 3)}:${m[5].slice(3)}`;
    if (!Number.isNaN(Date.parse(iso))) dates.set(Number(m[6]), new Date(iso).toISOString());
  }
  return dates;
}
