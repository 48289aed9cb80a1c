import * as vscode from 'vscode';
import type { Status } from '../../core';
import { isOwnLine, parseBlame, type BlameLine } from './combine';
import type { CommitDates, ProjectRecord } from './store';

/** The small part of the built-in Git extension's API used here (extensions/git/src/api/git.d.ts). */
interface GitRepository {
  blame?(path: string): Promise<string>;
  getConfig?(key: string): Promise<string>;
  getGlobalConfig?(key: string): Promise<string>;
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

interface Blamer {
  /** A kept line's blame, with the git name of its repository ('' when none is configured). */
  lines(place: { file: string; line: number; folder?: string }): Promise<{ line: BlameLine; name: string } | undefined>;
  readonly files: number;
  readonly noBlame: boolean;
  /** Whether some repository had no name configured. */
  readonly noName: boolean;
}

/** Blames each evidence file once, at most MAX_FILES of them; reads each repository's identity once. */
function blamer(api: GitApi): Blamer {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const blamed = new Map<string, { lines?: Map<number, BlameLine>; name: string }>();
  const names = new Map<GitRepository, string>();
  const state = { noBlame: false, noName: false };
  const nameOf = async (repo: GitRepository): Promise<string> => {
    if (!names.has(repo)) names.set(repo, (await identity(repo)) ?? '');
    if (!names.get(repo)) state.noName = true;
    return names.get(repo)!;
  };
  return {
    get files() {
      return blamed.size;
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
        if (blamed.size >= MAX_FILES) return undefined;
        const repo = api.getRepository(uri);
        if (repo && !repo.blame) state.noBlame = true;
        const lines = repo?.blame ? await repo.blame(uri.fsPath).then(parseBlame, () => undefined) : undefined;
        blamed.set(uri.fsPath, { lines, name: repo && lines ? await nameOf(repo) : '' });
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
export async function readHistory(record: ProjectRecord, log: vscode.LogOutputChannel): Promise<History> {
  const history: History = { dates: new Map(), own: new Map() };
  const shown = Object.entries(record.skills).filter(([, s]) => s.evidence.length && s.status !== 'missing');
  if (!shown.length) return history;
  if (!vscode.workspace.isTrusted) {
    once(log, 'profile: workspace not trusted; commit dates and authors not read');
    return history;
  }
  const api = await gitApi(log);
  if (!api) return history;
  const blame = blamer(api);
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
    `profile: commit dates for ${history.dates.size} skill(s), authors for ${history.own.size} of ${shown.length}, from ${blame.files} file(s)`,
  );
  return history;
}
