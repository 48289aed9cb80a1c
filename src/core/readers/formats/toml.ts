/**
 * TOML manifests: parsing with a skip reason that names the line, and a locator that finds the lines of
 * tables, keys and array items in the original text for facts read from the parsed value.
 */
import { MAX_CODE_LINE } from '../../limits';
import { parse as parseToml } from 'smol-toml';
import { escapeRe, shortMessage } from '../manifest';

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
    let part: string;
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
      if (line.length > MAX_CODE_LINE) continue;
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
    const dotted = this.search(
      new RegExp(`^\\s*${rest.map((r) => `(?:${escapeRe(r)}|"${escapeRe(r)}"|'${escapeRe(r)}')`).join('\\s*\\.\\s*')}\\s*=`),
      from,
      best.end,
    );
    if (dotted !== undefined) return { line: dotted, end: best.end };
    for (const part of rest) {
      const hit = this.search(
        new RegExp(`(?:^|[\\s{,])(?:${escapeRe(part)}|"${escapeRe(part)}"|'${escapeRe(part)}')\\s*[=.]`),
        from,
        best.end,
      );
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
