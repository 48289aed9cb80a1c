/**
 * The file and content rules a path may concern, found by its base name, with each distinct glob tested
 * at most once per path. Most base names share their candidates with many others (every `*.js` file
 * without a name of its own): those share one entry, and with it its matchers and literal table.
 */
import type { Rule } from '../types';
import { baseName, globMatcher, isBaseNameGlob, longestLiteral } from '../glob';
import { BaseNameBuckets } from '../baseBuckets';
import { escapeRe } from '../readers/manifest';
import type { ContentRule, LiteralTable } from './content';
import type { ScopeTable } from './importScope';

export interface FileRule {
  rule: Rule;
  matches: (path: string) => boolean;
  baseMatches: (base: string) => boolean;
}

/** The rules a base name may concern, with each rule's path matcher as an index into `matchers`. */
export interface Candidates {
  content: ContentRule[];
  contentMatcher: number[];
  files: FileRule[];
  fileMatcher: number[];
  /** Distinct path matchers (compiled globs are shared, so identity is the glob). */
  matchers: ((path: string) => boolean)[];
  /** Built on the first read of a file with these candidates. */
  literalTable?: LiteralTable;
  /** Per language (its id, '' for none), the content candidates' import scopes, built on first use. */
  scopeTables?: Map<string, ScopeTable>;
  /** The same without the rules whose glob names only folders, for a path in none of those folders. */
  outsideFolders?: Candidates;
}

const always = () => true;

/** A glob's last segment that every base name matches: the glob names folders only. */
const FOLDER_ONLY = /^\*+$/;

export function lastSegment(glob: string): string {
  return glob.slice(glob.lastIndexOf('/') + 1);
}

/** Candidates are first filtered by base name; for a glob of the form `**` + `/name` that was the whole test. */
export function pathMatcher(glob: string): (path: string) => boolean {
  return isBaseNameGlob(glob) ? always : globMatcher(glob);
}

function groupByMatcher(content: ContentRule[], files: FileRule[]): Candidates {
  const matchers: ((path: string) => boolean)[] = [];
  const slot = new Map<(path: string) => boolean, number>();
  const indexOf = (m: (path: string) => boolean): number => {
    let i = slot.get(m);
    if (i === undefined) {
      i = matchers.push(m) - 1;
      slot.set(m, i);
    }
    return i;
  };
  return {
    content,
    contentMatcher: content.map((c) => indexOf(c.matches)),
    files,
    fileMatcher: files.map((f) => indexOf(f.matches)),
    matchers,
  };
}

export class CandidateIndex {
  private perBase = new Map<string, Candidates>();
  private bySignature = new Map<string, Candidates>();
  private lastPath: string | undefined;
  /** Per distinct glob of the last path's candidates: 0 not tested yet, 1 matches, 2 does not. */
  private globState = new Uint8Array(64);
  private contentByBase = new BaseNameBuckets<ContentRule>();
  private filesByBase = new BaseNameBuckets<FileRule>();

  /**
   * Rules whose glob names folders only (`.github/**`, `**` + `/sites-available/*`): candidates of every
   * base name. A path that holds none of their folders' names is given its candidates without them.
   */
  private readonly folderRules = new Set<FileRule | ContentRule>();
  private readonly folderNames = new Set<string>();
  /** Some folder rule's glob has no plain name to look for: every path keeps them all. */
  private folderRuleWithoutName = false;
  private folderNameTest: RegExp | undefined;

  addFileRule(glob: string, f: FileRule): void {
    this.filesByBase.add(lastSegment(glob), f, f.baseMatches);
    this.noteFolderRule(glob, f);
  }

  addContentRule(glob: string, c: ContentRule): void {
    this.contentByBase.add(lastSegment(glob), c, c.baseMatches);
    this.noteFolderRule(glob, c);
  }

  private noteFolderRule(glob: string, entry: FileRule | ContentRule): void {
    if (!FOLDER_ONLY.test(lastSegment(glob))) return;
    this.folderRules.add(entry);
    // Its plain run lies in a folder's name: every path the glob matches holds it.
    const name = longestLiteral(glob);
    if (name) this.folderNames.add(name);
    else this.folderRuleWithoutName = true;
    this.folderNameTest = undefined;
  }

  /** The candidates for a path: its base name's, less the folder rules when it is in none of their folders. */
  for(path: string): Candidates {
    const c = this.forBase(path);
    if (!this.folderRules.size || this.folderRuleWithoutName) return c;
    this.folderNameTest ??= new RegExp([...this.folderNames].map(escapeRe).join('|'));
    if (this.folderNameTest.test(path)) return c;
    return (c.outsideFolders ??= this.withoutFolderRules(c));
  }

  private withoutFolderRules(c: Candidates): Candidates {
    const content = c.content.filter((r) => !this.folderRules.has(r));
    const files = c.files.filter((r) => !this.folderRules.has(r));
    return content.length === c.content.length && files.length === c.files.length ? c : groupByMatcher(content, files);
  }

  private forBase(path: string): Candidates {
    const base = baseName(path);
    let c = this.perBase.get(base);
    if (!c) {
      const signature = this.contentByBase.lookupKey(base) + '\0' + this.filesByBase.lookupKey(base);
      c = this.bySignature.get(signature);
      if (!c) {
        c = groupByMatcher(this.contentByBase.lookup(base), this.filesByBase.lookup(base));
        if (this.bySignature.size > 10000) this.bySignature.clear();
        this.bySignature.set(signature, c);
      }
      if (this.perBase.size > 10000) this.perBase.clear();
      this.perBase.set(base, c);
    }
    return c;
  }

  /**
   * Whether the candidates' distinct glob `m` matches this path. Hundreds of CI rules share a few
   * dozen globs, so each glob is tested once per path, and only when a rule needs the answer; the
   * listing asks twice in a row for the same path.
   */
  globMatches(path: string, c: Candidates, m: number): boolean {
    if (path !== this.lastPath) {
      this.lastPath = path;
      if (this.globState.length < c.matchers.length) this.globState = new Uint8Array(c.matchers.length * 2);
      else this.globState.fill(0, 0, c.matchers.length);
    }
    let state = this.globState[m];
    if (state === 0) this.globState[m] = state = c.matchers[m](path) ? 1 : 2;
    return state === 1;
  }
}
