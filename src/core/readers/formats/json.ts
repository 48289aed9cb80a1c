/**
 * JSON manifests: parsing with a skip reason that names the line, a one-pass key scanner that tolerates
 * invalid or truncated text, and the `{"section": {"name": "version"}}` shape of package.json and composer.json.
 */
import { Collector, isRecord, shortMessage } from '../manifest';
import { LineIndex } from '../text';

export interface JsonParse {
  value?: unknown;
  /** Set when the text is not valid JSON: a reason with a line number. */
  error?: string;
  /** Offset of the error, when known: facts after it are not trusted. */
  errorOffset?: number;
}

/** JSON.parse with a skip reason that names the line. */
export function parseJson(text: string): JsonParse {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    const msg = shortMessage(err);
    const m = /position (\d+)/.exec(msg);
    let offset = m ? Number(m[1]) : text.length;
    if (/end of JSON input/i.test(msg)) offset = text.length;
    const line = new LineIndex(text).lineAt(Math.min(offset, text.length));
    return { error: `invalid JSON at line ${line}: ${msg.replace(/\s*in JSON at position \d+.*$/, '')}`, errorOffset: offset };
  }
}

/** A key of an object that is the value of a top-level key: `{"section": {"key": ...}}`. */
export interface JsonMemberKey {
  section: string;
  key: string;
  offset: number;
  /** The member's value when it is a plain string, else undefined. */
  stringValue?: string;
}

/**
 * Walks JSON text once (valid or not) and reports where the top-level keys and the keys of the objects under
 * the wanted top-level keys start. Tolerates truncation and any depth (the nesting stack is an array).
 */
export function scanJsonKeys(text: string, sections: ReadonlySet<string>): { top: Map<string, number>; members: JsonMemberKey[] } {
  const top = new Map<string, number>();
  const members: JsonMemberKey[] = [];
  const stack: string[] = [];
  let topKey: string | undefined;
  let pendingMember: JsonMemberKey | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(start, Math.min(j + 1, n));
      i = j + 1;
      let k = i;
      while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) k++;
      const isKey = text[k] === ':' && stack[stack.length - 1] === '{';
      let str: string | undefined;
      try {
        str = JSON.parse(raw) as string;
      } catch {
        str = undefined;
      }
      if (isKey) {
        pendingMember = undefined;
        if (stack.length === 1 && str !== undefined) {
          topKey = str;
          if (!top.has(str)) top.set(str, start);
        } else if (stack.length === 2 && topKey !== undefined && sections.has(topKey) && str !== undefined) {
          pendingMember = { section: topKey, key: str, offset: start };
          members.push(pendingMember);
        }
        i = k + 1;
      } else if (pendingMember && stack.length === 2) {
        pendingMember.stringValue = str;
        pendingMember = undefined;
      }
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      pendingMember = undefined;
    } else if (c === '}' || c === ']') {
      stack.pop();
      pendingMember = undefined;
      if (stack.length === 0) topKey = undefined;
    }
    i++;
  }
  return { top, members };
}

// ---------------------------------------------------------------------------
// JSON manifests whose dependencies are `{"section": {"name": "version"}}` (package.json, composer.json)
// ---------------------------------------------------------------------------

/**
 * Reads name → version objects under top-level sections. `sections` maps a section to its dev flag. On invalid
 * JSON, the members seen before the error are still reported, with the error as the skip reason.
 */
export function readJsonSections(text: string, out: Collector, sections: Record<string, boolean>, keep: (name: string) => boolean): void {
  const wanted = new Set(Object.keys(sections));
  const parsed = parseJson(text);
  const scan = scanJsonKeys(text, wanted);
  const index = new LineIndex(text);
  if (parsed.error !== undefined) {
    out.skip(parsed.error);
    const limit = parsed.errorOffset ?? text.length;
    for (const m of scan.members) {
      if (m.offset >= limit || m.stringValue === undefined || !keep(m.key)) continue;
      out.add(m.key, sections[m.section], index.lineAt(m.offset));
    }
    return;
  }
  const root = parsed.value;
  if (!isRecord(root)) {
    out.skip('not a JSON object at the top level');
    return;
  }
  const offsets = new Map<string, number[]>();
  for (const m of scan.members) {
    const k = `${m.section}\0${m.key}`;
    offsets.set(k, [...(offsets.get(k) ?? []), m.offset]);
  }
  for (const section of Object.keys(sections)) {
    const deps = root[section];
    if (!isRecord(deps)) continue;
    const sectionOffset = scan.top.get(section);
    for (const name of Object.keys(deps)) {
      if (!keep(name)) continue;
      // JSON.parse keeps the last of duplicate keys; the line of the last declaration is the one that counts.
      const list = offsets.get(`${section}\0${name}`);
      const offset = list?.length ? list[list.length - 1] : sectionOffset;
      out.add(name, sections[section], offset === undefined ? 1 : index.lineAt(offset));
    }
  }
}
