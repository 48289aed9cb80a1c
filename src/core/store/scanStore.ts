import { contentHash } from '../hash';
import type { Catalog, Evidence } from '../types';
import { FOLDER_KINDS, isEntryName, type FolderListing } from '../workspace/folderListing';
import { classesValid } from '../listedPaths';

/**
 * What a scan remembers of each file it read, so that the next scan of the same tree reads only what
 * changed. An entry is trusted only when the file's size and modification time are the ones seen
 * before it was read AND that time is older than the store's time by MTIME_MARGIN_MS: a file
 * rewritten within one tick of a coarse filesystem clock, after it was read, keeps its old time and
 * size, and must never keep its old facts.
 */
export const MTIME_MARGIN_MS = 2000;

/** The store's format; a store of another format is read as no store at all. */
export const STORE_FORMAT = 'backend-skill-map/scan-store';
export const STORE_VERSION = 3;

/** A file's size and modification time, taken before it is read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What one read file gave (without the evidence its path alone gives, which the listing finds again). */
export interface StoredFile extends FileStamp {
  evidence: Evidence[];
  skipped?: string;
}

/** The parts of a store's key, kept apart so that a mismatch can say which one changed. */
export interface StoreKey {
  /** The engine that wrote it (its version): readers' code changes what a file gives. */
  engine: string;
  /** The catalogue's content, user rules included. */
  catalog: string;
  /** The user's rule files' content. */
  rules: string;
  /** Scan options that change what a file gives (source imports read, size limit). */
  options: string;
}

export interface ScanStore {
  key: StoreKey;
  /** When the scan that wrote it started (ms since the epoch): no file was read before this. */
  time: number;
  files: Map<string, StoredFile>;
  /** The folders the scan listed, with their entries, for the next listing (empty when the source keeps none). */
  folders: ReadonlyMap<string, FolderListing>;
  /**
   * Per listed folder, what the scan made of each of its entries' paths, one character per name
   * (see listedPaths.ts); a folder whose listing is taken again takes these too.
   */
  classes?: ReadonlyMap<string, string>;
  /** The digest of the listing the scan made (see ListingDigest); absent in a store written before it was kept. */
  listing?: string;
}

const catalogHashes = new WeakMap<Catalog, string>();

/** The catalogue's identity: the compiled catalogue's own, else a hash of its skills and rules, computed once per catalogue object. */
export function catalogIdentity(catalog: Catalog): string {
  let h = catalogHashes.get(catalog);
  if (!h) {
    h = catalog.identity ?? contentHash(JSON.stringify([catalog.skills, catalog.softSkills, catalog.rules]));
    catalogHashes.set(catalog, h);
  }
  return h;
}

export interface StoreKeyInput {
  engine: string;
  catalog: Catalog;
  /** The user's rule files, path and content (undefined when unreadable). */
  ruleFiles?: readonly { path: string; content: string | Uint8Array | undefined }[];
  readSources: boolean;
  maxFileBytes?: number;
}

export function storeKey(input: StoreKeyInput): StoreKey {
  const rules = contentHash(
    JSON.stringify((input.ruleFiles ?? []).map((f) => [f.path, f.content === undefined ? null : contentHash(f.content)])),
  );
  return {
    engine: input.engine,
    catalog: catalogIdentity(input.catalog),
    rules,
    options: `sources=${input.readSources};max=${input.maxFileBytes ?? 'default'}`,
  };
}

/** Why a store cannot be used with this key, or undefined when it can. */
export function keyMismatch(stored: StoreKey, current: StoreKey): string | undefined {
  if (stored.engine !== current.engine) return `it was written by another version (${stored.engine}, now ${current.engine})`;
  if (stored.rules !== current.rules) return 'the rule files changed';
  if (stored.catalog !== current.catalog) return 'the skill catalogue changed';
  if (stored.options !== current.options) return 'the scan settings changed';
  return undefined;
}

/** Whether a file stamped now can take its facts from the entry. */
export function entryFresh(entry: FileStamp, now: FileStamp, storeTime: number): boolean {
  return entry.size === now.size && entry.mtimeMs === now.mtimeMs && now.mtimeMs < storeTime - MTIME_MARGIN_MS;
}

/**
 * JSON, compact for a large tree and quick to read back: every read file is a name, size, time and
 * result number under its folder; only files that gave evidence or a skip have a result (-1: none),
 * and results are a list, not an object keyed by path (a JSON object of tens of thousands of keys is
 * slow to build and to walk). A result's evidence is a flat list of line and code pairs, the code
 * indexing a table of rule, technology and the optional `via`, times two, plus one when the evidence
 * is weak (the file is the result's own); skips are pairs of result number and message.
 */
export function serializeStore(store: ScanStore): string {
  const dirs: Record<string, (string | number)[]> = {};
  const results: number[][] = [];
  const skips: (number | string)[] = [];
  const rules: RuleEntry[] = [];
  const ruleIndex = new Map<string, number>();
  for (const [p, f] of store.files) {
    const slash = p.lastIndexOf('/');
    const dir = slash < 0 ? '' : p.slice(0, slash);
    const list = (dirs[dir] ??= []);
    if (!f.evidence.length && f.skipped === undefined) {
      list.push(p.slice(slash + 1), f.size, f.mtimeMs, -1);
      continue;
    }
    const e: number[] = [];
    for (const ev of f.evidence) {
      const id = `${ev.rule}\n${ev.technology}\n${ev.via ?? ''}`;
      let i = ruleIndex.get(id);
      if (i === undefined) {
        i = rules.push(ev.via === undefined ? [ev.rule, ev.technology] : [ev.rule, ev.technology, ev.via]) - 1;
        ruleIndex.set(id, i);
      }
      e.push(ev.line, i * 2 + (ev.strength === 'weak' ? 1 : 0));
    }
    if (f.skipped !== undefined) skips.push(results.length, f.skipped);
    list.push(p.slice(slash + 1), f.size, f.mtimeMs, results.push(e) - 1);
  }
  const folders: Record<string, [number, number, string, string, string]> = {};
  for (const [rel, f] of store.folders) folders[rel] = [f.mtimeMs, f.ctimeMs, f.names.join('/'), f.kinds, store.classes?.get(rel) ?? ''];
  const doc = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    key: store.key,
    time: store.time,
    listing: store.listing,
    rules,
    dirs,
    results,
    skips,
    folders,
  };
  return JSON.stringify(doc);
}

export class StoreError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A store's text read as far as its key and time; `storeBody` builds the rest. */
export interface StoreHead {
  key: StoreKey;
  time: number;
  doc: Record<string, unknown>;
}

/** Parses a store's JSON and checks its format, key and time; throws StoreError. */
export function readStoreHead(text: string): StoreHead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new StoreError(`not readable JSON (${(err as Error).message.replace(/\s+/g, ' ')})`);
  }
  if (!isObject(doc) || doc.format !== STORE_FORMAT) throw new StoreError('not a scan store');
  if (doc.version !== STORE_VERSION) throw new StoreError(`store format ${String(doc.version)}, expected ${STORE_VERSION}`);
  const key = doc.key;
  if (!isObject(key) || !['engine', 'catalog', 'rules', 'options'].every((k) => typeof key[k] === 'string'))
    throw new StoreError('no valid key');
  if (typeof doc.time !== 'number' || !Number.isFinite(doc.time)) throw new StoreError('no valid time');
  return { key: key as unknown as StoreKey, time: doc.time, doc };
}

/**
 * Builds the store's files and folders from its parsed text, pausing (a `yield`) after every folder,
 * so that a caller can spread the work over turns of the event loop; throws StoreError.
 */
export function* storeBody(head: StoreHead): Generator<void, ScanStore> {
  const { dirs, results, rules, skips } = head.doc;
  if (!isObject(dirs) || !Array.isArray(results) || !Array.isArray(skips)) throw new StoreError('no file list');
  if (!Array.isArray(rules) || !rules.every(isRuleEntry)) throw new StoreError('no valid rule table');
  const skipOf = skipsOf(skips, results.length);
  const files = new Map<string, StoredFile>();
  for (const dir in dirs) {
    forEachEntry(dir, dirs[dir], (p, size, mtimeMs, r) => {
      if (!isResultNumber(r, results.length)) throw new StoreError(`damaged entry in folder "${dir}"`);
      if (r < 0) {
        files.set(p, { size, mtimeMs, evidence: NO_EVIDENCE });
        return;
      }
      const e = results[r];
      if (!Array.isArray(e) || e.length % 2 !== 0) throw new StoreError(`damaged result for "${p}"`);
      const file: StoredFile = { size, mtimeMs, evidence: e.length ? evidenceOf(p, e, rules) : NO_EVIDENCE };
      const skipped = skipOf.get(r);
      if (skipped !== undefined) file.skipped = skipped;
      files.set(p, file);
    });
    yield;
  }
  const classes = new Map<string, string>();
  const folders = foldersOf(head.doc.folders, classes);
  const listing = listingOf(head.doc);
  return { key: head.key, time: head.time, files, folders, classes, ...(listing !== undefined && { listing }) };
}

/** One folder's list of read files: name, size, time and result number each (the caller checks the number). */
function forEachEntry(dir: string, list: unknown, visit: (path: string, size: number, mtimeMs: number, result: unknown) => void): void {
  if (!Array.isArray(list) || list.length % 4 !== 0) throw new StoreError(`damaged entry for folder "${dir}"`);
  const prefix = dir ? dir + '/' : '';
  for (let i = 0; i < list.length; i += 4) {
    const name = list[i];
    const size = list[i + 1];
    const mtimeMs = list[i + 2];
    if (typeof name !== 'string' || !name || typeof size !== 'number' || typeof mtimeMs !== 'number')
      throw new StoreError(`damaged entry in folder "${dir}"`);
    visit(prefix + name, size, mtimeMs, list[i + 3]);
  }
}

function listingOf(doc: Record<string, unknown>): string | undefined {
  const listing = doc.listing;
  if (listing !== undefined && typeof listing !== 'string') throw new StoreError('no valid listing digest');
  return listing;
}

/** A store without its results: what a check of the folder against it needs (see quickCheck.ts). */
export interface StoreOutline {
  time: number;
  listing: string | undefined;
  folders: ReadonlyMap<string, FolderListing>;
  classes: ReadonlyMap<string, string>;
  /** The read files' paths, sizes and times, in the store's order. */
  paths: string[];
  sizes: number[];
  mtimes: number[];
}

/** The store's outline, checked as `storeBody` checks it, with no evidence built; throws StoreError. */
export function storeOutline(head: StoreHead): StoreOutline {
  const { dirs } = head.doc;
  if (!isObject(dirs)) throw new StoreError('no file list');
  const listing = listingOf(head.doc);
  const paths: string[] = [];
  const sizes: number[] = [];
  const mtimes: number[] = [];
  const keep = (p: string, size: number, mtimeMs: number) => {
    paths.push(p);
    sizes.push(size);
    mtimes.push(mtimeMs);
  };
  for (const dir in dirs) forEachEntry(dir, dirs[dir], keep);
  const classes = new Map<string, string>();
  const folders = foldersOf(head.doc.folders, classes);
  return { time: head.time, listing, folders, classes, paths, sizes, mtimes };
}

/** Reads a store back, at once; throws StoreError saying what is wrong with a damaged or foreign one. */
export function parseStore(text: string): ScanStore {
  const body = storeBody(readStoreHead(text));
  for (;;) {
    const step = body.next();
    if (step.done) return step.value;
  }
}

/**
 * The folder listings: each its two times, its names joined by `/` (which no name holds), one kind
 * letter per name, and one class character per name or none (into `classes`).
 */
function foldersOf(doc: unknown, classes: Map<string, string>): Map<string, FolderListing> {
  if (!isObject(doc)) throw new StoreError('no folder list');
  const folders = new Map<string, FolderListing>();
  for (const [rel, entry] of Object.entries(doc)) {
    const damaged = () => new StoreError(`damaged listing of folder "${rel}"`);
    if (!Array.isArray(entry) || entry.length !== 5) throw damaged();
    const [mtimeMs, ctimeMs, joined, kinds, known] = entry as unknown[];
    if (typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof joined !== 'string' || typeof kinds !== 'string')
      throw damaged();
    if (rel !== '' && !rel.split('/').every(isEntryName)) throw damaged();
    const names = joined === '' ? [] : joined.split('/');
    if (names.length !== kinds.length || !FOLDER_KINDS.test(kinds) || !names.every(isEntryName)) throw damaged();
    if (typeof known !== 'string' || (known !== '' && !classesValid(known, names.length))) throw damaged();
    folders.set(rel, { mtimeMs, ctimeMs, names, kinds });
    if (known !== '') classes.set(rel, known);
  }
  return folders;
}

/** What a file that gave nothing holds: one shared, frozen list. */
const NO_EVIDENCE = Object.freeze([]) as unknown as Evidence[];

const isResultNumber = (r: unknown, count: number): r is number => typeof r === 'number' && Number.isInteger(r) && r >= -1 && r < count;

/** The skips: pairs of result number and message. */
function skipsOf(list: unknown[], count: number): Map<number, string> {
  const skips = new Map<number, string>();
  if (list.length % 2 !== 0) throw new StoreError('damaged skip list');
  for (let i = 0; i < list.length; i += 2) {
    const r = list[i];
    const message = list[i + 1];
    if (!isResultNumber(r, count) || r < 0 || typeof message !== 'string') throw new StoreError('damaged skip list');
    skips.set(r, message);
  }
  return skips;
}

/** A rule table entry: the rule's id, its technology and, when the rule has one, its `via`. */
type RuleEntry = [string, string] | [string, string, string];

function isRuleEntry(r: unknown): r is RuleEntry {
  return Array.isArray(r) && (r.length === 2 || r.length === 3) && r.every((x) => typeof x === 'string');
}

function evidenceOf(file: string, list: unknown[], rules: RuleEntry[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (let i = 0; i < list.length; i += 2) {
    const line = list[i];
    const code = list[i + 1];
    if (typeof line !== 'number' || typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code >= rules.length * 2)
      throw new StoreError(`damaged evidence for "${file}"`);
    const [rule, technology, via] = rules[code >> 1];
    // The key order of the evidence a scan makes (match/evidencePolicy.ts): the output is the same.
    const e: Evidence = { file, line, technology, rule, strength: code & 1 ? 'weak' : 'strong' };
    if (via !== undefined) e.via = via;
    evidence.push(e);
  }
  return evidence;
}
