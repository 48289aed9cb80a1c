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
  /** The best status the user's own lines show here, when git could tell (see SkillRecord.own). */
  own?: Status;
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
        row.projects.push({
          key,
          name: project.name,
          folders: project.folders,
          status: s.status,
          technologies: s.technologies,
          ...(s.own ? { own: s.own } : {}),
        });
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

/**
 * Suggestions for the open workspace, ranked with the profile too: a skill the profile already shows
 * practised in another project moves below the others (the user has it), each part keeping its order.
 */
export function rankWithProfile<T extends { id: string }>(suggestions: readonly T[], rows: readonly ProfileSkill[], openKey?: string): T[] {
  const hasIt = (id: string) => profileNote(rows, id, openKey).practised.length > 0;
  return [...suggestions.filter((s) => !hasIt(s.id)), ...suggestions.filter((s) => hasIt(s.id))];
}

export interface TimelineRow {
  id: string;
  title: string;
  status: Status;
  /** When it was first started (any evidence) and first practised, as YYYY-MM-DD. */
  started: string;
  practised?: string;
  projects: string[];
  /** Whose lines show it, per project name, where git could tell. */
  whose?: Record<string, 'yours' | 'project'>;
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
      whose: Object.fromEntries(s.projects.flatMap((p) => (whose(p) ? [[p.name, whose(p)!]] : []))),
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

/** One line of `git blame` output: its author's name, and its commit date unless it is not committed yet. */
export interface BlameLine {
  author: string;
  date?: string;
  uncommitted?: true;
}

/**
 * Each line of `git blame` output (the default format: hash, a file name when the line came from
 * another path, then "(author date time zone line)"), by line number.
 */
export function parseBlame(output: string): Map<number, BlameLine> {
  const lines = new Map<number, BlameLine>();
  const re = /^\^?([0-9a-f]+) (?:[^(]*)\((.*?) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4})\s+(\d+)\)/;
  for (const line of output.split('\n')) {
    const m = re.exec(line);
    if (!m) continue;
    const author = m[2].trim();
    if (/^0+$/.test(m[1])) {
      lines.set(Number(m[6]), { author, uncommitted: true });
      continue;
    }
    const iso = `${m[3]}T${m[4]}${m[5].slice(0, 3)}:${m[5].slice(3)}`;
    lines.set(Number(m[6]), Number.isNaN(Date.parse(iso)) ? { author } : { author, date: new Date(iso).toISOString() });
  }
  return lines;
}

/** The commit date of each line in `git blame` output, by line number. Lines not committed yet have none. */
export function blameDates(output: string): Map<number, string> {
  const dates = new Map<number, string>();
  for (const [n, line] of parseBlame(output)) if (line.date) dates.set(n, line.date);
  return dates;
}

/**
 * Whether a blamed line is the user's: committed under their git name (compared without case or
 * surrounding spaces), or not committed yet (being written in their working copy).
 */
export function isOwnLine(line: BlameLine, identity: string): boolean {
  return !!line.uncommitted || line.author.trim().toLowerCase() === identity.trim().toLowerCase();
}

/**
 * Whose lines show a project's skill: "yours" when the user's own lines show it at its status,
 * "project" when git could tell and they do not (others' lines carry it), undefined when unknown.
 */
export function whose(p: { status: Status; own?: Status }): 'yours' | 'project' | undefined {
  if (!p.own || p.status === 'missing') return undefined;
  return RANK[p.own] >= RANK[p.status] ? 'yours' : 'project';
}
