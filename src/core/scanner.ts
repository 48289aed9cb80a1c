import type { Catalog, Evidence, SkillMap, Skipped } from './types';
import type { FileSource } from './workspace/source';
import { RuleIndex } from './match/ruleIndex';
import { evaluate } from './evaluate';
import { readersFor } from './readers';
import { compileSomeGlobs } from './glob';
import { SOURCE_EXTENSIONS, sourceLanguage } from './languages';
import { hasRuleIndex, headCheck, keepRuleIndex, outcomeEvidence, ruleIndexFor, textEvidence, type FileResult } from './fileEvidence';
import { Combiner } from './combine/combine';
import { RequirementUse } from './match/requirementUse';
import { UnitIndex } from './combine/units';
import { Dismissals, type Dismissal } from './dismiss';
import { entryFresh, MTIME_MARGIN_MS, type ScanStore, type StoredFile, type StoreKey } from './store/scanStore';
import type { FolderListing, ListingMemory } from './workspace/folderListing';
import { ListedPaths, type PathSorting } from './listedPaths';
import { ListingDigest } from './store/listingDigest';
import { SLICE_MS, Slices, yieldToLoop } from './slices';

export interface ScanProgress {
  phase: 'listing' | 'configs' | 'imports';
  done: number;
  /** Files in this phase; while listing, not known yet (0). */
  total: number;
}

export interface ScanOptions {
  /**
   * Read source files (the second pass): their imports and the content rules for code. False skips
   * them and reads manifests and configs alone (the CLI's --no-imports, the editor's
   * backendSkillMap.scanImports). Default true.
   */
  readSources?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** Longest stretch of work between two turns of the event loop, in ms (default 20). */
  sliceMs?: number;
  /** Called with the map after the first (manifests and configs) pass. */
  onPartial?: (map: SkillMap) => void;
  /**
   * Remember what each file read gives, under this key, for `store()`; with `previous` (a store
   * whose key matched), a file unchanged since that store was written is not read again.
   */
  cache?: {
    key: StoreKey;
    previous?: ScanStore;
    /**
     * The caller has just found every file of `previous` unchanged but these (store/quickCheck.ts,
     * with the same listing) and watches for changes since: the other files' entries are taken
     * without stamping the files again.
     */
    unchangedExcept?: ReadonlySet<string>;
  };
}

/** What a scanner remembers for its store; `dirty` until written. */
interface Remembered {
  key: StoreKey;
  time: number;
  files: Map<string, StoredFile>;
  folders: ReadonlyMap<string, FolderListing>;
  classes: ReadonlyMap<string, string>;
  /** The digest of the scan's listing (see ListingDigest). */
  listing: string;
  dirty: boolean;
}

/** One scan's use of a store: the entries it keeps and what it counted. */
interface CacheUse {
  previous?: ScanStore;
  files: Map<string, StoredFile>;
  hits: number;
  listing: ListingDigest;
  unchangedExcept: ReadonlySet<string> | undefined;
}

interface FileRecord {
  evidence: Evidence[];
  skipped?: string;
}

const READ_CONCURRENCY = 24;

/** The extensions of the languages whose imports are read (src/core/languages). */
const SOURCE_EXT = new RegExp(`\\.(?:${SOURCE_EXTENSIONS.join('|')})$`, 'i');

/** Source code is read in the second pass; manifests and configs first. */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXT.test(path) && !path.endsWith('.d.ts');
}

/**
 * Scans one workspace folder and keeps what it found per file, so that a changed file is
 * re-read alone. Read-only: it opens files through the FileSource and nothing else.
 */
export class Scanner {
  private readonly index: RuleIndex;
  private records = new Map<string, FileRecord>();
  private listing: Skipped[] = [];
  private stats: SkillMap['stats'] = { files: 0, bytesRead: 0, ms: 0 };
  /** What each read file gave, with its stamp, when the last complete scan was asked to remember it. */
  private remembered: Remembered | undefined;
  /** How many times what it remembers has changed (a scan, an update): a map goes with the store of its version. */
  private storeEdits = 0;
  private readSources = true;
  private units = new UnitIndex();
  private readonly combiner: Combiner;
  private readonly requirements: RequirementUse;
  /** Languages of the source files the last scan read (and those added since): see RequirementUse. */
  private languagesRead = new Set<string>();
  private readonly dismissed: Dismissals;

  constructor(
    readonly source: FileSource,
    readonly catalog: Catalog,
    /** Rules the user says prove nothing in a file: their evidence is left out of the map. */
    dismissed: readonly Dismissal[] = [],
  ) {
    this.index = ruleIndexFor(catalog);
    this.combiner = new Combiner(() => catalog.rules);
    this.requirements = new RequirementUse(() => catalog.rules);
    this.dismissed = new Dismissals(dismissed);
  }

  /** Can this path hold evidence? Lets a watcher ignore everything else. */
  isRelevant(relPath: string): boolean {
    if (this.source.isExcluded(relPath)) return false;
    return this.index.pathEvidence(relPath).length > 0 || this.needsRead(relPath);
  }

  private needsRead(path: string): boolean {
    if (isSourceFile(path) && !this.readSources) return false;
    return readersFor(path).length > 0 || this.index.hasContentRules(path);
  }

  async scan(options: ScanOptions = {}): Promise<SkillMap> {
    const started = Date.now();
    this.readSources = options.readSources ?? true;
    const cache: CacheUse | undefined = options.cache && {
      previous: options.cache.previous,
      files: new Map(),
      hits: 0,
      listing: new ListingDigest(),
      unchangedExcept: options.cache.unchangedExcept,
    };
    let filesRead = 0;
    const records = new Map<string, FileRecord>();
    const units = new UnitIndex();
    let bytes = 0;
    const sliceMs = options.sliceMs ?? SLICE_MS;
    // With a store, the listing remembers its folders and takes again those unchanged since the last one,
    // and what the last scan made of their paths.
    const previous = cache?.previous;
    const paths = new ListedPaths(
      this.sorting,
      (p, evidence) => records.set(p, { evidence }),
      cache && this.source.listedFolders?.bind(this.source),
      previous,
    );
    const memory = cache && { previous: previous?.folders, time: previous?.time ?? 0, margin: MTIME_MARGIN_MS };
    const listed = await this.listAll(paths, units, memory, options, sliceMs, cache?.listing);
    const { configs, sources, languages: languagesRead } = paths;
    const listing = this.source.listingSkips();
    cache?.listing.addSkips(listing);
    const record = (p: string, rec: FileResult & { cached?: boolean }) => {
      bytes += rec.bytes;
      if (!rec.cached) filesRead++;
      if (rec.evidence.length || rec.skipped) {
        // Only files with something to show are kept: most source files prove nothing.
        const existing = records.get(p);
        records.set(p, { evidence: existing ? [...existing.evidence, ...rec.evidence] : rec.evidence, skipped: rec.skipped });
      }
    };
    const pass = async (paths: string[], phase: ScanProgress['phase']) => {
      let done = 0;
      let next = 0;
      const slices = new Slices(sliceMs, () => options.onProgress?.({ phase, done, total: paths.length }));
      const worker = async () => {
        while (next < paths.length && !options.signal?.aborted) {
          const p = paths[next++];
          // At once when the file needs no waiting (see FileSource.readNow), else through a promise.
          const now = cache ? this.cachedNow(p, cache) : this.readListedNow(p);
          record(p, now ?? (await this.readFile(p)));
          done++;
          if (slices.over()) await slices.pause();
        }
      };
      await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
      options.onProgress?.({ phase, done, total: paths.length });
    };
    // A cancelled scan stops at its next check. Cancelled before its configs pass ends, it leaves the
    // scanner as it was (the last complete map stays); later, the new records are partial.
    const cancelled = () => options.signal?.aborted === true;
    if (cancelled()) return this.current();
    await pass(configs, 'configs');
    if (cancelled()) return this.current();
    this.records = records;
    this.units = units;
    this.listing = listing;
    this.languagesRead = languagesRead;
    const stats = () => ({ files: listed, bytesRead: bytes, filesRead, ...(cache && { cacheHits: cache.hits }), ms: Date.now() - started });
    this.stats = stats();
    if (options.onPartial && sources.length) options.onPartial(this.current());
    await pass(sources, 'imports');
    this.stats = stats();
    this.remembered = cache && !cancelled() ? this.rememberScan(options.cache!.key, started, cache, paths.classes) : undefined;
    this.storeEdits++;
    return this.current();
  }

  /** Lists the workspace into the units and the sorted paths, in slices; returns how many files were listed. */
  private async listAll(
    paths: ListedPaths,
    units: UnitIndex,
    memory: ListingMemory | undefined,
    options: ScanOptions,
    sliceMs: number,
    digest?: ListingDigest,
  ) {
    let listed = 0;
    const slices = new Slices(sliceMs, () => options.onProgress?.({ phase: 'listing', done: listed, total: 0 }));
    for await (const batch of this.source.list(options.signal, memory)) {
      if (options.signal?.aborted) break;
      // The rule index's file and content part is built once a file is listed, a slice at a time.
      while (batch.length && this.index.indexSomePathRules(PATH_RULES_AT_ONCE)) if (slices.over()) await slices.pause();
      for (let from = 0; from < batch.length; from += PATHS_AT_ONCE) {
        const to = Math.min(from + PATHS_AT_ONCE, batch.length);
        for (let i = from; i < to; i++) units.add(batch[i].path);
        if (digest) for (let i = from; i < to; i++) digest.add(batch[i].path);
        paths.add(batch, from, to);
        listed += to - from;
        if (slices.over()) await slices.pause();
      }
    }
    return listed;
  }

  /** How a listed path is sorted: its path evidence, and the pass it is read in (see ListedPaths). */
  private readonly sorting: PathSorting = {
    pathEvidence: (p) => this.index.pathEvidence(p),
    readAs: (p) => {
      if (p === '.git/HEAD') return undefined;
      if (!isSourceFile(p)) return this.needsRead(p) ? { pass: 'config' } : undefined;
      return this.readSources && this.needsRead(p) ? { pass: 'source', language: sourceLanguage(p) } : undefined;
    },
  };

  /**
   * What the last complete scan (and the updates since) remembered of each file, to be written and
   * given back to the next scan; undefined unless that scan was given `cache`.
   */
  store(): ScanStore | undefined {
    const r = this.remembered;
    return r && { key: r.key, time: r.time, files: r.files, folders: r.folders, classes: r.classes, listing: r.listing };
  }

  /**
   * What a complete scan with a store leaves to write. Every file taken from the previous store, and
   * none gone: the previous store holds the same, under its own (earlier) time, and need not be written.
   */
  private rememberScan(key: StoreKey, started: number, cache: CacheUse, classes: ReadonlyMap<string, string>): Remembered {
    const prev = cache.previous;
    const folders = this.source.listedFolders?.() ?? new Map<string, FolderListing>();
    const listing = cache.listing.value();
    const same =
      !!prev &&
      prev.listing === listing &&
      cache.hits === cache.files.size &&
      prev.files.size === cache.files.size &&
      prev.folders.size === folders.size &&
      [...folders].every(([rel, listing]) => prev.folders.get(rel) === listing && prev.classes?.get(rel) === classes.get(rel));
    return { key, time: same ? prev.time : started, files: cache.files, folders, classes, listing, dirty: !same };
  }

  /** Changes with every scan and every update of what `store()` gives. */
  get storeVersion(): number {
    return this.storeEdits;
  }

  /** Whether the store changed since it was given to the scan (or was never written): see `store()`. */
  storeChanged(): boolean {
    return this.remembered?.dirty ?? false;
  }

  /** The store has been written as it is now. */
  storeWritten(): void {
    if (this.remembered) this.remembered.dirty = false;
  }

  /**
   * A file of the listing read at once, when it can be (undefined: `readFile` must be used); a
   * source file whose imports may be all that matters, only as far as they go (see `headCheck`).
   */
  private readListedNow(p: string): FileResult | undefined {
    if (!this.source.readNow) return undefined;
    const head = this.readSources ? headCheck(this.index, p) : undefined;
    const now = this.source.readNow(p, head);
    return now && outcomeEvidence(this.index, p, now, this.readSources, head);
  }

  /**
   * A file of the listing, taken from the previous store when its stamp says it has not changed;
   * otherwise stamped (before the read, so that a write during the read shows next time) and read.
   * Undefined when it must be read through `readFile` (a file without a stamp is always read). An
   * entry the caller vouches for (`unchangedExcept`) is taken without stamping the file.
   */
  private cachedNow(p: string, cache: CacheUse): (FileResult & { cached?: boolean }) | undefined {
    const prev = cache.previous?.files.get(p);
    const vouched = prev !== undefined && cache.unchangedExcept !== undefined && !cache.unchangedExcept.has(p);
    const stamp = vouched ? prev : this.source.statNow?.(p);
    if (!stamp) return undefined;
    if (prev && (vouched || entryFresh(prev, stamp, cache.previous!.time))) {
      cache.hits++;
      cache.files.set(p, prev);
      return { evidence: prev.evidence, skipped: prev.skipped, bytes: 0, cached: true };
    }
    const rec = this.readListedNow(p);
    if (rec && rec.skipCode !== 'gone')
      cache.files.set(p, { size: stamp.size, mtimeMs: stamp.mtimeMs, evidence: rec.evidence, skipped: rec.skipped });
    return rec;
  }

  /** A file was created or changed: re-read it alone. */
  async updateFile(relPath: string): Promise<SkillMap> {
    await this.refreshRecord(relPath);
    return this.current();
  }

  /** Re-reads one file into the records, without building a map. */
  private async refreshRecord(relPath: string): Promise<void> {
    if (this.source.isExcluded(relPath)) return this.dropRecords(relPath);
    this.units.add(relPath);
    const pathEv = this.index.pathEvidence(relPath);
    const needsRead = this.needsRead(relPath);
    const stamp = needsRead && this.remembered ? this.source.statNow?.(relPath) : undefined;
    const rec: FileResult = needsRead ? await this.readFile(relPath) : { evidence: [], bytes: 0 };
    if (rec.skipCode === 'gone') return this.dropRecords(relPath);
    const language = needsRead && isSourceFile(relPath) ? sourceLanguage(relPath)?.id : undefined;
    if (language !== undefined) this.languagesRead.add(language);
    if (stamp) this.remembered!.files.set(relPath, { ...stamp, evidence: rec.evidence, skipped: rec.skipped });
    else this.remembered?.files.delete(relPath);
    if (this.remembered) this.remembered.dirty = true;
    this.storeEdits++;
    const evidence = [...pathEv, ...rec.evidence];
    if (evidence.length || rec.skipped) this.records.set(relPath, { evidence, skipped: rec.skipped });
    else this.records.delete(relPath);
  }

  /**
   * A folder appeared: read what can hold evidence under it. An editor's watcher may report a new
   * folder and never the files written into it a moment later.
   */
  async addFolder(relPath: string, signal?: AbortSignal): Promise<SkillMap> {
    if (!this.source.listUnder) return this.current();
    const slices = new Slices(SLICE_MS, () => undefined);
    for await (const batch of this.source.listUnder(relPath, signal)) {
      for (const entry of batch) {
        if (signal?.aborted) return this.current();
        if (!this.source.isExcluded(entry.path)) this.units.add(entry.path);
        if (this.isRelevant(entry.path)) await this.refreshRecord(entry.path);
        if (slices.over()) await slices.pause();
      }
    }
    return this.current();
  }

  /** A folder changed as a whole (an event said it was deleted, yet it is there): re-read what is known under it. */
  async refreshFolder(relPath: string): Promise<SkillMap> {
    const prefix = relPath.endsWith('/') ? relPath : relPath + '/';
    for (const key of [...this.records.keys()]) if (key.startsWith(prefix)) await this.refreshRecord(key);
    return this.addFolder(relPath); // and what is new in it
  }

  /** A file was deleted. Everything under a deleted folder goes too. */
  removeFile(relPath: string): SkillMap {
    this.dropRecords(relPath);
    return this.current();
  }

  private dropRecords(relPath: string): void {
    this.units.remove(relPath);
    this.records.delete(relPath);
    const prefix = relPath.endsWith('/') ? relPath : relPath + '/';
    for (const key of [...this.records.keys()]) if (key.startsWith(prefix)) this.records.delete(key);
    const files = this.remembered?.files;
    this.storeEdits++;
    if (files) {
      this.remembered!.dirty = true;
      files.delete(relPath);
      for (const key of [...files.keys()]) if (key.startsWith(prefix)) files.delete(key);
    }
  }

  current(): SkillMap {
    let evidence: Evidence[] = [];
    const skipped: Skipped[] = [...this.listing];
    for (const [file, rec] of this.records) {
      evidence.push(...this.dismissed.filter(rec.evidence));
      if (rec.skipped) skipped.push({ file, reason: rec.skipped });
    }
    evidence = this.requirements.keepUsed(evidence, this.languagesRead);
    // Combining rules see only what is left, and their own evidence can be dismissed too.
    if (evidence.length && !this.combiner.empty) evidence.push(...this.dismissed.filter(this.combiner.evidence(evidence, this.units)));
    return evaluate(this.catalog, this.source.root, evidence, skipped, { ...this.stats });
  }

  /** Evidence in one file's text, as the scan would record it (for hovers on unsaved documents). */
  evidenceInText(relPath: string, text: string): Evidence[] {
    return this.inText(relPath, text).evidence;
  }

  /**
   * Evidence in one file's text, and what it leaves out because only tests use it: a go.mod line
   * whose module only tests import proves here what it proves in the map (for a hover to say why).
   */
  inText(relPath: string, text: string): { evidence: Evidence[]; testOnly: Evidence[] } {
    const found = this.dismissed.filter([...this.index.pathEvidence(relPath), ...textEvidence(this.index, relPath, text).evidence]);
    const evidence = this.requirements.keepUsed(found, this.languagesRead, this.evidenceBeside(relPath, found));
    if (evidence === found) return { evidence, testOnly: [] };
    const kept = new Set(evidence);
    return { evidence, testOnly: found.filter((e) => !kept.has(e)) };
  }

  /** The workspace's evidence with one file's as given (its text may be newer than its record). */
  private *evidenceBeside(relPath: string, found: readonly Evidence[]): Iterable<Evidence> {
    for (const [file, rec] of this.records) if (file !== relPath) yield* rec.evidence;
    yield* found;
  }

  private async readFile(relPath: string): Promise<FileResult> {
    return outcomeEvidence(this.index, relPath, await this.source.read(relPath), this.readSources);
  }
}

/** Listed paths sorted between two checks of a scan's slice (well under a millisecond when their folder is remembered). */
const PATHS_AT_ONCE = 64;
/** File and content rules indexed between two checks of a scan's slice (a few hundred microseconds). */
const PATH_RULES_AT_ONCE = 10;
/** Rules indexed between two turns of the event loop by `prepareRuleIndex`: about 5 ms of work. */
const RULES_PER_SLICE = 200;
/** Globs compiled between two turns of the event loop by `prepareRuleIndex`. */
const GLOBS_PER_SLICE = 100;

/**
 * Builds the rule index for a catalogue in pieces, yielding to the event loop between them, so that
 * an editor's first scan does not block its host for the whole build (some 50 ms when cold). A
 * Scanner made afterwards for the same catalogue finds it ready.
 */
export async function prepareRuleIndex(catalog: Catalog, signal?: AbortSignal): Promise<void> {
  if (hasRuleIndex(catalog)) return;
  const index = new RuleIndex(catalog, 0);
  for (let start = 0; start < catalog.rules.length; start += RULES_PER_SLICE) {
    if (signal?.aborted) return;
    index.addRules(start, start + RULES_PER_SLICE);
    await yieldToLoop();
  }
  // Globs compile on first use; here they compile ahead, a hundred at a time.
  while (compileSomeGlobs(GLOBS_PER_SLICE)) {
    if (signal?.aborted) return;
    await yieldToLoop();
  }
  keepRuleIndex(catalog, index);
}

/** Evidence in a text for a path, without a scanner (hovers, rule examples). */
export function evidenceInText(relPath: string, text: string, catalog: Catalog): Evidence[] {
  const index = ruleIndexFor(catalog);
  return [...index.pathEvidence(relPath), ...textEvidence(index, relPath, text).evidence];
}
