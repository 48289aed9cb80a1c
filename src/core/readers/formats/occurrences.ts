/** Finding a fact's line in the text when the fact was read from a parsed document that has no positions. */
import { LineIndex } from '../text';

/**
 * Indexes, in one pass, where each value of some element or attribute occurs (say every `<artifactId>` text),
 * so that each fact takes the next unused occurrence of its value: a dependency declared twice gets two lines,
 * and thousands of dependencies cost one scan. Offsets inside excluded ranges (such as `<dependencyManagement>`)
 * are left out.
 */
export class OccurrenceIndex {
  private readonly byKey = new Map<string, number[]>();
  readonly index: LineIndex;
  constructor(
    readonly text: string,
    /** Global regular expression; `key` turns a match into the lookup key, or undefined to ignore it. */
    re: RegExp,
    key: (m: RegExpExecArray) => string | undefined,
    excluded: [number, number][] = [],
  ) {
    this.index = new LineIndex(text);
    const ranges = [...excluded].sort((a, b) => a[0] - b[0]);
    let r = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    for (let count = 0; (m = re.exec(text)) && count < 200000; count++) {
      if (m[0].length === 0) re.lastIndex++;
      while (r < ranges.length && ranges[r][1] <= m.index) r++;
      if (r < ranges.length && ranges[r][0] <= m.index) continue;
      const k = key(m);
      if (k === undefined) continue;
      const list = this.byKey.get(k);
      if (list) list.push(m.index);
      else this.byKey.set(k, [m.index]);
    }
  }

  /** 1-based line of the next unused occurrence of a key, or undefined. */
  take(key: string): number | undefined {
    const list = this.byKey.get(key);
    const offset = list?.shift();
    return offset === undefined ? undefined : this.index.lineAt(offset);
  }

  lineAt(offset: number): number {
    return this.index.lineAt(offset);
  }
}
