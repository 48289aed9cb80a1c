import { createHash } from 'node:crypto';
import { promises as fsp, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import {
  contentHash,
  formatBytes,
  openStoreSliced,
  serializeStore,
  writeFileAtomic,
  writeFileAtomicSync,
  type Scanner,
  type ScanStore,
  type SkillMap,
  type StoreKey,
} from '../core';
import type { QuickCheckFolder } from './reopenCheck';

/** How long after a scan or an update the stores are written (a burst of saves writes them once). */
const WRITE_DELAY_MS = 1000;

const MAP_FORMAT = 'backend-skill-map/remembered-map';
/** A remembered map larger than this is not shown (it would block the extension host while read). */
const MAX_MAP_BYTES = 32 * 1024 * 1024;

interface Stored {
  folders: { folder: vscode.WorkspaceFolder; scanner: Scanner }[];
  map: SkillMap;
  /** What else the map was made from (rules, settings: see `mapInputs`); undefined: not known. */
  inputs: string | undefined;
  /** Each scanner's store version when the map was made: a map goes only with the stores it was made from. */
  versions: number[];
}

/**
 * What lets the next session check a remembered map quickly: what it was made from, and the hash of
 * each folder's scan store as written with it.
 */
export interface MapCheck {
  inputs: string;
  stores: string[];
}

/** A remembered map, with its check when it was written with one. */
export interface RememberedMap {
  map: SkillMap;
  check?: MapCheck;
}

const isMapCheck = (c: unknown): c is MapCheck =>
  typeof (c as MapCheck)?.inputs === 'string' &&
  Array.isArray((c as MapCheck).stores) &&
  (c as MapCheck).stores.every((h) => typeof h === 'string');

/**
 * The scan stores of a workspace, in the extension's workspace storage: per folder, what each file
 * gave (so that reopening reads only what changed), and the last map of the whole workspace (shown
 * at once on reopening, marked as being checked). Written a moment after a scan or an update, whole
 * or not at all; a store that cannot be used is a line in the log and a full scan.
 */
export class ScanStores {
  private pending: Stored | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The hash of each folder's store on disk (by folder URI), as this session read or wrote it. */
  private readonly hashes = new Map<string, string>();

  constructor(
    /** The workspace storage folder; undefined (no workspace) keeps nothing. */
    private readonly dir: string | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private static id(folder: vscode.WorkspaceFolder): string {
    return createHash('sha256').update(folder.uri.toString()).digest('hex').slice(0, 16);
  }

  private filesPath(folder: vscode.WorkspaceFolder): string {
    return path.join(this.dir!, `scan-${ScanStores.id(folder)}.json`);
  }

  private get mapPath(): string {
    return path.join(this.dir!, 'remembered-map.json');
  }

  /**
   * The map the last session left for these folders, if any. Never throws. Read at once: it is small
   * (the map keeps at most 500 pieces of evidence per skill; under 2 MB at 100k files), and a read through
   * the thread pool waits its turn behind whatever else the starting extension host does.
   */
  rememberedMap(folders: readonly vscode.WorkspaceFolder[]): RememberedMap | undefined {
    if (!this.dir || !folders.length) return undefined;
    let text: string;
    try {
      if (statSync(this.mapPath).size > MAX_MAP_BYTES) {
        this.log.warn(`remembered map not shown: it is larger than ${formatBytes(MAX_MAP_BYTES)}`);
        return undefined;
      }
      text = readFileSync(this.mapPath, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const doc = JSON.parse(text);
      const same = Array.isArray(doc?.folders) && doc.folders.join('\n') === folders.map((f) => f.uri.toString()).join('\n');
      if (doc?.format !== MAP_FORMAT || !same || !Array.isArray(doc.map?.skills) || !doc.map.stats) return undefined;
      const check = isMapCheck(doc.check) && doc.check.stores.length === folders.length ? doc.check : undefined;
      return { map: doc.map as SkillMap, ...(check && { check }) };
    } catch (err) {
      this.log.warn(`remembered map not shown: it is damaged (${(err as Error).message})`);
      return undefined;
    }
  }

  /** The folder's store if this scan can use it; otherwise a line in the log says why every file is read. */
  async previous(folder: vscode.WorkspaceFolder, key: StoreKey): Promise<ScanStore | undefined> {
    if (!this.dir) return undefined;
    let text: string;
    try {
      text = await fsp.readFile(this.filesPath(folder), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log.warn(`  ${folder.name}: scan store not used (${(err as Error).message}); reading every file`);
      return undefined;
    }
    this.hashes.set(folder.uri.toString(), contentHash(text));
    const opened = await openStoreSliced(text, key);
    if (opened.problem) this.log.info(`  ${folder.name}: scan store not used: ${opened.problem}; reading every file`);
    return opened.store;
  }

  /** The hash of the folder's store as this session last read or wrote it. */
  storeHash(folder: vscode.WorkspaceFolder): string | undefined {
    return this.hashes.get(folder.uri.toString());
  }

  /** What the quick check of a remembered map reads: each folder's store, with its hash as the map recorded it. */
  quickCheckFolders(
    folders: readonly vscode.WorkspaceFolder[],
    check: MapCheck,
    settings: (f: vscode.WorkspaceFolder) => { excludes: string[]; includes: string[] },
  ): QuickCheckFolder[] | undefined {
    if (!this.dir) return undefined;
    return folders.map((folder, i) => ({
      name: folder.name,
      root: folder.uri.fsPath,
      storePath: this.filesPath(folder),
      storeHash: check.stores[i],
      ...settings(folder),
    }));
  }

  /** Writes the stores and the map a moment from now (a later call within the delay replaces this one). */
  schedule(folders: Stored['folders'], map: SkillMap, inputs: string | undefined): void {
    if (!this.dir) return;
    this.pending = { folders, map, inputs, versions: folders.map((f) => f.scanner.storeVersion) };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, WRITE_DELAY_MS);
  }

  /** Writes what is waiting now; resolves when it is written. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const job = this.pending;
    this.pending = undefined;
    if (job) this.writing = this.writing.then(() => this.write(job));
    await this.writing;
  }

  private async write(job: Stored): Promise<void> {
    try {
      for (const { folder, scanner } of job.folders) {
        const store = scanner.store();
        if (!store || !scanner.storeChanged()) continue; // what is on disk is what it would write
        const text = serializeStore(store);
        scanner.storeWritten(); // before the write: an update meanwhile makes it changed again
        this.hashes.delete(folder.uri.toString());
        await writeFileAtomic(this.filesPath(folder), text);
        this.hashes.set(folder.uri.toString(), contentHash(text));
      }
      await writeFileAtomic(this.mapPath, this.mapText(job));
    } catch (err) {
      this.log.warn(`cannot write the scan store: ${(err as Error).message}`);
    }
  }

  /**
   * The map, with its check when every folder's store on disk is the one the map was made from (no
   * update since: an update after the map was made may be in the store already).
   */
  private mapText(job: Stored): string {
    const stores = job.folders.map((f) => (f.scanner.store() ? this.hashes.get(f.folder.uri.toString()) : undefined));
    const made = job.folders.every((f, i) => f.scanner.storeVersion === job.versions[i]);
    const check = job.inputs !== undefined && made && stores.every((h) => h !== undefined) ? { inputs: job.inputs, stores } : undefined;
    return JSON.stringify({ format: MAP_FORMAT, folders: job.folders.map((f) => f.folder.uri.toString()), map: job.map, check });
  }

  /** The window is closing: what waits is written now, synchronously. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    const job = this.pending;
    this.pending = undefined;
    if (!job) return;
    try {
      for (const { folder, scanner } of job.folders) {
        const store = scanner.store();
        if (!store || !scanner.storeChanged()) continue;
        const text = serializeStore(store);
        this.hashes.delete(folder.uri.toString());
        writeFileAtomicSync(this.filesPath(folder), text);
        this.hashes.set(folder.uri.toString(), contentHash(text));
        scanner.storeWritten();
      }
      writeFileAtomicSync(this.mapPath, this.mapText(job));
    } catch {
      // the next session scans every file
    }
  }
}

/** This build of the extension: its version and its bundle's size and time (a rebuild changes them). */
export function extensionBuild(version: string, bundle: string): string {
  try {
    const s = statSync(bundle);
    return `${version}+${s.size}.${Math.round(s.mtimeMs)}`;
  } catch {
    return version;
  }
}
