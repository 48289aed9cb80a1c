import type { Skipped } from '../types';
import type { FileEntry, FileSource, ReadOutcome } from './source';
import { defaultExcludedSegment, includeFilter, userExcluder, type IncludeFilter } from './excludes';

/** Files held in memory: rule examples, tests, and editors that hand us document text. */
export class MemorySource implements FileSource {
  readonly root: string;
  private readonly files: Map<string, string>;
  private readonly excluded: (rel: string) => boolean;
  private readonly included: IncludeFilter | undefined;

  constructor(files: Record<string, string>, root = '/memory', excludes: readonly string[] = [], includes: readonly string[] = []) {
    this.files = new Map(Object.entries(files));
    this.root = root;
    this.excluded = userExcluder(excludes);
    this.included = includeFilter(includes);
  }

  set(relPath: string, text: string): void {
    this.files.set(relPath, text);
  }

  delete(relPath: string): void {
    this.files.delete(relPath);
  }

  isExcluded(relPath: string): boolean {
    const parts = relPath.split('/');
    if (defaultExcludedSegment(parts, (parent, entry) => this.files.has(parent ? `${parent}/${entry}` : entry)) >= 0)
      return relPath !== '.git/HEAD';
    if (this.excluded(relPath)) return true;
    return relPath !== '.git/HEAD' && !!this.included && !this.included.file(relPath);
  }

  async *list(): AsyncIterable<FileEntry[]> {
    const files: FileEntry[] = [];
    for (const [p, text] of this.files) if (!this.isExcluded(p)) files.push({ path: p, size: text.length });
    yield files;
  }

  async read(relPath: string): Promise<ReadOutcome> {
    const text = this.files.get(relPath);
    return text === undefined ? { code: 'gone', skipped: 'no longer exists' } : { text, bytes: Buffer.byteLength(text) };
  }

  listingSkips(): Skipped[] {
    return [];
  }
}
