/**
 * The profile store as plain data: what is remembered of each project the user added, how a
 * completed scan is folded in, and how a stored file is checked before it is trusted. No `vscode`
 * import: the adapter (storage.ts) reads and writes the file, this module decides what it holds.
 */
import { proficiency, type SkillMap, type Status } from '../../core';

export const STORE_FORMAT = 'backend-skill-map-profile';
export const STORE_VERSION = 1;

/** Evidence is remembered by place only: file and line, never the file's contents. */
export interface PlaceRecord {
  file: string;
  line: number;
  folder?: string;
  /** Weak evidence (only started); strong is left out. */
  weak?: true;
}

/** The résumé's proficiency level (core's `proficiency`). */
export type Level = 'Advanced' | 'Intermediate' | 'Beginner';
const LEVELS: readonly unknown[] = ['Advanced', 'Intermediate', 'Beginner'];

export interface SkillRecord {
  title: string;
  /** Status at the last scan. */
  status: Status;
  /** Its résumé level at the last scan (absent in stores written before levels were kept). */
  level?: Level;
  technologies: string[];
  /** At most MAX_PLACES places, strong evidence first. */
  evidence: PlaceRecord[];
  /** ISO dates: the first scan that saw it at all, the first that saw it practised, the last that saw it. */
  firstSeen: string;
  firstPractised?: string;
  lastSeen: string;
  /** Date of the commit that added its earliest evidence line, when git history could tell. */
  firstCommit?: string;
  /** The same for its earliest strong evidence line: when practice began. */
  firstStrongCommit?: string;
  /**
   * The best status the user's own kept evidence lines show (by the repository's git identity):
   * practised for a strong line of theirs, started for only weak ones, missing for none. Absent when
   * git or the identity could not tell; read again after every scan.
   */
  own?: Status;
}

export interface ProjectRecord {
  name: string;
  /** The workspace folders' URIs, as strings. */
  folders: string[];
  /** ISO dates of the completed scans remembered (the last MAX_SCANS). */
  scans: string[];
  skills: Record<string, SkillRecord>;
}

export interface ProfileStore {
  format: typeof STORE_FORMAT;
  version: number;
  /** Keyed by the workspace's identity (projectKey). */
  projects: Record<string, ProjectRecord>;
}

export const MAX_PLACES = 5;
export const MAX_SCANS = 100;

export function emptyStore(): ProfileStore {
  return { format: STORE_FORMAT, version: STORE_VERSION, projects: {} };
}

/** A workspace's identity: its .code-workspace file, else its folders. */
export function projectKey(folders: string[], workspaceFile?: string): string {
  return workspaceFile ?? [...folders].sort().join('|');
}

export type CheckedStore = { store: ProfileStore } | { problem: string; kind: 'corrupt' | 'newer' };

const MAX_DEPTH = 12;

function depthOk(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (!value || typeof value !== 'object') return true;
  for (const v of Object.values(value as Record<string, unknown>)) if (!depthOk(v, depth + 1)) return false;
  return true;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStatus = (v: unknown): v is Status => v === 'practised' || v === 'started' || v === 'missing';
const isDate = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));

function checkSkill(raw: unknown): SkillRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (!isString(r.title) || !isStatus(r.status) || !isDate(r.firstSeen) || !isDate(r.lastSeen)) return undefined;
  if (!Array.isArray(r.technologies) || !r.technologies.every(isString) || !Array.isArray(r.evidence)) return undefined;
  const evidence: PlaceRecord[] = [];
  for (const e of r.evidence as unknown[]) {
    const p = e as Record<string, unknown> | null;
    if (!p || !isString(p.file) || typeof p.line !== 'number') return undefined;
    evidence.push({
      file: p.file,
      line: p.line,
      ...(isString(p.folder) ? { folder: p.folder } : {}),
      ...(p.weak === true ? { weak: true } : {}),
    });
  }
  return {
    title: r.title,
    status: r.status,
    ...(LEVELS.includes(r.level) ? { level: r.level as Level } : {}),
    technologies: r.technologies as string[],
    evidence,
    firstSeen: r.firstSeen,
    ...(isDate(r.firstPractised) ? { firstPractised: r.firstPractised } : {}),
    lastSeen: r.lastSeen,
    ...(isDate(r.firstCommit) ? { firstCommit: r.firstCommit } : {}),
    ...(isDate(r.firstStrongCommit) ? { firstStrongCommit: r.firstStrongCommit } : {}),
    ...(isStatus(r.own) ? { own: r.own } : {}),
  };
}

function checkProject(raw: unknown): ProjectRecord | string {
  if (!raw || typeof raw !== 'object') return 'not a record';
  const r = raw as Record<string, unknown>;
  if (!isString(r.name)) return 'no name';
  if (!Array.isArray(r.folders) || !r.folders.every(isString)) return 'no folder list';
  if (!Array.isArray(r.scans) || !r.scans.every(isDate)) return 'no list of scan dates';
  if (!r.skills || typeof r.skills !== 'object') return 'no skills';
  const skills: Record<string, SkillRecord> = {};
  for (const [id, s] of Object.entries(r.skills as Record<string, unknown>)) {
    const checked = checkSkill(s);
    if (!checked) return `skill ${id.slice(0, 40)} cannot be read`;
    skills[id] = checked;
  }
  return { name: r.name, folders: r.folders as string[], scans: r.scans as string[], skills };
}

/**
 * A stored text, checked. Anything that is not a complete store of a version this code knows is a
 * problem: the caller sets the file aside rather than dropping or overwriting what it holds.
 */
export function parseStore(text: string): CheckedStore {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { kind: 'corrupt', problem: `not valid JSON (${(err as Error).message.slice(0, 80)})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'corrupt', problem: 'not a JSON object' };
  const r = raw as Record<string, unknown>;
  if (r.format !== STORE_FORMAT) return { kind: 'corrupt', problem: `not a profile (format ${JSON.stringify(r.format)?.slice(0, 40)})` };
  if (typeof r.version !== 'number') return { kind: 'corrupt', problem: 'no version number' };
  if (r.version > STORE_VERSION)
    return { kind: 'newer', problem: `written by a newer version of the extension (store version ${r.version})` };
  if (!depthOk(raw)) return { kind: 'corrupt', problem: 'nested too deep' };
  if (!r.projects || typeof r.projects !== 'object' || Array.isArray(r.projects)) return { kind: 'corrupt', problem: 'no projects' };
  const projects: Record<string, ProjectRecord> = {};
  for (const [key, p] of Object.entries(r.projects as Record<string, unknown>)) {
    const checked = checkProject(p);
    if (typeof checked === 'string') return { kind: 'corrupt', problem: `project ${key.slice(0, 80)}: ${checked}` };
    projects[key] = checked;
  }
  return { store: { format: STORE_FORMAT, version: STORE_VERSION, projects } };
}

export function serializeStore(store: ProfileStore): string {
  return `${JSON.stringify(store, null, 1)}\n`;
}

/** The places of a skill's evidence worth keeping: a few strong and a few weak ones, each by file and line. */
function places(skill: SkillMap['skills'][number]): PlaceRecord[] {
  const sorted = [...skill.evidence].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const strong = sorted.filter((e) => e.strength === 'strong');
  const weak = sorted.filter((e) => e.strength === 'weak');
  const firstStrong = strong.slice(0, MAX_PLACES - Math.min(weak.length, 2));
  const kept = [...firstStrong, ...weak.slice(0, MAX_PLACES - firstStrong.length)];
  return kept.map((e) => ({
    file: e.file,
    line: e.line,
    ...(e.folder ? { folder: e.folder } : {}),
    ...(e.strength === 'weak' ? { weak: true as const } : {}),
  }));
}

/**
 * A completed scan folded into a project's record: statuses, technologies and places are the scan's;
 * first-seen dates stay the earliest, last-seen becomes now. A skill the scan no longer shows keeps
 * its dates and becomes missing.
 */
export function recordScan(
  previous: ProjectRecord | undefined,
  project: { name: string; folders: string[] },
  map: SkillMap,
  now: Date,
): ProjectRecord {
  const today = now.toISOString();
  const skills: Record<string, SkillRecord> = {};
  for (const [id, old] of Object.entries(previous?.skills ?? {})) {
    skills[id] = { ...old, status: 'missing', evidence: [], technologies: [] };
    delete skills[id].own;
    delete skills[id].level;
  }
  for (const s of map.skills) {
    if (s.status === 'missing') continue;
    const old = previous?.skills[s.id];
    skills[s.id] = {
      title: s.title,
      status: s.status,
      ...(proficiency(s) ? { level: proficiency(s) } : {}),
      technologies: [...s.technologies],
      evidence: places(s),
      firstSeen: old?.firstSeen ?? today,
      ...(old?.firstPractised ? { firstPractised: old.firstPractised } : s.status === 'practised' ? { firstPractised: today } : {}),
      lastSeen: today,
      ...(old?.firstCommit ? { firstCommit: old.firstCommit } : {}),
      ...(old?.firstStrongCommit ? { firstStrongCommit: old.firstStrongCommit } : {}),
    };
  }
  const scans = [...(previous?.scans ?? []), today].slice(-MAX_SCANS);
  return { name: project.name, folders: [...project.folders], scans, skills };
}

/** The earliest commit dates of a skill's evidence lines: any, and strong. */
export interface CommitDates {
  any?: string;
  strong?: string;
}

/** Commit dates found for skills' evidence: the earliest are kept. */
export function withCommitDates(record: ProjectRecord, dates: ReadonlyMap<string, CommitDates>): ProjectRecord {
  const skills = { ...record.skills };
  const earlier = (a: string | undefined, b: string | undefined) => (b && isDate(b) && (!a || Date.parse(b) < Date.parse(a)) ? b : a);
  for (const [id, date] of dates) {
    const s = skills[id];
    if (!s) continue;
    const firstCommit = earlier(s.firstCommit, date.any);
    const firstStrongCommit = earlier(s.firstStrongCommit, date.strong);
    skills[id] = { ...s, ...(firstCommit ? { firstCommit } : {}), ...(firstStrongCommit ? { firstStrongCommit } : {}) };
  }
  return { ...record, skills };
}

/** Whose lines show each skill (SkillRecord.own), for the skills listed; the others are left as they are. */
export function withAuthorship(record: ProjectRecord, own: ReadonlyMap<string, Status>): ProjectRecord {
  const skills = { ...record.skills };
  for (const [id, status] of own) if (skills[id] && skills[id].status !== 'missing') skills[id] = { ...skills[id], own: status };
  return { ...record, skills };
}

/** Two stores as one (import): projects of the incoming store replace those of the same key. */
export function mergeStores(base: ProfileStore, incoming: ProfileStore): ProfileStore {
  return { ...base, projects: { ...base.projects, ...incoming.projects } };
}

export function withoutProject(store: ProfileStore, key: string): ProfileStore {
  const projects = { ...store.projects };
  delete projects[key];
  return { ...store, projects };
}
