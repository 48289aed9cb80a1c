import type { Dirent, Stats } from 'node:fs';

/**
 * A folder's entries as a listing saw them, with the folder's stamp taken before they were read, so
 * that the next listing can take them again instead of reading the folder. A folder's modification
 * time changes when an entry is added, removed or renamed in it (not when a file's content
 * changes: files keep their own stamps); its change time also moves with that and with any change
 * to the folder itself, and cannot be set back by a program. Both must match, and both must be
 * older than the previous scan's start by the store's margin: a folder changed within one tick of a
 * coarse clock, after it was listed, keeps its old times and must never keep its old entries.
 */
export interface FolderListing {
  mtimeMs: number;
  ctimeMs: number;
  /** The entries' names, in the order the folder gave them. */
  names: string[];
  /** One letter per name: d folder, f file, l link, o anything else (FIFO, socket, device). */
  kinds: string;
}

/** What a listing may take again (the previous store's folders and that store's start time), and records. */
export interface ListingMemory {
  previous?: ReadonlyMap<string, FolderListing>;
  /** When the scan that listed `previous` started (ms since the epoch). */
  time: number;
  /** The margin in ms, the store's (MTIME_MARGIN_MS). */
  margin: number;
}

export const FOLDER_KINDS = /^[dflo]*$/;

export function kindOf(entry: Dirent): string {
  if (entry.isDirectory()) return 'd';
  if (entry.isFile()) return 'f';
  if (entry.isSymbolicLink()) return 'l';
  return 'o';
}

/** A folder's entries, read now, under the stamp taken before the read (none: not to be remembered). */
export function listingOf(entries: Dirent[], stamp: Stats | undefined): FolderListing {
  const names: string[] = new Array<string>(entries.length);
  let kinds = '';
  for (let i = 0; i < entries.length; i++) {
    names[i] = entries[i].name;
    kinds += kindOf(entries[i]);
  }
  return { mtimeMs: stamp?.mtimeMs ?? NaN, ctimeMs: stamp?.ctimeMs ?? NaN, names, kinds };
}

/** Whether a folder stamped now can take the entries listed before. */
export function folderFresh(prev: FolderListing, now: Stats, memory: ListingMemory): boolean {
  return (
    now.mtimeMs === prev.mtimeMs &&
    now.ctimeMs === prev.ctimeMs &&
    now.mtimeMs < memory.time - memory.margin &&
    now.ctimeMs < memory.time - memory.margin
  );
}

/** A name a folder can hold: what a damaged store must not smuggle into a walk (`..`, a separator, NUL). */
export function isEntryName(name: string): boolean {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) return false;
  return process.platform !== 'win32' || !name.includes('\\');
}
