import * as vscode from 'vscode';
import { blameDates } from './combine';
import type { CommitDates, ProjectRecord } from './store';

/** The small part of the built-in Git extension's API used here (extensions/git/src/api/git.d.ts). */
interface GitRepository {
  blame?(path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

const MAX_FILES = 60;

async function gitApi(log: vscode.LogOutputChannel): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) {
    log.info('profile: no git extension; first-seen dates are those of the first scan');
    return undefined;
  }
  try {
    return (ext.isActive ? ext.exports : await ext.activate()).getAPI(1);
  } catch (err) {
    log.info(`profile: git is not available (${(err as Error).message}); first-seen dates are those of the first scan`);
    return undefined;
  }
}

/**
 * For each skill without a commit date yet: the date of the commit that added its earliest
 * evidence line, read with the Git extension's blame (no process of our own). Trusted workspaces
 * only; an empty map when git, the repository or blame is missing (the first scan's date stands).
 */
export async function commitDates(record: ProjectRecord, log: vscode.LogOutputChannel): Promise<Map<string, CommitDates>> {
  const found = new Map<string, CommitDates>();
  const wanted = Object.entries(record.skills).filter(
    ([, s]) => s.evidence.length && (!s.firstCommit || (!s.firstStrongCommit && s.evidence.some((p) => !p.weak))),
  );
  if (!wanted.length) return found;
  if (!vscode.workspace.isTrusted) {
    log.info('profile: workspace not trusted; commit dates not read');
    return found;
  }
  const api = await gitApi(log);
  if (!api) return found;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const blamed = new Map<string, Map<number, string> | undefined>();
  let noBlame = false;
  for (const [id, skill] of wanted) {
    for (const place of skill.evidence) {
      const folder = place.folder ? folders.find((f) => f.name === place.folder) : folders[0];
      if (!folder) continue;
      const uri = vscode.Uri.joinPath(folder.uri, ...place.file.split('/'));
      if (!blamed.has(uri.fsPath)) {
        if (blamed.size >= MAX_FILES) break;
        const repo = api.getRepository(uri);
        if (repo && !repo.blame) noBlame = true;
        blamed.set(uri.fsPath, repo?.blame ? await repo.blame(uri.fsPath).then(blameDates, () => undefined) : undefined);
      }
      const date = blamed.get(uri.fsPath)?.get(place.line);
      if (!date) continue;
      const dates = found.get(id) ?? {};
      const earlier = (old: string | undefined) => !old || Date.parse(date) < Date.parse(old);
      if (earlier(dates.any)) dates.any = date;
      if (!place.weak && earlier(dates.strong)) dates.strong = date;
      found.set(id, dates);
    }
  }
  if (noBlame) log.info('profile: this version of the git extension has no blame; first-seen dates are those of the first scan');
  log.info(`profile: commit dates for ${found.size} of ${wanted.length} skill(s), from ${blamed.size} file(s)`);
  return found;
}
