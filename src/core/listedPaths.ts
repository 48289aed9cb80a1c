import type { Evidence } from './types';
import { LANGUAGE_DESCRIPTORS, type LanguageDescriptor } from './languages';
import type { FileEntry } from './workspace/source';
import type { FolderListing } from './workspace/folderListing';

/**
 * What a scan does with a listed path, told by its path alone: read it in the first pass (a manifest
 * or config), in the second (a source file, of a language), or not at all; and whether rules fire on
 * the path itself. With the same catalogue, rule files and settings (the store's key) a path is always
 * sorted the same way, so the store keeps each folder's answers, one character per entry of its
 * listing, and a folder whose listing is taken from the store takes its answers too: its paths are
 * not matched against the rules again. A path with path evidence is asked for it again (the answer
 * is the same; the store keeps only that there is some).
 *
 * A character is `?` (not known: a folder, a file the listing left out, a name not asked about) or
 * `a` plus a number: twice the way it is read (0 not read, 1 first pass, 2 second pass of no known
 * language, 3 + n second pass of the n-th language), plus one when the path gives evidence. Twelve
 * languages fit below `~`; the sources of any language past them would be stored as `?`, and asked
 * about again on the next scan.
 */
export const UNKNOWN_CLASS = '?';
const FIRST = 97; // 'a'
const LAST = 126; // '~': JSON keeps every character between the two as it is
const NOT_READ = 0;
const CONFIG = 1;
const SOURCE = 2;

/** Whether a stored string of classes can be read back for a listing of `count` entries. */
export function classesValid(classes: string, count: number): boolean {
  if (classes.length !== count) return false;
  const max = FIRST + 2 * (SOURCE + LANGUAGE_DESCRIPTORS.length) + 1;
  for (let i = 0; i < classes.length; i++) {
    const c = classes.charCodeAt(i);
    if (c !== 63 /* ? */ && (c < FIRST || c > Math.min(max, LAST))) return false;
  }
  return true;
}

/** How the scanner sorts one path, asked when its folder's stored answer is not known. */
export interface PathSorting {
  /** The path's evidence from its path alone. */
  pathEvidence(path: string): Evidence[];
  /** 'config' (first pass), 'source' (second pass, with its language) or undefined (not read). */
  readAs(path: string): { pass: 'config' } | { pass: 'source'; language: LanguageDescriptor | undefined } | undefined;
}

const languageIndex = new Map(LANGUAGE_DESCRIPTORS.map((d, i) => [d, i]));

function encode(read: ReturnType<PathSorting['readAs']>, evidence: boolean): string {
  let way = NOT_READ;
  if (read?.pass === 'config') way = CONFIG;
  else if (read?.pass === 'source') way = read.language ? SOURCE + 1 + languageIndex.get(read.language)! : SOURCE;
  const code = FIRST + 2 * way + (evidence ? 1 : 0);
  return code > LAST ? UNKNOWN_CLASS : String.fromCharCode(code);
}

/**
 * The paths of one listing, sorted into the two passes, with the languages of the sources and the
 * path evidence; keeps each remembered folder's answers for the next store.
 */
export class ListedPaths {
  readonly configs: string[] = [];
  readonly sources: string[] = [];
  readonly languages = new Set<string>();
  /** Folder → its entries' classes, for the folders the source remembers. */
  readonly classes = new Map<string, string>();

  constructor(
    private readonly sorting: PathSorting,
    /** Paths with evidence from the path alone go here, in listing order. */
    private readonly onPathEvidence: (path: string, evidence: Evidence[]) => void,
    /** The folders the source has listed so far (undefined: it remembers none). */
    private readonly listedFolders?: () => ReadonlyMap<string, FolderListing> | undefined,
    /** The previous store's folders and their classes. */
    private readonly previous?: { folders: ReadonlyMap<string, FolderListing>; classes?: ReadonlyMap<string, string> },
  ) {}

  /** Sorts entries `from` to `to` of a batch of the listing (the files of one folder, when the source remembers folders). */
  add(batch: readonly FileEntry[], from = 0, to = batch.length): void {
    const folder = this.folderOf(batch);
    if (!folder) {
      for (let i = from; i < to; i++) this.classify(batch[i].path);
      return;
    }
    // What is known of the folder's entries: from the previous store, and from this scan's earlier parts of the batch.
    const known = this.classes.get(folder.rel) ?? folder.stored;
    let codes: string[] | undefined;
    for (let i = from; i < to; i++) {
      const { path, at } = batch[i];
      const stored = at === undefined || known === undefined ? UNKNOWN_CLASS : known[at];
      if (stored !== UNKNOWN_CLASS && stored !== undefined) {
        this.decode(path, stored.charCodeAt(0));
        continue;
      }
      const code = this.classify(path);
      if (at !== undefined && at < folder.size)
        (codes ??= known ? [...known] : new Array<string>(folder.size).fill(UNKNOWN_CLASS))[at] = code;
    }
    const now = codes ? codes.join('') : known;
    if (now !== undefined) this.classes.set(folder.rel, now);
  }

  /** The folder a batch lists, with what the previous store knew of its entries (when its listing was taken from there). */
  private folderOf(batch: readonly FileEntry[]): { rel: string; size: number; stored: string | undefined } | undefined {
    if (!this.listedFolders) return undefined;
    const first = batch.find((e) => e.at !== undefined);
    if (!first) return undefined;
    const slash = first.path.lastIndexOf('/');
    const rel = slash < 0 ? '' : first.path.slice(0, slash);
    const listing = this.listedFolders()?.get(rel);
    if (!listing) return undefined;
    const previous = this.previous;
    const stored = previous && previous.folders.get(rel) === listing ? previous.classes?.get(rel) : undefined;
    return { rel, size: listing.names.length, stored: stored !== undefined && stored.length === listing.names.length ? stored : undefined };
  }

  /** Asks the rules about a path, records its evidence, puts it in its pass, and returns its class. */
  private classify(path: string): string {
    const evidence = this.sorting.pathEvidence(path);
    if (evidence.length) this.onPathEvidence(path, evidence);
    const read = this.sorting.readAs(path);
    if (read?.pass === 'config') this.configs.push(path);
    else if (read?.pass === 'source') this.addSource(path, read.language);
    return encode(read, evidence.length > 0);
  }

  /** A path of a remembered folder: sorted by its stored class, its path evidence asked for again. */
  private decode(path: string, code: number): void {
    const value = code - FIRST;
    if (value & 1) {
      const evidence = this.sorting.pathEvidence(path);
      if (evidence.length) this.onPathEvidence(path, evidence);
    }
    this.put(path, value >> 1);
  }

  private put(path: string, way: number): void {
    if (way === NOT_READ) return;
    if (way === CONFIG) this.configs.push(path);
    else this.addSource(path, way === SOURCE ? undefined : LANGUAGE_DESCRIPTORS[way - SOURCE - 1]);
  }

  private addSource(path: string, language: LanguageDescriptor | undefined): void {
    this.sources.push(path);
    if (language !== undefined) this.languages.add(language.id);
  }
}
