/**
 * Items keyed by the last segment of a glob, looked up by a file's base name without testing every
 * glob: exact names and `*.ext` / `*.{a,b}` patterns (nearly all of them) are found through maps, only
 * the rest are tested one by one, and of those only the ones whose leading and trailing plain text
 * the name has (`Jenkinsfile.*` is not tried on `Foo.java`). Results keep the order the items were
 * added in.
 */
const GLOB_CHARS = /[*?[\]{}()!+@]/;
const STAR_EXT = /^\*(\.[^*?[\]{}()!+@/]+)$/;
const STAR_EXT_LIST = /^\*\.\{([^{}*?[\]()!+@/]+)\}$/;

export class BaseNameBuckets<T> {
  private readonly exact = new Map<string, number[]>();
  private readonly suffix = new Map<string, number[]>();
  /** Other last segments, each once with the items that share it (hundreds of CI rules share a few). */
  private readonly other: Other[] = [];
  private readonly otherBySegment = new Map<string, number>();
  /** Per first character of a base name, the other segments that may match it (cleared when one is added). */
  private readonly otherByFirst = new Map<string, Other[]>();
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
    else {
      const k = this.other.length;
      this.other.push({ k, test, indices: [index], ...plainEnds(lastSegment) });
      this.otherBySegment.set(lastSegment, k);
      this.otherByFirst.clear();
    }
  }

  /** The other segments whose plain ends a base name has, in the order they were added. */
  private othersFor(base: string): Other[] {
    const first = base.charAt(0);
    let list = this.otherByFirst.get(first);
    if (!list) {
      list = this.other.filter((o) => o.head === '' || o.head.charAt(0) === first);
      if (this.otherByFirst.size > 1000) this.otherByFirst.clear();
      this.otherByFirst.set(first, list);
    }
    return list;
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
    for (const o of this.othersFor(base)) if (mayMatch(o, base) && o.test(base)) for (const i of o.indices) hits.add(i);
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
    const others = this.othersFor(base);
    for (let j = 0; j < others.length; j++) if (mayMatch(others[j], base) && others[j].test(base)) key += '|' + others[j].k;
    return key;
  }

  /** Whether any item's glob matches this base name. */
  has(base: string): boolean {
    if (this.exact.has(base)) return true;
    for (let dot = base.indexOf('.'); dot >= 0; dot = base.indexOf('.', dot + 1)) if (this.suffix.has(base.slice(dot))) return true;
    return this.othersFor(base).some((o) => mayMatch(o, base) && o.test(base));
  }
}

/** A last segment that is neither a name nor `*.ext`: its matcher, its items, and the plain text it starts and ends with. */
interface Other {
  k: number;
  test: (base: string) => boolean;
  indices: number[];
  head: string;
  tail: string;
}

/** The plain text before a segment's first glob character and after its last ('' when it starts or ends with one, or escapes). */
function plainEnds(segment: string): { head: string; tail: string } {
  if (segment.includes('\\')) return { head: '', tail: '' };
  let first = 0;
  while (first < segment.length && !GLOB_CHARS.test(segment[first])) first++;
  let last = segment.length;
  while (last > first && !GLOB_CHARS.test(segment[last - 1])) last--;
  return { head: segment.slice(0, first), tail: first === segment.length ? '' : segment.slice(last) };
}

/** Whether a base name has the plain ends a segment's every match has. */
function mayMatch(o: Other, base: string): boolean {
  return base.length >= o.head.length + o.tail.length && base.startsWith(o.head) && base.endsWith(o.tail);
}
