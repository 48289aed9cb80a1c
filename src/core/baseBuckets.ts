/**
 * Items keyed by the last segment of a glob, looked up by a file's base name without testing every
 * glob: exact names and `*.ext` / `*.{a,b}` patterns (nearly all of them) are found through maps, only
 * the rest are tested one by one. Results keep the order the items were added in.
 */
const GLOB_CHARS = /[*?[\]{}()!+@]/;
const STAR_EXT = /^\*(\.[^*?[\]{}()!+@/]+)$/;
const STAR_EXT_LIST = /^\*\.\{([^{}*?[\]()!+@/]+)\}$/;

export class BaseNameBuckets<T> {
  private readonly exact = new Map<string, number[]>();
  private readonly suffix = new Map<string, number[]>();
  /** Other last segments, each once with the items that share it (hundreds of CI rules share a few). */
  private readonly other: { test: (base: string) => boolean; indices: number[] }[] = [];
  private readonly otherBySegment = new Map<string, number>();
  private readonly items: T[] = [];

  /** `lastSegment` is the glob's part after its last `/`; `test` is its matcher, used only when needed. */
  add(lastSegment: string, item: T, test: (base: string) => boolean): void {
    const index = this.items.push(item) - 1;
    const put = (map: Map<string, number[]>, key: string): void => {
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    };
    if (lastSegment !== '' && !GLOB_CHARS.test(lastSegment)) return put(this.exact, lastSegment);
    const ext = STAR_EXT.exec(lastSegment);
    if (ext) return put(this.suffix, ext[1]);
    const list = STAR_EXT_LIST.exec(lastSegment);
    if (list && list[1].split(',').every((e) => e !== '')) {
      for (const e of new Set(list[1].split(','))) put(this.suffix, `.${e}`);
      return;
    }
    const at = this.otherBySegment.get(lastSegment);
    if (at !== undefined) this.other[at].indices.push(index);
    else this.otherBySegment.set(lastSegment, this.other.push({ test, indices: [index] }) - 1);
  }

  lookup(base: string): T[] {
    return this.lookupIndices(base).map((i) => this.items[i]);
  }

  /** Positions of the items for a base name, ascending: equal lists mean equal candidates. */
  lookupIndices(base: string): number[] {
    const hits = new Set<number>(this.exact.get(base));
    for (let dot = base.indexOf('.'); dot >= 0; dot = base.indexOf('.', dot + 1)) {
      for (const i of this.suffix.get(base.slice(dot)) ?? []) hits.add(i);
    }
    for (const o of this.other) if (o.test(base)) for (const i of o.indices) hits.add(i);
    return [...hits].sort((a, b) => a - b);
  }

  /**
   * A short key such that two base names with the same key have the same lookup: the exact name
   * when the catalogue knows it, the suffixes found and the other globs that match. (Computing the
   * lookup itself means merging and sorting hundreds of positions for a `.ts` file.)
   */
  lookupKey(base: string): string {
    let key = this.exact.has(base) ? base : '';
    for (let dot = base.indexOf('.'); dot >= 0; dot = base.indexOf('.', dot + 1)) {
      const ext = base.slice(dot);
      if (this.suffix.has(ext)) key += '|' + ext;
    }
    for (let k = 0; k < this.other.length; k++) if (this.other[k].test(base)) key += '|' + k;
    return key;
  }

  /** Whether any item's glob matches this base name. */
  has(base: string): boolean {
    if (this.exact.has(base)) return true;
    for (let dot = base.indexOf('.'); dot >= 0; dot = base.indexOf('.', dot + 1)) if (this.suffix.has(base.slice(dot))) return true;
    return this.other.some((o) => o.test(base));
  }
}
