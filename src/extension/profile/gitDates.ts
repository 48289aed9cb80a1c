import * as vscode from 'vscode';
import type { Status } from '../../core';
import { isOwnLine, parseBlame, type BlameLine } from './combine';
import type { CommitDates, ProjectRecord } from './store';
import { BlameMemo } from './blameMemo';

/** The small part of the built-in Git extension's API used here (extensions/git/src/api/git.d.ts). */
interface GitRepository {
  blame?(path: string): Promise<string>;
  getConfig?(key: string): Promise<string>;
  getGlobalConfig?(key: string): Promise<string>;
  readonly state?: { readonly HEAD?: { readonly commit?: string } };
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

const MAX_FILES = 60;

/** What the history of a project's kept evidence lines tells. */
export interface History {
  /** Commit dates, for skills that had none yet. */
  dates: Map<string, CommitDates>;
  /** Whose lines show each skill (SkillRecord.own); empty when the identity or git is unknown. */
  own: Map<string, Status>;
}

/** Messages said once per window (the log is not a place to repeat them after every scan). */
const said = new Set<string>();
function once(log: vscode.LogOutputChannel, message: string): void {
  if (said.has(message)) return;
  said.add(message);
  log.info(message);
}

async function gitApi(log: vscode.LogOutputChannel): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) {
    once(log, 'profile: no git extension; first-seen dates are those of the first scan, and no line is called yours');
    return undefined;
  }
  try {
    return (ext.isActive ? ext.exports : await ext.activate()).getAPI(1);
  } catch (err) {
    log.info(`profile: git is not available (${(err as Error).message}); first-seen dates are those of the first scan`);
    return undefined;
  }
}

/** The repository's configured `user.name` (its own config, else the global one), or undefined. */
async function identity(repo: GitRepository): Promise<string | undefined> {
  for (const read of [repo.getConfig, repo.getGlobalConfig]) {
    if (!read) continue;
    const name = await read.call(repo, 'user.name').then(
      (v) => (typeof v === 'string' ? v.trim() : ''),
      () => '',
    );
    if (name) return name;
  }
  return undefined;
}

/** One file's blame: its lines by number (none when git could not blame it), and its repository's git name. */
export interface FileBlame {
  lines?: Map<number, BlameLine>;
  name: string;
}

/** Blames kept across the scans of a window (see BlameMemo). */
export type Blames = BlameMemo<FileBlame>;
export const newBlames = (): Blames => new BlameMemo<FileBlame>();

interface Blamer {
  /** A kept line's blame, with the git name of its repository ('' when none is configured). */
  lines(place: { file: string; line: number; folder?: string }): Promise<{ line: BlameLine; name: string } | undefined>;
  /** Files blamed by this scan, and files whose blame was kept from an earlier one. */
  readonly files: number;
  readonly kept: number;
  readonly noBlame: boolean;
  /** Whether some repository had no name configured. */
  readonly noName: boolean;
}

/** The stamp a file's kept blame is valid for: its time and size, and its repository's HEAD. */
async function stampOf(uri: vscode.Uri, repo: GitRepository): Promise<string | undefined> {
  const head = repo.state?.HEAD?.commit;
  if (!head) return undefined;
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  return stat && `${stat.mtime}:${stat.size}:${head}`;
}

/**
 * Blames each evidence file once per scan, at most MAX_FILES of them, reusing what an earlier scan
 * of the window blamed when the file and HEAD are unchanged; reads each repository's identity once.
 */
function blamer(api: GitApi, memo: Blames): Blamer {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const blamed = new Map<string, FileBlame>();
  const names = new Map<GitRepository, string>();
  const state = { noBlame: false, noName: false, kept: 0 };
  const nameOf = async (repo: GitRepository): Promise<string> => {
    if (!names.has(repo)) names.set(repo, (await identity(repo)) ?? '');
    if (!names.get(repo)) state.noName = true;
    return names.get(repo)!;
  };
  const blame = async (uri: vscode.Uri): Promise<FileBlame | undefined> => {
    const repo = api.getRepository(uri);
    if (repo && !repo.blame) state.noBlame = true;
    const stamp = repo && (await stampOf(uri, repo));
    const kept = stamp ? memo.get(uri.fsPath, stamp) : undefined;
    if (kept) {
      state.kept++;
      return kept;
    }
    if (blamed.size - state.kept >= MAX_FILES) return undefined;
    const lines = repo?.blame ? await repo.blame(uri.fsPath).then(parseBlame, () => undefined) : undefined;
    const file = { lines, name: repo && lines ? await nameOf(repo) : '' };
    if (stamp) memo.set(uri.fsPath, stamp, file);
    return file;
  };
  return {
    get files() {
      return blamed.size - state.kept;
    },
    get kept() {
      return state.kept;
    },
    get noBlame() {
      return state.noBlame;
    },
    get noName() {
      return state.noName;
    },
    async lines(place) {
      const folder = place.folder ? folders.find((f) => f.name === place.folder) : folders[0];
      if (!folder) return undefined;
      const uri = vscode.Uri.joinPath(folder.uri, ...place.file.split('/'));
      if (!blamed.has(uri.fsPath)) {
        const file = await blame(uri);
        if (!file) return undefined;
        blamed.set(uri.fsPath, file);
      }
      const file = blamed.get(uri.fsPath)!;
      const line = file.lines?.get(place.line);
      return line && { line, name: file.name };
    },
  };
}

const earlier = (old: string | undefined, date: string) => !old || Date.parse(date) < Date.parse(old);

/**
 * Reads the Git extension's blame of each skill's kept evidence lines (no process of our own):
 * for skills without a commit date yet, the date of the commit that added the earliest line; for
 * every skill, whether the user's own lines (the repository's configured git name) show it.
 * Trusted workspaces only; nothing when git, the repository or blame is missing.
 */
export async function readHistory(record: ProjectRecord, log: vscode.LogOutputChannel, memo: Blames): Promise<History> {
  const history: History = { dates: new Map(), own: new Map() };
  const shown = Object.entries(record.skills).filter(([, s]) => s.evidence.length && s.status !== 'missing');
  if (!shown.length) return history;
  if (!vscode.workspace.isTrusted) {
    once(log, 'profile: workspace not trusted; commit dates and authors not read');
    return history;
  }
  const api = await gitApi(log);
  if (!api) return history;
  const blame = blamer(api, memo);
  for (const [id, skill] of shown) {
    const wantDate = !skill.firstCommit || (!skill.firstStrongCommit && skill.evidence.some((p) => !p.weak));
    let mine: Status = 'missing';
    let named = false;
    for (const place of skill.evidence) {
      const blamed = await blame.lines(place);
      if (!blamed) continue;
      const { line, name } = blamed;
      named ||= !!name;
      if (name && isOwnLine(line, name)) mine = !place.weak ? 'practised' : mine === 'practised' ? mine : 'started';
      if (!wantDate || !line.date) continue;
      const dates = history.dates.get(id) ?? {};
      if (earlier(dates.any, line.date)) dates.any = line.date;
      if (!place.weak && earlier(dates.strong, line.date)) dates.strong = line.date;
      history.dates.set(id, dates);
    }
    if (named) history.own.set(id, mine);
  }
  if (blame.noBlame) once(log, 'profile: this version of the git extension has no blame; first-seen dates are those of the first scan');
  if (blame.noName) once(log, 'profile: no git user.name configured for this repository; no line is called yours');
  log.info(
    `profile: commit dates for ${history.dates.size} skill(s), authors for ${history.own.size} of ${shown.length}, from ${blame.files} file(s) blamed and ${blame.kept} kept from an earlier scan`,
  );
  return history;
}
