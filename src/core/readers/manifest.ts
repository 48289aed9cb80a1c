/**
 * Plumbing shared by the package-manifest readers: the fact collector, the reader wrapper that turns any
 * error into a skip reason, and small helpers on names and paths. The text formats are in `formats/`.
 * Nothing here or there throws on any input, and every scan is linear in the size of the text (no
 * backtracking regular expressions over whole files).
 */
import type { DependencyFact, Ecosystem, Fact, ReadResult, Reader } from '../types';
import { looksBinary, stripBom } from './text';

/** Most facts one manifest may yield: a real manifest has a few hundred at most. */
export const MAX_FACTS = 5000;
/** Longest excerpt of a parser message kept in a skip reason. */
export const MAX_REASON = 160;

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
// Dev-looking group names
// ---------------------------------------------------------------------------

const DEV_WORDS = new Set([
  'dev',
  'devel',
  'develop',
  'development',
  'test',
  'tests',
  'testing',
  'lint',
  'linting',
  'linter',
  'linters',
  'docs',
  'doc',
  'documentation',
  'typing',
  'types',
  'mypy',
  'style',
  'format',
  'formatting',
  'qa',
  'ci',
  'coverage',
  'bench',
  'benchmark',
  'benchmarks',
  'pytest',
]);

/** True when a group, extra or file name reads as a development-only one (`dev`, `test`, `docs-build`, `lint`). */
export function devLookingName(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => DEV_WORDS.has(w));
}
