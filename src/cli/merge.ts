import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Status, Tier } from '../core';

/**
 * `merge`: scan results (the documents `scan --json` prints, from many repositories and machines)
 * into one matrix. The files come from elsewhere (a CI artifact, a colleague), so each one is read
 * with bounds and checked before it counts: a file that is not a scan result is named with the
 * reason and skipped, and the others still merge.
 */

/** Larger than any scan result of a real repository (a 100,000-file scan with a long skipped list is some 20 MB). */
export const MAX_RESULT_BYTES = 64 * 1024 * 1024;
/** A scan result nests 5 deep; the bound leaves room for later fields and refuses a nesting bomb before it is parsed. */
export const MAX_RESULT_DEPTH = 64;
const STATUSES: ReadonlySet<string> = new Set<Status>(['practised', 'started', 'missing']);
const TIERS: ReadonlySet<string> = new Set<Tier>(['core', 'advanced']);

/** What the matrix takes from one scan result: its root and each technical skill's status. */
export interface RepoResult {
  root: string;
  skills: { id: string; title: string; tier: Tier; status: Status }[];
}

export interface MatrixRow {
  id: string;
  title: string;
  tier: Tier;
  /** Keyed by each repository's root, as its scan printed it. */
  status: Record<string, Status>;
  practisedIn: number;
}

export interface Matrix {
  version: 1;
  repos: string[];
  skills: MatrixRow[];
}

/** One input file's scan results, and why any of it was left out. */
export interface ReadOutcome {
  results: RepoResult[];
  problems: string[];
}

/** The bytes of a file (or of standard input for `-`), refusing anything that is not a regular file or pipe, and anything too large. */
export function readBounded(file: string, max = MAX_RESULT_BYTES): { text: string } | { error: string } {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO nobody writes to must not wait.
    fd = file === '-' ? 0 : openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { error: `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  try {
    const stat = fstatSync(fd);
    if (file !== '-' && !stat.isFile()) return { error: stat.isDirectory() ? 'a folder, not a file' : 'not a regular file' };
    if (stat.isFile() && stat.size > max) return { error: `larger than ${max / 1024 / 1024} MiB (${stat.size} bytes)` };
    // One buffer the size the file says it has (plus a byte to see it grew), doubled while it fills:
    // a size of 0 may be wrong (a pipe, /proc), and the bound holds on what is read, not on fstat.
    let buffer = Buffer.allocUnsafe(Math.min(max + 1, Math.max(stat.isFile() ? stat.size + 1 : 0, 1 << 16)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > max) return { error: `larger than ${max / 1024 / 1024} MiB` };
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readWhenReady(fd, buffer.subarray(total));
      if (n === 0) break;
      total += n;
    }
    if (total > max) return { error: `larger than ${max / 1024 / 1024} MiB` };
    return { text: decode(buffer.subarray(0, total)) };
  } catch (err) {
    return { error: `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** readSync, waiting out EAGAIN on a pipe (standard input) rather than failing. */
function readWhenReady(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** UTF-8, or UTF-16 when the file starts with its byte-order mark (what Windows PowerShell 5 writes for `>`). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
      .swap16()
      .toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether JSON text nests deeper than `limit` (brackets inside strings do not count). Linear, no recursion. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Most of a scan result is strings: jump to the closing quote, the next one after an even run of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && backslashesBefore(text, end) % 2 === 1) end = text.indexOf('"', end + 1);
      if (end === -1) return false; // an unterminated string: the parser reports it
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

function backslashesBefore(text: string, at: number): number {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The part of a scan result the matrix uses, or why the value is not one. */
export function asScanResult(v: unknown): RepoResult | string {
  if (!isObject(v)) return 'not a scan result (expected the JSON object that scan --json prints)';
  if (typeof v.version === 'number' && v.version > 1) return `written by a newer version (version ${v.version})`;
  if (v.version !== 1 || !('skills' in v)) return 'not a scan result (no "version": 1 and "skills")';
  if (typeof v.root !== 'string' || !v.root) return 'not a scan result ("root" is not a folder name)';
  if (!Array.isArray(v.skills) || !v.skills.length) return 'not a scan result ("skills" is not a list of skills)';
  const skills: RepoResult['skills'] = [];
  const seen = new Set<string>();
  for (const [i, s] of v.skills.entries()) {
    if (!isObject(s) || typeof s.id !== 'string' || typeof s.title !== 'string' || typeof s.status !== 'string')
      return `not a scan result (skill ${i + 1} has no id, title and status)`;
    if (!STATUSES.has(s.status)) return `not a scan result (skill "${s.id}" has status "${s.status}")`;
    if (seen.has(s.id)) return `not a scan result (skill "${s.id}" is listed twice)`;
    seen.add(s.id);
    // Soft skills have no status and are not detected: they stay out of the matrix.
    if (typeof s.tier === 'string' && TIERS.has(s.tier))
      skills.push({ id: s.id, title: s.title, tier: s.tier as Tier, status: s.status as Status });
  }
  return { root: v.root, skills };
}

/** Parses one input's text: a scan result, or an array of them (scan --json on several folders). */
export function parseScanResults(text: string): ReadOutcome {
  if (!text.trim()) return { results: [], problems: ['empty'] };
  if (nestsDeeperThan(text, MAX_RESULT_DEPTH)) return { results: [], problems: [`nested deeper than ${MAX_RESULT_DEPTH} levels`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { results: [], problems: [`not JSON, or cut short (${(err as Error).message})`] };
  }
  if (!Array.isArray(value)) {
    const one = asScanResult(value);
    return typeof one === 'string' ? { results: [], problems: [one] } : { results: [one], problems: [] };
  }
  if (!value.length) return { results: [], problems: ['an empty list'] };
  const out: ReadOutcome = { results: [], problems: [] };
  value.forEach((item, i) => {
    const one = asScanResult(item);
    if (typeof one === 'string') out.problems.push(`item ${i + 1}: ${one}`);
    else out.results.push(one);
  });
  return out;
}

/**
 * The matrix: one column per repository, in the order given, and one row per technical skill, in
 * the order the results list them (the catalogue's). A repository whose result lacks a skill (a scan
 * by a version that did not know it) has it missing: its scan found no evidence of it.
 */
export function buildMatrix(results: readonly RepoResult[]): Matrix {
  const rows = new Map<string, MatrixRow>();
  for (const r of results)
    for (const s of r.skills)
      if (!rows.has(s.id)) rows.set(s.id, { id: s.id, title: s.title, tier: s.tier, status: Object.create(null), practisedIn: 0 });
  for (const r of results) {
    const own = new Map(r.skills.map((s) => [s.id, s.status]));
    for (const row of rows.values()) {
      const status = own.get(row.id) ?? 'missing';
      row.status[r.root] = status;
      if (status === 'practised') row.practisedIn++;
    }
  }
  return { version: 1, repos: results.map((r) => r.root), skills: [...rows.values()] };
}

/**
 * Reads every file and merges what is a scan result. `report` hears each file or item left out, with
 * the reason; a repository whose root an earlier result already has is left out too (each
 * repository must be scanned in a folder of its own).
 */
export function mergeFiles(files: readonly string[], report: (file: string, problem: string) => void): Matrix | undefined {
  const results: RepoResult[] = [];
  const from = new Map<string, string>();
  for (const file of files) {
    const read = readBounded(file);
    if ('error' in read) {
      report(file, read.error);
      continue;
    }
    const parsed = parseScanResults(read.text);
    for (const problem of parsed.problems) report(file, problem);
    for (const r of parsed.results) {
      const earlier = from.get(r.root);
      if (earlier !== undefined) {
        report(file, `the result for ${r.root} is already in ${earlier} (scan each repository in a folder of its own name)`);
        continue;
      }
      from.set(r.root, file);
      results.push(r);
    }
  }
  return results.length ? buildMatrix(results) : undefined;
}
