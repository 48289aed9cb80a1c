/**
 * Helpers shared by the package-manifest readers. Nothing here throws on any input, and every scan is linear
 * in the size of the text (no backtracking regular expressions over whole files).
 */
import { parse as parseToml } from 'smol-toml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DependencyFact, Ecosystem, Fact, ReadResult, Reader } from '../types';
import { LineIndex, looksBinary, stripBom } from './text';

/** Most facts one manifest may yield: a real manifest has a few hundred at most. */
export const MAX_FACTS = 5000;
/** Longest excerpt of a parser message kept in a skip reason. */
const MAX_REASON = 160;

/** Collects dependency facts for one file, capped, with a first skip reason. */
export class Collector {
  readonly facts: Fact[] = [];
  skipped?: string;
  constructor(readonly ecosystem: Ecosystem) {}

  add(name: string, dev: boolean, line: number): void {
    const n = name.trim();
    if (!n || n.length > 300 || this.facts.length >= MAX_FACTS) return;
    const fact: DependencyFact = { type: 'dependency', ecosystem: this.ecosystem, name: n, dev, line: line >= 1 ? Math.floor(line) : 1 };
    this.facts.push(fact);
  }

  skip(reason: string): void {
    this.skipped ??= reason;
  }

  result(): ReadResult {
    return this.skipped ? { facts: this.facts, skipped: this.skipped } : { facts: this.facts };
  }
}

/** The last segment of a workspace-relative path. */
export function baseOf(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1);
}

/** True when a folder of the path is a dependency install folder that never holds the project's own manifests. */
export function inVendorFolder(relPath: string): boolean {
  return /(^|\/)(node_modules|bower_components|vendor\/bundle|\.venv|site-packages)\//.test(relPath);
}

/** Short, single-line form of an error message for a skip reason. */
export function shortMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const first = raw.split('\n', 1)[0].trim();
  return first.length > MAX_REASON ? first.slice(0, MAX_REASON) + '…' : first || 'unknown error';
}

/** The files a reader takes: by base name, and where in the workspace (default: anywhere). */
export interface ReaderFiles {
  named: (baseName: string) => boolean;
  where?: (relPath: string) => boolean;
}

/**
 * Builds a reader from a function that may throw: any unexpected error becomes a skip reason, binary text is
 * skipped, and the byte-order mark is removed before the function sees the text.
 */
export function makeReader(name: string, files: ReaderFiles, read: (relPath: string, text: string) => ReadResult): Reader {
  return {
    name,
    claims: files.named,
    matches(relPath: string): boolean {
      try {
        return files.named(baseOf(relPath)) && (files.where?.(relPath) ?? true);
      } catch {
        return false;
      }
    },
    read(relPath: string, text: string): ReadResult {
      try {
        if (typeof text !== 'string') return { facts: [], skipped: 'not text' };
        if (looksBinary(text)) return { facts: [], skipped: 'binary content (NUL bytes), not a text manifest' };
        return read(relPath, stripBom(text));
      } catch (err) {
        return { facts: [], skipped: `${name} reader could not read the file: ${shortMessage(err)}` };
      }
    },
  };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// ---------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------

export interface CommentSyntax {
  /** Line comment markers, such as '#' or '//'. */
  line: string[];
  /** Whether C-style block comments exist. */
  block?: boolean;
  /** Quote characters that open a string in which markers do not count. */
  quotes: string;
}

/**
 * Replaces comments with spaces, keeping every newline and every offset, so that line numbers found in the
 * result hold for the original text. Strings are tracked so that a marker inside quotes is kept.
 */
export function blankComments(text: string, syntax: CommentSyntax): string {
  const out: string[] = [];
  let i = 0;
  let last = 0;
  const n = text.length;
  let quote = '';
  while (i < n) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i += 2;
      else {
        if (c === quote || c === '\n') quote = '';
        i++;
      }
      continue;
    }
    if (syntax.quotes.includes(c)) {
      quote = c;
      i++;
      continue;
    }
    if (syntax.block && c === '/' && text[i + 1] === '*') {
      let end = text.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
      out.push(text.slice(last, i), text.slice(i, end).replace(/[^\n]/g, ' '));
      last = i = end;
      continue;
    }
    let isLine = false;
    for (const m of syntax.line) if (text.startsWith(m, i)) isLine = true;
    if (isLine) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      out.push(text.slice(last, i), ' '.repeat(end - i));
      last = i = end;
      continue;
    }
    i++;
  }
  out.push(text.slice(last));
  return out.join('');
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

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
// TOML
// ---------------------------------------------------------------------------

export interface TomlParse {
  value?: Record<string, unknown>;
  error?: string;
}

export function parseTomlText(text: string): TomlParse {
  try {
    return { value: parseToml(text, { maxDepth: 200 }) as Record<string, unknown> };
  } catch (err) {
    const line = (err as { line?: unknown }).line;
    const msg = shortMessage(err).replace(/^Invalid TOML document:\s*/i, '');
    return { error: typeof line === 'number' && line >= 1 ? `invalid TOML at line ${line}: ${msg}` : `invalid TOML: ${msg}` };
  }
}

interface TomlTableSpan {
  /** Header path, unquoted: `target.'cfg(unix)'.dependencies` → ['target', 'cfg(unix)', 'dependencies']. */
  path: string[];
  /** 0-based index of the header line (-1 for the root table). */
  header: number;
  /** 0-based index of the first line after the table's body. */
  end: number;
}

/** Splits a dotted TOML key into its parts, honouring quotes. Returns undefined for anything unusual. */
export function splitDottedKey(raw: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  const s = raw.trim();
  while (i <= s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    let part = '';
    if (s[i] === '"' || s[i] === "'") {
      const q = s[i];
      const end = s.indexOf(q, i + 1);
      if (end < 0) return undefined;
      part = s.slice(i + 1, end);
      i = end + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i, i + 200));
      if (!m) return undefined;
      part = m[0];
      i += part.length;
    }
    parts.push(part);
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    if (s[i] !== '.') return undefined;
    i++;
  }
  return parts;
}

const isPrefix = (p: string[], of: string[]) => p.length <= of.length && p.every((x, i) => x === of[i]);

/** Finds the lines of TOML tables and keys in the original text, for facts read from the parsed value. */
export class TomlLocator {
  readonly lines: string[];
  private readonly tables: TomlTableSpan[] = [];
  /** Per table header line: the line of each plain `key =` in its body. Built on first use. */
  private readonly keysByTable = new Map<number, Map<string, number>>();
  /** Per array path: the line after which the next item is searched, as items come in order. */
  private readonly cursors = new Map<string, number>();
  private readonly byPath = new Map<string, TomlTableSpan>();
  private readonly placed = new Map<string, { line: number; end: number }>();

  constructor(text: string) {
    this.lines = text.split('\n');
    let current: TomlTableSpan = { path: [], header: -1, end: this.lines.length };
    this.tables.push(current);
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.length > 2000) continue;
      const m = /^\s*\[(?!\[)([^\]]*)\]\s*(#.*)?$/.exec(line) ?? /^\s*\[\[([^\]]*)\]\]\s*(#.*)?$/.exec(line);
      if (!m) continue;
      const path = splitDottedKey(m[1]);
      if (!path) continue;
      current.end = i;
      current = { path, header: i, end: this.lines.length };
      this.tables.push(current);
      if (!this.byPath.has(path.join('\0'))) this.byPath.set(path.join('\0'), current);
    }
  }

  private table(path: string[]): TomlTableSpan | undefined {
    return this.byPath.get(path.join('\0'));
  }

  /** 1-based line of the header of a table, or undefined. */
  tableLine(path: string[]): number | undefined {
    const t = this.table(path);
    return t ? t.header + 1 : undefined;
  }

  private keyRe(key: string): RegExp {
    return new RegExp(`^\\s*(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*[=.]`);
  }

  /** Searches lines [from, to) for a regular expression; lines longer than 20,000 characters are skipped. */
  private search(re: RegExp, from: number, to: number): number | undefined {
    for (let i = Math.max(from, 0); i < to; i++) {
      const l = this.lines[i];
      if (l.length <= 20000 && re.test(l)) return i;
    }
    return undefined;
  }

  /**
   * 0-based line where the value at `path` starts (a table header or a `key =` line), with the range of lines
   * in which its content lies. Falls back to the nearest enclosing table.
   */
  private place(path: string[]): { line: number; end: number } {
    const id = path.join('\0');
    let at = this.placed.get(id);
    if (!at) {
      at = this.placeUncached(path);
      this.placed.set(id, at);
    }
    return at;
  }

  private placeUncached(path: string[]): { line: number; end: number } {
    const exact = this.table(path);
    if (exact) return { line: exact.header, end: exact.end };
    let best: TomlTableSpan | undefined;
    for (const t of this.tables) if (isPrefix(t.path, path) && (!best || t.path.length > best.path.length)) best = t;
    if (!best) return { line: 0, end: this.lines.length };
    const rest = path.slice(best.path.length);
    let from = best.header + 1;
    let line = best.header;
    // Dotted keys (`group.dev.dependencies = ...`) or nested inline tables: look for each part in turn.
    const dotted = this.search(new RegExp(`^\\s*${rest.map((r) => `(?:${escapeRe(r)}|"${escapeRe(r)}"|'${escapeRe(r)}')`).join('\\s*\\.\\s*')}\\s*=`), from, best.end);
    if (dotted !== undefined) return { line: dotted, end: best.end };
    for (const part of rest) {
      const hit = this.search(new RegExp(`(?:^|[\\s{,])(?:${escapeRe(part)}|"${escapeRe(part)}"|'${escapeRe(part)}')\\s*[=.]`), from, best.end);
      if (hit === undefined) break;
      line = hit;
      from = hit;
    }
    return { line: Math.max(line, 0), end: best.end };
  }

  private tableKeys(t: TomlTableSpan): Map<string, number> {
    let keys = this.keysByTable.get(t.header);
    if (!keys) {
      keys = new Map();
      for (let i = t.header + 1; i < t.end; i++) {
        const l = this.lines[i];
        if (l.length > 20000) continue;
        const m = /^\s*(?:"([^"]{0,300})"|'([^']{0,300})'|([A-Za-z0-9_-]{1,300}))\s*[=.]/.exec(l);
        const k = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
        if (k !== undefined && !keys.has(k)) keys.set(k, i);
      }
      this.keysByTable.set(t.header, keys);
    }
    return keys;
  }

  /** 1-based line of `key` inside the table at `path` (`[path] key = ...` or `[path.key]`). */
  keyLine(path: string[], key: string): number {
    const own = this.table([...path, key]);
    if (own) return own.header + 1;
    const table = this.table(path);
    const direct = table ? this.tableKeys(table).get(key) : undefined;
    if (direct !== undefined) return direct + 1;
    const at = this.place(path);
    const start = table && at.line === table.header ? at.line + 1 : at.line;
    const hit = this.search(this.keyRe(key), start, at.end);
    if (hit !== undefined) return hit + 1;
    const inline = this.search(new RegExp(`[{,]\\s*(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*=`), at.line, at.end);
    return (inline ?? at.line) + 1;
  }

  /** 1-based line of a string item starting with `prefix` in the array at `path` (e.g. a PEP 508 requirement). */
  arrayItemLine(path: string[], prefix: string): number {
    const id = path.join('\0');
    const at = this.place(path);
    const re = new RegExp(`["']\\s*${escapeRe(prefix)}(?![A-Za-z0-9_.-])`, 'i');
    const cursor = this.cursors.get(id) ?? at.line;
    const hit = this.search(re, cursor, at.end) ?? this.search(re, at.line, cursor);
    if (hit !== undefined) this.cursors.set(id, hit);
    return (hit ?? at.line) + 1;
  }
}

// ---------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------

export interface XmlParse {
  value?: Record<string, unknown>;
  error?: string;
}

/** Parses XML without ever expanding entities; documents that declare entities are refused. */
export function parseXml(text: string): XmlParse {
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype >= 0 && /<!ENTITY/i.test(text.slice(doctype))) {
    return { error: `DTD entity declarations are not read (line ${new LineIndex(text).lineAt(doctype)})` };
  }
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const e = valid.err;
      return { error: `invalid XML at line ${e.line}: ${String(e.msg).slice(0, MAX_REASON)}` };
    }
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      removeNSPrefix: true,
      maxNestedTags: 200,
    });
    const value = parser.parse(text) as unknown;
    return isRecord(value) ? { value } : { error: 'invalid XML: no root element' };
  } catch (err) {
    return { error: `invalid XML: ${shortMessage(err)}` };
  }
}

/** Zero, one or many children of an XML element, always as a list. */
export function xmlList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** The text of a leaf element (trimmed), or undefined. */
export function xmlText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRecord(v) && typeof v['#text'] === 'string') return (v['#text'] as string).trim() || undefined;
  return undefined;
}

/** A child element or attribute looked up without regard to case (MSBuild files are case-insensitive). */
export function getCi(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

// ---------------------------------------------------------------------------
// Finding a fact's line in the text
// ---------------------------------------------------------------------------

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

/** Offsets [start, end) of every `<tag>...</tag>` element, for excluding it from searches. */
export function elementRanges(text: string, tag: string): [number, number][] {
  const ranges: [number, number][] = [];
  const open = new RegExp(`<(?:[\\w.-]+:)?${escapeRe(tag)}[\\s>]`, 'g');
  const closeTag = `${tag}>`;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) && ranges.length < 1000) {
    let end = text.indexOf(closeTag, m.index + 1);
    while (end >= 0 && text[end - 1] !== '/' && text[end - 1] !== ':') end = text.indexOf(closeTag, end + 1);
    const stop = end < 0 ? text.length : end + closeTag.length;
    ranges.push([m.index, stop]);
    open.lastIndex = stop;
  }
  return ranges;
}

// ---------------------------------------------------------------------------
// Python requirement strings (PEP 508) and dev-looking group names
// ---------------------------------------------------------------------------

const PEP508_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?)\s*(\[[^\]]{0,500}\])?\s*/;
/** What may follow a requirement's name: nothing, a version, a marker, a URL, or an option. */
const AFTER_NAME = /^(?:$|===?|[<>!~]=?|;|@|--|,|\(|#)/;

/** The project name of a PEP 508 requirement string, or undefined when the text is not a requirement. */
export function requirementName(spec: string): string | undefined {
  // Only the start matters: a name is at most ~200 characters, and a huge line must not cost more.
  const s = spec.trim().slice(0, 5000);
  if (!s) return undefined;
  const m = PEP508_NAME.exec(s);
  if (!m) return undefined;
  const rest = s.slice(m[0].length);
  // Anything else after the name (`foo 1.0`, `This is prose`) is not a requirement.
  return AFTER_NAME.test(rest) ? m[1] : undefined;
}

const DEV_WORDS = new Set([
  'dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'lint', 'linting', 'linter', 'linters', 'docs',
  'doc', 'documentation', 'typing', 'types', 'mypy', 'style', 'format', 'formatting', 'qa', 'ci', 'coverage', 'bench',
  'benchmark', 'benchmarks', 'pytest',
]);

/** True when a group, extra or file name reads as a development-only one (`dev`, `test`, `docs-build`, `lint`). */
export function devLookingName(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => DEV_WORDS.has(w));
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
