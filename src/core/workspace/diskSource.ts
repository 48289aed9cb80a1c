import { constants as C, closeSync, existsSync, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { entriesOf, readStart, realPath } from './fsAsync';
import * as path from 'node:path';
import type { Skipped } from '../types';
import { formatBytes } from '../format';
import {
  decode,
  DEFAULT_MAX_FILE_BYTES,
  type FileEntry,
  type FileSource,
  type HeadCheck,
  type ReadOutcome,
  type SkippedRead,
} from './source';
import { folderFresh, listingOf, type FolderListing, type ListingMemory } from './folderListing';
import {
  fileIgnoredByLayers,
  ignoredByLayers,
  includeFilter,
  defaultExcludedSegment,
  isDefaultExcludedChild,
  parseGitignore,
  userExcluder,
  type GitignoreLayer,
  type IncludeFilter,
} from './excludes';

export interface DiskSourceOptions {
  /** Extra globs to exclude, workspace-relative. */
  excludes?: readonly string[];
  /** When given, only the files these globs match are listed (workspace-relative; a folder stands for what it holds). */
  includes?: readonly string[];
  /** Honour .gitignore files (default true). */
  useGitignore?: boolean;
  /** Larger files are skipped (default 2 MiB). */
  maxFileBytes?: number;
}

const MAX_GITIGNORE_BYTES = 256 * 1024;
const DIR_CONCURRENCY = 16;
/** The read buffer grows up to this size (a larger one is used for that read only). */
const MAX_KEPT_BUFFER = 1024 * 1024;

/**
 * A folder on disk. Never follows a link: one out of the root would read what is not the workspace,
 * and one within it names files the listing reaches at their own place (a documentation folder
 * linking to the sources would show each piece of their evidence twice). Never opens a FIFO.
 */
export class DiskSource implements FileSource {
  /** One read buffer for every read of every source (the text is decoded out of it at once). */
  private static readBuffer = Buffer.allocUnsafe(64 * 1024);
  readonly root: string;
  /** The root with a separator after it: a relative path (with `/`, which every platform accepts) appended makes a file's path. */
  private readonly rootPrefix: string;
  private readonly maxFileBytes: number;
  private readonly useGitignore: boolean;
  private readonly excluded: (rel: string) => boolean;
  private readonly included: IncludeFilter | undefined;
  private skips: Skipped[] = [];
  private layersByDir = new Map<string, GitignoreLayer[]>();
  private realRoot: string | undefined;
  /**
   * Folders the listing reached without a link on the way, and links it met in them: a file in such
   * a folder that is not itself a link needs no realpath before it is opened (O_NOFOLLOW guards the
   * last step). Folders rather than files: a fifth of the memory on a large workspace.
   */
  private plainDirs = new Set<string>();
  private linksInPlainDirs = new Set<string>();
  /** What the listing may take again, and the plain folders it listed (when asked to remember them). */
  private memory: ListingMemory | undefined;
  private folders: Map<string, FolderListing> | undefined;

  constructor(root: string, options: DiskSourceOptions = {}) {
    this.root = path.resolve(root);
    this.rootPrefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.useGitignore = options.useGitignore ?? true;
    this.excluded = userExcluder(options.excludes ?? []);
    this.included = includeFilter(options.includes ?? []);
  }

  listingSkips(): Skipped[] {
    return this.skips;
  }

  isExcluded(relPath: string): boolean {
    return this.excludedBesidesIncludes(relPath) || (relPath !== '.git/HEAD' && !!this.included && !this.included.file(relPath));
  }

  /** Excluded by the built-in folders, the caller's globs or a .gitignore. */
  private excludedBesidesIncludes(relPath: string): boolean {
    const parts = relPath.split('/');
    if (defaultExcludedSegment(parts, (parent, entry) => this.hasEntry(parent, entry)) >= 0) return !(relPath === '.git/HEAD');
    if (this.excluded(relPath)) return true;
    if (!this.useGitignore) return false;
    const dir = parts.slice(0, -1).join('/');
    const layers = this.layersByDir.get(dir);
    return layers ? ignoredByLayers(layers, relPath, false) : false;
  }

  async *list(signal?: AbortSignal, memory?: ListingMemory): AsyncIterable<FileEntry[]> {
    this.skips = [];
    this.layersByDir.clear();
    this.plainDirs.clear();
    this.linksInPlainDirs.clear();
    this.memory = memory;
    this.folders = memory && new Map();
    this.realRoot = await realPath(this.root);
    yield* this.walk({ rel: '', abs: this.root, layers: [], afterListing: false }, signal);
  }

  /**
   * The files under one folder, for a folder that appeared after the listing (an editor's watcher
   * may report a new folder and not the files written into it at once). Its files are treated as
   * reached through a link: each is checked with realpath before it is opened.
   */
  async *listUnder(relFolder: string, signal?: AbortSignal): AsyncIterable<FileEntry[]> {
    if (this.excludedBesidesIncludes(relFolder + '/x') || (this.included && !this.included.folder(relFolder))) return;
    this.realRoot ??= await realPath(this.root);
    const abs = path.join(this.root, ...relFolder.split('/'));
    let real: string;
    try {
      real = await realPath(abs);
    } catch {
      return;
    }
    if (!samePath(real, this.realPathOf(relFolder))) return;
    // What an earlier walk of this folder skipped is found again below (the list is the one a scan's map shows).
    const prefix = relFolder + '/';
    for (let i = this.skips.length - 1; i >= 0; i--) if (this.skips[i].file.startsWith(prefix)) this.skips.splice(i, 1);
    const parent = relFolder.includes('/') ? relFolder.slice(0, relFolder.lastIndexOf('/')) : '';
    yield* this.walk({ rel: relFolder, abs, layers: this.layersByDir.get(parent) ?? [], afterListing: true }, signal);
  }

  private async *walk(
    // `afterListing`: a folder that appeared after the listing, whose files are each checked with realpath when read.
    start: { rel: string; abs: string; layers: GitignoreLayer[]; afterListing: boolean },
    signal?: AbortSignal,
  ): AsyncIterable<FileEntry[]> {
    // Each queued folder: its relative path ('' for the root), its absolute path and its parent's .gitignore layers.
    const queue = [start];
    for (let head = 0; head < queue.length;) {
      if (signal?.aborted) return;
      const batch = queue.slice(head, head + DIR_CONCURRENCY);
      head += batch.length;
      if (head > 4096) {
        queue.splice(0, head);
        head = 0;
      }
      const listed = await Promise.all(batch.map((d) => this.readDir(d.rel, d.abs, d.afterListing)));
      for (let b = 0; b < batch.length; b++) {
        const dir = batch[b];
        const listing = listed[b];
        if (!listing) continue;
        const { names, kinds } = listing;
        let layers = dir.layers;
        const ignoreAt = this.useGitignore ? names.indexOf('.gitignore') : -1;
        if (ignoreAt >= 0 && kinds[ignoreAt] !== 'd') {
          const text = await this.readSmall(path.join(dir.abs, '.gitignore'));
          if (text !== undefined) layers = [...layers, parseGitignore(dir.rel ? dir.rel + '/' : '', text)];
        }
        this.layersByDir.set(dir.rel, layers);
        if (!dir.afterListing) this.plainDirs.add(dir.rel);
        const files: FileEntry[] = [];
        for (let i = 0; i < names.length; i++) {
          const name = names[i];
          const rel = dir.rel ? `${dir.rel}/${name}` : name;
          if (name === '.git') {
            if (dir.rel === '') files.push({ path: '.git/HEAD', size: 0 });
            continue;
          }
          const kind = kinds[i];
          const isDir = kind === 'd';
          const isFile = kind === 'f';
          if (kind === 'l') {
            if (!dir.afterListing) this.linksInPlainDirs.add(rel);
            this.skips.push({ file: rel, reason: await this.linkSkipped(rel, path.join(dir.abs, name)) });
            continue;
          } else if (!isDir && !isFile) {
            this.skips.push({ file: rel, reason: 'not a regular file (FIFO, socket or device): not opened' });
            continue;
          }
          if (isDir) {
            if (isDefaultExcludedChild(name, (entry) => names.includes(entry))) continue;
            if (this.excluded(rel) || (this.included && !this.included.folder(rel))) continue;
            if (this.useGitignore && ignoredByLayers(layers, rel, true)) continue;
            queue.push({ rel, abs: path.join(dir.abs, name), layers, afterListing: dir.afterListing });
          } else if (isFile) {
            if (this.excluded(rel) || (this.included && !this.included.file(rel))) continue;
            if (this.useGitignore && fileIgnoredByLayers(layers, rel, name)) continue;
            files.push({ path: rel, size: -1, at: i });
          }
        }
        if (files.length) yield files;
      }
    }
  }

  async read(relPath: string): Promise<ReadOutcome> {
    const now = this.readNow(relPath);
    if (now) return now;
    const abs = this.rootPrefix + relPath;
    try {
      if (this.realRoot) {
        const real = await realPath(abs);
        if (!isInside(this.realRoot, real)) return OUTSIDE_ROOT;
        if (!samePath(real, this.realPathOf(relPath))) return THROUGH_LINK;
      }
    } catch (err) {
      return describeError(err);
    }
    return this.readLocal(abs, false);
  }

  readNow(relPath: string, head?: HeadCheck): ReadOutcome | undefined {
    const slash = relPath.lastIndexOf('/');
    if (!this.plainDirs.has(slash < 0 ? '' : relPath.slice(0, slash)) || this.linksInPlainDirs.has(relPath)) return undefined;
    const outcome = this.readLocal(this.rootPrefix + relPath, true, head);
    // ELOOP under O_NOFOLLOW: a link was put there since the listing; `read` checks it like any other.
    return 'code' in outcome && outcome.code === 'link-loop' ? undefined : outcome;
  }

  statNow(relPath: string): { size: number; mtimeMs: number } | undefined {
    const slash = relPath.lastIndexOf('/');
    if (!this.plainDirs.has(slash < 0 ? '' : relPath.slice(0, slash)) || this.linksInPlainDirs.has(relPath)) return undefined;
    try {
      const s = lstatSync(this.rootPrefix + relPath, { throwIfNoEntry: false });
      return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Opens and reads one file synchronously into a buffer reused from file to file: small files read
   * this way cost a fraction of the thread-pool round trips of the promise API, and the scanner yields
   * to the event loop between batches. The size is asked for (fstat) only when the read comes back
   * empty or over the limit, which is where a FIFO, a device or a huge file shows itself.
   * O_NONBLOCK: opening a FIFO that slipped past the listing must not wait for a writer. O_NOFOLLOW
   * on a file the listing saw as plain: a link put there since is not followed. With `head`, the
   * first read asks for that many bytes, and a file that long stops there if its beginning suffices.
   */
  private readLocal(abs: string, plain: boolean, head?: HeadCheck): ReadOutcome {
    let fd: number | undefined;
    try {
      fd = openSync(abs, C.O_RDONLY | C.O_NONBLOCK | (plain ? C.O_NOFOLLOW : 0));
      const limit = this.maxFileBytes;
      let buf = DiskSource.readBuffer;
      let length = 0;
      let ended = false;
      if (head && head.bytes <= buf.length) {
        length = readSync(fd, buf, 0, head.bytes, 0);
        ended = length < head.bytes;
        const partial = ended ? undefined : this.headOnly(fd, buf.subarray(0, length), head);
        if (partial) return partial;
      }
      while (!ended) {
        if (length === buf.length) {
          if (length > limit) break;
          const grown = Buffer.allocUnsafe(Math.min(buf.length * 4, limit + 1));
          buf.copy(grown, 0, 0, length);
          buf = grown;
        }
        const want = buf.length - length;
        const n = readSync(fd, buf, length, want, length);
        length += n;
        // Shorter than asked: the end of a regular file (one more read would only say so).
        ended = n < want;
      }
      if (length === 0 || length > limit) {
        const stat = fstatSync(fd);
        if (!stat.isFile()) return { code: 'not-regular', skipped: 'not a regular file: not read' };
        if (length > limit)
          return {
            code: 'too-large',
            skipped: `too large (${formatBytes(Math.max(stat.size, length))}; the limit is ${formatBytes(limit)})`,
          };
      }
      if (buf.length > DiskSource.readBuffer.length && buf.length <= MAX_KEPT_BUFFER) DiskSource.readBuffer = buf;
      const decoded = decode(buf.subarray(0, length));
      return 'text' in decoded ? { text: decoded.text, bytes: length } : decoded;
    } catch (err) {
      return describeError(err);
    } finally {
      if (fd !== undefined) {
        try {
          closeSync(fd);
        } catch {
          // already closed: nothing to release
        }
      }
    }
  }

  /**
   * A file's beginning as its outcome, when `head` finds it sufficient and a whole read would not skip
   * the file: the size is asked for (a file over the limit is skipped whatever its beginning holds);
   * a binary file shows in its first SNIFF_BYTES, which the beginning holds.
   */
  private headOnly(fd: number, bytes: Buffer, head: HeadCheck): ReadOutcome | undefined {
    const decoded = decode(bytes);
    if (!('text' in decoded) || !head.suffices(decoded.text)) return undefined;
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size <= this.maxFileBytes ? { text: decoded.text, bytes: bytes.length, partial: true } : undefined;
  }

  /** The folders the last listing reached without a link, with their entries and stamps; undefined unless `list` was given a memory. */
  listedFolders(): ReadonlyMap<string, FolderListing> | undefined {
    return this.folders;
  }

  /**
   * A folder's entries. When the listing remembers folders, a plain one (reached with no link on the
   * way) is stamped first, and taken from the last listing when its stamp says nothing was added,
   * removed or renamed in it since (see folderListing.ts).
   */
  private async readDir(rel: string, abs: string, afterListing: boolean): Promise<FolderListing | undefined> {
    try {
      const memory = this.memory;
      // The root may be reached through a link of its own; a folder below it was seen as a folder, not a link.
      const stamp = memory && !afterListing ? (rel ? lstatSync(abs, { throwIfNoEntry: false }) : statSync(abs)) : undefined;
      const remember = stamp?.isDirectory() ? stamp : undefined;
      const prev = remember && memory!.previous?.get(rel);
      if (prev && folderFresh(prev, remember!, memory!)) {
        this.folders!.set(rel, prev);
        return prev;
      }
      const listing = listingOf(await entriesOf(abs), remember);
      if (remember) this.folders!.set(rel, listing);
      return listing;
    } catch (err) {
      if (rel) this.skips.push({ file: rel + '/', reason: describeError(err).skipped });
      else throw err;
      return undefined;
    }
  }

  /** Whether a folder of the workspace holds an entry of that name (asked only of a default-excluded folder's parent). */
  private hasEntry(relFolder: string, entry: string): boolean {
    const listed = this.folders?.get(relFolder);
    if (listed) return listed.names.includes(entry);
    return existsSync(path.join(this.root, ...relFolder.split('/').filter(Boolean), entry));
  }

  /** Where a path is when no link is on its way (the root may be reached through a link of its own). */
  private realPathOf(relPath: string): string {
    return path.join(this.realRoot!, ...relPath.split('/'));
  }

  /** Why the listing did not follow a link (it follows none: see the class). */
  private async linkSkipped(rel: string, abs: string): Promise<string> {
    let real: string;
    try {
      real = await realPath(abs);
    } catch (err) {
      return `broken or looping link (${describeError(err).skipped})`;
    }
    if (!isInside(this.realRoot!, real)) return OUTSIDE_ROOT.skipped;
    const target = path.relative(this.realRoot!, real).split(path.sep).join('/');
    if (target === '' || rel.startsWith(target + '/')) return 'link loops back to a folder above it: not followed';
    return `link to ${target}, inside the workspace: not followed, so that no file is read twice`;
  }

  private async readSmall(abs: string): Promise<string | undefined> {
    try {
      return await readStart(abs, C.O_RDONLY | C.O_NONBLOCK, MAX_GITIGNORE_BYTES);
    } catch {
      return undefined;
    }
  }
}

const OUTSIDE_ROOT: SkippedRead = { code: 'outside-root', skipped: 'link points outside the workspace: not followed' };
const THROUGH_LINK: SkippedRead = { code: 'through-link', skipped: 'reached through a link: not followed, so that no file is read twice' };

/** Paths equal as the file system compares them: a case-insensitive one may give a name in another case than it was asked in. */
function samePath(a: string, b: string): boolean {
  return a === b || (CASE_INSENSITIVE && a.toLowerCase() === b.toLowerCase());
}
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function describeError(err: unknown): SkippedRead {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable', skipped: 'unreadable: permission denied' };
    case 'ENOENT':
      return { code: 'gone', skipped: 'no longer exists' };
    case 'ELOOP':
      return { code: 'link-loop', skipped: 'symbolic link loop' };
    case 'EISDIR':
      return { code: 'not-regular', skipped: 'is a folder' };
    case 'EAGAIN':
      return { code: 'unreadable', skipped: 'not ready for reading (FIFO or device): not read' };
    default:
      return { code: 'unreadable', skipped: `unreadable: ${code ?? (err instanceof Error ? err.message : String(err))}` };
  }
}
