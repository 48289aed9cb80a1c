/**
 * A short digest of a listing: the paths a scan listed, in the order it listed them, and the skips
 * the listing made. Two listings with the same digest list the same files (two independent 32-bit
 * hashes of every character: a chance collision is about one in 2^64). A store keeps its scan's
 * digest, so that a check can tell that a `.gitignore` edited in place, which changes no folder's
 * times, leaves the listing as it was.
 */
export class ListingDigest {
  private count = 0;
  private a = 0x811c9dc5;
  private b = 0x01000193;

  add(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
    }
    // A separator no path holds (U+FFFF is no character), so that "a/b" + "c" and "a/" + "bc" differ.
    this.a = Math.imul(a ^ 0xffff, 0x01000193);
    this.b = Math.imul(b + 0xffff, 0x5bd1e995) ^ (b >>> 15);
    this.count++;
  }

  /** The listing's skips, after its paths (NUL, which no path holds, sets them apart). */
  addSkips(skips: readonly { file: string; reason: string }[]): void {
    for (const s of skips) this.add(`\0${s.file}\0${s.reason}`);
  }

  value(): string {
    return `${this.count}.${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
  }
}
