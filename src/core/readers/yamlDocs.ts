/**
 * Safe YAML for the config readers: parses every document of a file into nodes, never builds JS values
 * (so aliases are never expanded), refuses alias bombs and absurd nesting before they cost time, and
 * turns parse errors into one clear `skipped` reason while keeping the facts of the good documents.
 */
import type { Alias, Node } from 'yaml';
import { lazyModule } from '../lazyModule';

/** Loaded when the first YAML file is read. */
const yaml = lazyModule(() => require('yaml') as typeof import('yaml'));
import type { Fact, ReadResult } from '../types';
import { baseName } from '../glob';
import { LineIndex, looksBinary, stripBom } from './text';

/** Lines longer than this are replaced by a short stand-in: the parser is slow on long lines full of tokens. */
const MAX_LINE = 4096;
/** Deeper flow nesting (`[[[[`, `{{{{`) is refused outright. */
const MAX_FLOW_DEPTH = 100;
/** Longer indentation (spaces, tabs and `- ` runs) is refused outright. */
const MAX_INDENT = 512;
/** A document whose aliases would expand it by more than this many nodes is refused (alias bomb). */
const MAX_EXPANSION = 100_000;
/** Files with more `---` documents than this are refused. */
const MAX_DOCUMENTS = 20_000;
/** Walks stop descending below this depth. */
export const MAX_WALK_DEPTH = 200;

/** One YAML document of a file. */
export interface YamlDoc {
  /** 1-based position in the file. */
  index: number;
  root: Node | null;
  /** First parse error, if the document is broken. */
  error?: { line: number; message: string };
  /** Set when the document was not read at all (alias bomb). */
  refused?: string;
}

/** A parsed YAML file, with helpers that read nodes without expanding aliases. */
export class YamlFile {
  readonly docs: YamlDoc[] = [];
  private readonly aliases = new Map<Alias, Node>();

  constructor(readonly lines: LineIndex) {}

  /** 1-based line where a node starts (1 when the node has no position). */
  lineOf(node: Node | null | undefined): number {
    const start = node?.range?.[0];
    return typeof start === 'number' && start >= 0 ? this.lines.lineAt(start) : 1;
  }

  /** Follows an alias (one hop: anchors never point at aliases). */
  deref(node: unknown): Node | null {
    if (yaml().isAlias(node)) return this.aliases.get(node) ?? null;
    return (node as Node | null | undefined) ?? null;
  }

  /** The string value of a scalar (numbers as written), else undefined. */
  str(node: unknown): string | undefined {
    const n = this.deref(node);
    if (!yaml().isScalar(n)) return undefined;
    if (typeof n.value === 'string') return n.value;
    if (typeof n.value === 'number' || typeof n.value === 'boolean') return String(n.value);
    return undefined;
  }

  /**
   * The entries of a mapping, in order, with `<<` merge keys resolved (explicit keys first, merged
   * keys after them unless already present). Non-mappings give no entries.
   */
  entries(node: unknown, depth = 0): MapEntry[] {
    const map = this.deref(node);
    if (!yaml().isMap(map) || depth > 8) return [];
    const own: MapEntry[] = [];
    const merged: MapEntry[] = [];
    for (const item of map.items) {
      if (!yaml().isPair(item)) continue;
      const keyNode = this.deref(item.key);
      const key = this.str(keyNode);
      if (key === undefined) continue;
      if (key === '<<') {
        const src = this.deref(item.value);
        const sources = yaml().isSeq(src) ? src.items : [src];
        for (const s of sources) merged.push(...this.entries(s, depth + 1));
        continue;
      }
      own.push({ key, keyNode: keyNode as Node, value: this.deref(item.value), line: this.lineOf(keyNode as Node) });
    }
    if (merged.length === 0) return own;
    const seen = new Set(own.map((e) => e.key));
    return [...own, ...merged.filter((e) => !seen.has(e.key))];
  }

  /** The value under `key` in a mapping (the last one when a key repeats). */
  get(node: unknown, key: string): MapEntry | undefined {
    let found: MapEntry | undefined;
    for (const e of this.entries(node)) if (e.key === key) found = e;
    return found;
  }

  /** The value at a path of keys. */
  at(node: unknown, ...keys: string[]): Node | null {
    let cur: Node | null = this.deref(node);
    for (const k of keys) {
      const e = this.get(cur, k);
      if (!e) return null;
      cur = e.value;
    }
    return cur;
  }

  /** The items of a sequence (aliases followed), else none. */
  items(node: unknown): Node[] {
    const seq = this.deref(node);
    if (!yaml().isSeq(seq)) return [];
    const out: Node[] = [];
    for (const it of seq.items) {
      const n = this.deref(it);
      if (n) out.push(n);
    }
    return out;
  }

  isMap(node: unknown): boolean {
    return yaml().isMap(this.deref(node));
  }

  /** Records alias targets in document order and measures how far aliases would expand the document. */
  prepare(root: Node | null): string | undefined {
    const anchors = new Map<string, Node>();
    const local: Alias[] = [];
    let visited = 0;
    const walk = (node: unknown, depth: number): void => {
      if (depth > MAX_WALK_DEPTH || node === null || typeof node !== 'object') return;
      if (++visited > 2_000_000) return;
      if (yaml().isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) this.aliases.set(node, target);
        local.push(node);
        return;
      }
      const n = node as Node;
      if (n.anchor) anchors.set(n.anchor, n);
      if (yaml().isMap(n)) {
        for (const p of n.items) {
          walk(p.key, depth + 1);
          walk(p.value, depth + 1);
        }
      } else if (yaml().isSeq(n)) {
        for (const it of n.items) walk(it, depth + 1);
      }
    };
    walk(root, 0);
    if (local.length === 0) return undefined;

    // Size of each node once aliases are expanded, memoised per node so the count itself stays linear.
    const sizes = new Map<unknown, number>();
    const size = (node: unknown, depth: number): number => {
      if (node === null || typeof node !== 'object' || depth > MAX_WALK_DEPTH) return 1;
      const known = sizes.get(node);
      if (known !== undefined) return known;
      sizes.set(node, 1); // guards against an alias inside its own anchor
      let total = 1;
      if (yaml().isAlias(node)) total = size(this.aliases.get(node) ?? null, depth + 1);
      else if (yaml().isMap(node)) for (const p of node.items) total += size(p.key, depth + 1) + size(p.value, depth + 1);
      else if (yaml().isSeq(node)) for (const it of node.items) total += size(it, depth + 1);
      total = Math.min(total, Number.MAX_SAFE_INTEGER / 4);
      sizes.set(node, total);
      return total;
    };
    const expanded = size(root, 0);
    if (expanded > visited + MAX_EXPANSION) {
      return `refused: its ${local.length} YAML aliases would expand it to about ${expanded.toExponential(1)} nodes (alias bomb)`;
    }
    return undefined;
  }
}

export interface MapEntry {
  key: string;
  keyNode: Node;
  value: Node | null;
  /** Line of the key. */
  line: number;
}

/**
 * Replaces over-long lines by a short stand-in that keeps the line count (and a leading `key:` when
 * there is one), and reports nesting too deep to parse in bounded time.
 */
function sanitise(text: string): { text: string; problem?: string } {
  let depth = 0;
  let maxDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if (c === 0x0a && depth > 0) {
      // A new top-level key or document marker ends any unbalanced bracket of a plain scalar above it.
      const next = text.charCodeAt(i + 1);
      if (
        (next >= 0x30 && next <= 0x39) ||
        (next >= 0x41 && next <= 0x5a) ||
        (next >= 0x61 && next <= 0x7a) ||
        next === 0x2d ||
        next === 0x23
      )
        depth = 0;
    }
  }
  if (maxDepth > MAX_FLOW_DEPTH) return { text: '', problem: `nesting deeper than ${MAX_FLOW_DEPTH} levels` };
  let markers = text.startsWith('---') ? 1 : 0;
  for (let i = text.indexOf('\n---'); i >= 0 && markers <= MAX_DOCUMENTS; i = text.indexOf('\n---', i + 4)) markers++;
  if (markers > MAX_DOCUMENTS) return { text: '', problem: `more than ${MAX_DOCUMENTS} documents in one file` };

  let out: string[] | undefined;
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = start;
    for (;;) {
      const c = text[indent];
      if (indent < end && (c === ' ' || c === '\t')) indent++;
      else if (indent + 1 < end && c === '-' && (text[indent + 1] === ' ' || text[indent + 1] === '\t')) indent += 2;
      else break;
    }
    if (indent - start > MAX_INDENT) return { text: '', problem: `line ${lineNo + 1} is indented deeper than ${MAX_INDENT} columns` };
    if (end - start > MAX_LINE) {
      out ??= text.slice(0, start).split('\n').slice(0, lineNo);
      const head = text.slice(start, start + 300);
      const m = /^([ \t]*(?:- +)*)(?:([A-Za-z0-9_./-]{1,200}):(?=[ \t]))?/.exec(head);
      out.push(m ? `${m[1]}${m[2] ? `${m[2]}: ` : ''}x` : 'x');
    } else if (out) out.push(text.slice(start, end));
    lineNo++;
    start = end + 1;
  }
  return { text: out ? out.join('\n') : text };
}

/** Parses all documents of a YAML text. Never throws. */
function parseYaml(rawText: string): YamlFile | { problem: string } {
  const clean = sanitise(stripBom(rawText));
  if (clean.problem) return { problem: clean.problem };
  const file = new YamlFile(new LineIndex(clean.text));
  let parsed: ReturnType<typeof import('yaml').parseAllDocuments>;
  // The parser builds an Error for every problem it meets; without stack traces a file full of junk
  // costs about as much as valid YAML of the same size.
  const stackLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
    parsed = yaml().parseAllDocuments(clean.text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  } catch (err) {
    return { problem: `YAML parser failed: ${firstLine((err as Error)?.message)}` };
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  let index = 0;
  for (const doc of parsed) {
    index++;
    const d: YamlDoc = { index, root: (doc.contents as Node | null) ?? null };
    const err = doc.errors[0];
    if (err) {
      const pos = Array.isArray(err.pos) ? err.pos[0] : 0;
      d.error = { line: file.lines.lineAt(Math.max(0, Math.min(pos, clean.text.length))), message: firstLine(err.message) };
    }
    try {
      d.refused = file.prepare(d.root);
    } catch (e) {
      d.refused = `could not be walked: ${firstLine((e as Error)?.message)}`;
    }
    file.docs.push(d);
  }
  return file;
}

function firstLine(message: unknown): string {
  const s = typeof message === 'string' ? message : String(message);
  const line = s.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** What kind of problem came first in a YAML file: a syntax error in a document, or anything else. */
type YamlProblem = 'syntax' | 'other';

/**
 * Reads a YAML file document by document. `perDoc` returns the facts of one document; the facts of a
 * broken document are kept only up to its first error. Never throws.
 */
export function readYaml(text: string, perDoc: (doc: YamlDoc, file: YamlFile) => Fact[]): ReadResult {
  return readYamlDetailed(text, perDoc).result;
}

/** `readYaml`, also telling what kind of problem its `skipped` reason starts with. */
export function readYamlDetailed(
  text: string,
  perDoc: (doc: YamlDoc, file: YamlFile) => Fact[],
): { result: ReadResult; first?: YamlProblem } {
  try {
    return readDocs(text, perDoc);
  } catch (e) {
    return { result: { facts: [], skipped: `YAML not read: ${firstLine((e as Error)?.message)}` }, first: 'other' };
  }
}

function readDocs(text: string, perDoc: (doc: YamlDoc, file: YamlFile) => Fact[]): { result: ReadResult; first?: YamlProblem } {
  if (looksBinary(text)) return { result: { facts: [], skipped: 'binary content (NUL bytes), not YAML' }, first: 'other' };
  const file = parseYaml(text);
  if (!(file instanceof YamlFile)) return { result: { facts: [], skipped: `YAML not read: ${file.problem}` }, first: 'other' };
  const facts: Fact[] = [];
  const problems: string[] = [];
  let first: YamlProblem | undefined;
  const many = file.docs.length > 1;
  const where = (d: YamlDoc) => (many ? ` (document ${d.index} of ${file.docs.length})` : '');
  for (const doc of file.docs) {
    if (doc.refused) {
      problems.push(`${many ? `YAML document ${doc.index} of ${file.docs.length}` : 'YAML'} ${doc.refused}`);
      first ??= 'other';
      continue;
    }
    let found: Fact[] = [];
    try {
      found = perDoc(doc, file);
    } catch (e) {
      problems.push(`YAML document ${doc.index} could not be read: ${firstLine((e as Error)?.message)}`);
      first ??= 'other';
    }
    if (doc.error) {
      const stop = doc.error.line;
      found = found.filter((f) => f.line < stop);
      problems.push(`invalid YAML at line ${doc.error.line}${where(doc)}: ${doc.error.message}`);
      first ??= 'syntax';
    }
    facts.push(...found);
  }
  return { result: { facts: dedupe(facts), skipped: joinProblems(problems) }, first };
}

/** One reason for the first problem, with a count of the others. */
function joinProblems(problems: string[]): string | undefined {
  if (problems.length === 0) return undefined;
  return problems.length === 1 ? problems[0] : `${problems[0]} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`;
}

/** Drops repeated facts (same content, same line). */
export function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = JSON.stringify(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The base name of a workspace-relative path, lower-case. */
export function lowerBaseName(relPath: string): string {
  return baseName(relPath).toLowerCase();
}

/** True for `.yml` and `.yaml` files. */
export function isYamlPath(relPath: string): boolean {
  return /\.ya?ml$/i.test(relPath);
}
