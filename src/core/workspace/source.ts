import type { Skipped } from '../types';
import type { FolderListing, ListingMemory } from './folderListing';

export interface FileEntry {
  /** Workspace-relative POSIX path. */
  path: string;
  size: number;
  /** Its place among its folder's names, when the source remembers the folder's listing (see `listedFolders`). */
  at?: number;
}

/**
 * Why a file was not read, for the code that acts on it; `skipped` says it to a person (the map's
 * skipped list). Control flow tests the code, never the message.
 */
export type SkipCode =
  | 'gone' // no longer exists
  | 'link-loop' // ELOOP: a link where the listing saw none, or a loop of links
  | 'outside-root' // a link out of the workspace
  | 'through-link' // a link within the workspace (its target is read at its own place)
  | 'not-regular' // a folder, FIFO, socket or device
  | 'too-large'
  | 'binary'
  | 'unreadable'; // permission denied, not ready, or another error

/** A file not read: the code for control flow, the message for the map. */
export interface SkippedRead {
  code: SkipCode;
  skipped: string;
}

/** A file's text; `partial` when it is only the beginning a `HeadCheck` found sufficient. */
export type ReadOutcome = { text: string; bytes: number; partial?: true } | SkippedRead;

/**
 * Lets a read stop after a file's beginning: `suffices` is asked with the first `bytes` bytes, decoded,
 * of a file at least that long, and says whether they are all the scan needs of it.
 */
export interface HeadCheck {
  /** At least SNIFF_BYTES, so that a binary file is told as the whole read would tell it. */
  bytes: number;
  suffices(text: string): boolean;
}

/**
 * Where the engine gets files from: a folder on disk, a set of files in memory, or whatever
 * an editor provides. Listing applies the excludes; reading is bounded.
 */
export interface FileSource {
  /** Absolute root, for display and the report. */
  readonly root: string;
  /**
   * The files, a folder (or some other batch) at a time. Given a memory, a source that can remember
   * the folders it lists (`listedFolders`), and takes a folder unchanged since `memory.previous` from there.
   */
  list(signal?: AbortSignal, memory?: ListingMemory): AsyncIterable<FileEntry[]>;
  /** The folders the last `list` given a memory remembered. */
  listedFolders?(): ReadonlyMap<string, FolderListing> | undefined;
  /** The files under one folder, after the listing (a folder that appeared since). */
  listUnder?(relFolder: string, signal?: AbortSignal): AsyncIterable<FileEntry[]>;
  read(relPath: string): Promise<ReadOutcome>;
  /**
   * The same read done at once, when it needs no waiting (a local file the listing reached with no
   * link on the way); undefined when `read` must be used. Saves a scan two promises per file. With
   * `head`, the read may stop after the file's beginning (the outcome is then `partial`); a file
   * that a whole read would skip (too large, binary, not a regular file) is skipped all the same.
   */
  readNow?(relPath: string, head?: HeadCheck): ReadOutcome | undefined;
  /**
   * A listed file's size and modification time, at once, without following a link; undefined when
   * it is not a plain file the listing reached without a link (such a file is always read).
   */
  statNow?(relPath: string): { size: number; mtimeMs: number } | undefined;
  /** Whether a path is excluded (for files reported by a watcher). */
  isExcluded(relPath: string): boolean;
  /** Entries skipped while listing (symlink loops, links out of the root, unreadable folders). */
  listingSkips(): Skipped[];
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Bytes looked at for NUL, which marks a binary file. */
export const SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8');

/** Decodes file bytes: UTF-8 (BOM stripped), UTF-16 with a BOM; NUL bytes mean binary. */
export function decode(buf: Uint8Array): { text: string } | SkippedRead {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  const sniff = Math.min(buf.length, SNIFF_BYTES);
  if (buf.subarray(0, sniff).indexOf(0) >= 0) return { code: 'binary', skipped: 'binary file (contains NUL bytes)' };
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  return { text: utf8.decode(buf.subarray(start)) };
}
