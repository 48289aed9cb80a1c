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

/** Checks the folders one after the other, and stops at the first that changed. */
export async function checkFolders(folders: readonly QuickCheckFolder[]): Promise<QuickCheckResult> {
  for (const f of folders) {
    let text: string;
    try {
      text = readFileSync(f.storePath, 'utf8');
    } catch (err) {
      return { unchanged: false, why: `${f.name}: the scan store cannot be read (${(err as Error).message})` };
    }
    if (contentHash(text) !== f.storeHash)
      return { unchanged: false, why: `${f.name}: the scan store is not the one the map was kept with` };
    const result = await quickCheck({ root: f.root, storeText: text, excludes: f.excludes, includes: f.includes });
    if (!result.unchanged) return { unchanged: false, why: `${f.name}: ${result.why}` };
  }
  return { unchanged: true };
}

if (parentPort && workerData?.folders)
  checkFolders(workerData.folders as QuickCheckFolder[]).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => parentPort!.postMessage({ unchanged: false, why: `the check failed (${(err as Error)?.message ?? err})` }),
  );
