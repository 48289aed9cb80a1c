import { DiskSource } from '../workspace/diskSource';
import { ListedPaths } from '../listedPaths';
import { entryFresh, MTIME_MARGIN_MS, readStoreHead, StoreError, storeOutline, type StoreOutline } from './scanStore';
import { ListingDigest } from './listingDigest';

export interface QuickCheckInput {
  /** The workspace folder. */
  root: string;
  /** The folder's scan store, as written. */
  storeText: string;
  /** The settings the listing follows, as the scan that wrote the store had them. */
  excludes?: readonly string[];
  includes?: readonly string[];
}

/**
 * Unchanged: a scan now would take every file, folder and answer from the store, and list the same
 * paths. Otherwise why not; and, when the listing is as the store saw it and only some files' stamps
 * differ (at most MAX_CHANGED_FILES), those files: every other file the store keeps is unchanged.
 */
export type QuickCheckResult = { unchanged: true } | { unchanged: false; why: string; changed?: string[] };

/** Beyond this many changed files, the check stops and names none (a scan stamps every file again). */
export const MAX_CHANGED_FILES = 256;

const changed = (why: string): QuickCheckResult => ({ unchanged: false, why });

/**
 * Whether a folder is as its scan store saw it, without the rules or the store's evidence: the
 * listing is walked with the store's folders (each stamped, none read if its times match), it must
 * list the same paths and skips (the store's listing digest: a `.gitignore` edited in place changes
 * no folder's times), every path must have its answer in the store, the files the scan would read
 * must be those the store keeps, and each must have the stamp the store took, older than the
 * store's time by its margin. It stops at the first difference. When the result is `unchanged`, a
 * scan with the store reads no file and finds the records the store's scan found: with the same
 * rules and settings, the same map.
 */
export async function quickCheck(input: QuickCheckInput): Promise<QuickCheckResult> {
  let store: StoreOutline;
  try {
    store = storeOutline(readStoreHead(input.storeText));
  } catch (err) {
    return changed(err instanceof StoreError ? `the store is damaged (${err.message})` : String(err));
  }
  if (store.listing === undefined) return changed('the store keeps no listing digest');
  const source = new DiskSource(input.root, { excludes: [...(input.excludes ?? [])], includes: [...(input.includes ?? [])] });
  const listing = await listingCheck(source, store);
  return listing.unchanged ? stampsCheck(source, store) : listing;
}

/** The listing part: the same folders, paths, skips and answers, and the files read those the store keeps. */
async function listingCheck(source: DiskSource, store: StoreOutline): Promise<QuickCheckResult> {
  let unknown: string | undefined;
  const paths = new ListedPaths(
    {
      pathEvidence: () => [],
      readAs: (p) => {
        unknown ??= p;
        return undefined;
      },
    },
    () => undefined,
    () => source.listedFolders(),
    store,
  );
  const digest = new ListingDigest();
  const memory = { previous: store.folders, time: store.time, margin: MTIME_MARGIN_MS };
  try {
    for await (const batch of source.list(undefined, memory)) {
      for (const entry of batch) digest.add(entry.path);
      paths.add(batch);
      if (unknown !== undefined) return changed(unknownWhy(unknown, source, store));
    }
  } catch (err) {
    return changed(`the folder cannot be listed (${(err as Error).message})`);
  }
  digest.addSkips(source.listingSkips());
  if (digest.value() !== store.listing) return changed('the listing changed');
  const folders = source.listedFolders() ?? new Map();
  if (folders.size !== store.folders.size) return changed('a folder appeared or went');
  for (const [rel, listing] of folders) if (store.folders.get(rel) !== listing) return changed(`folder ${rel || '.'} changed`);
  const kept = new Set(store.paths);
  if (paths.configs.length + paths.sources.length !== kept.size) return changed('the files read are not those the store keeps');
  for (const list of [paths.configs, paths.sources]) for (const p of list) if (!kept.has(p)) return changed(`${p} is new to the store`);
  return { unchanged: true };
}

/** A path the store has no answer for: in a folder read again (its entries changed), or new in a remembered one. */
function unknownWhy(p: string, source: DiskSource, store: StoreOutline): string {
  const rel = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
  const listing = source.listedFolders()?.get(rel);
  return listing && store.folders.get(rel) !== listing ? `folder ${rel || '.'} changed` : `${p} is new to the store`;
}

/**
 * The stamps part, after the listing (which tells the source which folders hold no link): each stored
 * file is stamped now, and must be as stored and older than the store by its margin; the files that are
 * not are named. (Two threads sharing the stamps took as long as one on the 2-core development machine:
 * `lstat` does not scale there.)
 */
function stampsCheck(source: DiskSource, store: StoreOutline): QuickCheckResult {
  const { paths, sizes, mtimes, time } = store;
  const found: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const stamp = source.statNow(paths[i]);
    if (stamp && entryFresh({ size: sizes[i], mtimeMs: mtimes[i] }, stamp, time)) continue;
    if (found.length === MAX_CHANGED_FILES) return changed(`more than ${MAX_CHANGED_FILES} files changed`);
    found.push(paths[i]);
  }
  if (!found.length) return { unchanged: true };
  const why = found.length === 1 ? `${found[0]} changed` : `${found.length} files changed (${found[0]}, ...)`;
  return { unchanged: false, why, changed: found };
}
