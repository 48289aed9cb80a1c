/**
 * What `git blame` gave for each file, kept across scans of a window. A file is blamed again only
 * when its stamp changes: its modification time and size (an edit), or its repository's HEAD (a
 * commit turns uncommitted lines into dated ones). Bounded: the oldest entries go first.
 */
export class BlameMemo<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  constructor(private readonly limit = 500) {}

  /** The value kept for the file under this stamp, or undefined when there is none or it is stale. */
  get(file: string, stamp: string): T | undefined {
    const kept = this.entries.get(file);
    return kept && kept.stamp === stamp ? kept.value : undefined;
  }

  set(file: string, stamp: string, value: T): void {
    this.entries.delete(file);
    this.entries.set(file, { stamp, value });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
