/** Small text helpers shared by the readers. None of them throws on any input. */

/** Drops a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Maps character offsets to 1-based line numbers in O(log n) per lookup. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line of a 0-based character offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * 1-based line numbers of offsets asked for mostly in increasing order: counts newlines from the last
 * offset asked for, so a file with a few imports near its top is not indexed as a whole.
 */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(readonly text: string) {}
  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf('\n', this.offset); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) this.line++;
    this.offset = offset;
    return this.line;
  }
}

/** Characters of a text looked at for NUL by `looksBinary`. */
export const BINARY_SNIFF_CHARS = 8192;

/** Text that looks binary (NUL bytes in the first few KB) is not worth parsing. */
export function looksBinary(text: string): boolean {
  return text.slice(0, BINARY_SNIFF_CHARS).includes('\0');
}
