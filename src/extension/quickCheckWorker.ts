/**
 * The quick check of a reopened workspace, on a thread of its own (dist/check-worker.js): the
 * extension host's thread is shared with every other extension starting at the same moment, and the
 * check is one uninterrupted walk. Engine code only: no `vscode` here.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { contentHash } from '../core/hash';
import { quickCheck, type QuickCheckResult } from '../core/store/quickCheck';

/** One workspace folder to check: its store, the store's hash as the remembered map recorded it, its listing settings. */
export interface QuickCheckFolder {
  name: string;
  root: string;
  storePath: string;
  storeHash: string;
  excludes: string[];
  includes: string[];
}

/**
 * The answer for the whole workspace: unchanged, or why not; and, when every folder's listing is as
 * its store saw it and only some files changed, those files per folder (in the folders' order).
 */
export type FoldersCheck = { unchanged: true } | { unchanged: false; why: string; changed?: string[][] };

/** Checks the folders one after the other; stops at the first whose listing changed. */
export async function checkFolders(folders: readonly QuickCheckFolder[]): Promise<FoldersCheck> {
  const changed: string[][] = [];
  const whys: string[] = [];
  for (const f of folders) {
    const result = await checkFolder(f);
    if (result.unchanged) {
      changed.push([]);
      continue;
    }
    if (!result.changed) return { unchanged: false, why: `${f.name}: ${result.why}` };
    changed.push(result.changed);
    whys.push(`${f.name}: ${result.why}`);
  }
  return whys.length ? { unchanged: false, why: whys.join('; '), changed } : { unchanged: true };
}

async function checkFolder(f: QuickCheckFolder): Promise<QuickCheckResult> {
  let text: string;
  try {
    text = readFileSync(f.storePath, 'utf8');
  } catch (err) {
    return { unchanged: false, why: `the scan store cannot be read (${(err as Error).message})` };
  }
  if (contentHash(text) !== f.storeHash) return { unchanged: false, why: 'the scan store is not the one the map was kept with' };
  return quickCheck({ root: f.root, storeText: text, excludes: f.excludes, includes: f.includes });
}

if (parentPort && workerData?.folders)
  checkFolders(workerData.folders as QuickCheckFolder[]).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => parentPort!.postMessage({ unchanged: false, why: `the check failed (${(err as Error)?.message ?? err})` }),
  );
