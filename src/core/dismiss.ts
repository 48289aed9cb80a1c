import type { Evidence } from './types';

/**
 * A rule the user says proves nothing in one file ("Not evidence"). Written in the settings as
 * `"<rule id> in <relative path>"`, which reads well by hand; `{ "rule", "file" }` is read too.
 */
export interface Dismissal {
  rule: string;
  /** Workspace-relative POSIX path. */
  file: string;
}

const SEPARATOR = ' in ';

/** `"rule in file"`, as stored in the settings and shown in the log. */
export function formatDismissal(d: Dismissal): string {
  return `${d.rule}${SEPARATOR}${d.file}`;
}

function normalisePath(file: string): string {
  return file.trim().replace(/\\/g, '/').replace(/^\.\//, '');
}

/** One entry of the setting, or undefined when it is not one. Rule ids hold no space, so the first " in " splits. */
export function parseDismissal(value: unknown): Dismissal | undefined {
  let rule: unknown;
  let file: unknown;
  if (typeof value === 'string') {
    const at = value.indexOf(SEPARATOR);
    if (at < 0) return undefined;
    [rule, file] = [value.slice(0, at), value.slice(at + SEPARATOR.length)];
  } else if (value && typeof value === 'object') {
    ({ rule, file } = value as Record<string, unknown>);
  }
  if (typeof rule !== 'string' || typeof file !== 'string') return undefined;
  const d = { rule: rule.trim(), file: normalisePath(file) };
  return d.rule && d.file && !/\s/.test(d.rule) ? d : undefined;
}

/** The entries of a setting's value that parse, without repeats. */
export function parseDismissals(values: unknown): Dismissal[] {
  if (!Array.isArray(values)) return [];
  const seen = new Set<string>();
  const out: Dismissal[] = [];
  for (const v of values) {
    const d = parseDismissal(v);
    if (!d || seen.has(formatDismissal(d))) continue;
    seen.add(formatDismissal(d));
    out.push(d);
  }
  return out;
}

/** Tests evidence against a list of dismissals in constant time. */
export class Dismissals {
  private readonly keys: Set<string>;

  constructor(list: readonly Dismissal[] = []) {
    this.keys = new Set(list.map(formatDismissal));
  }

  get size(): number {
    return this.keys.size;
  }

  has(e: Pick<Evidence, 'rule' | 'file'>): boolean {
    return this.keys.size > 0 && this.keys.has(formatDismissal(e));
  }

  /** The evidence that is not dismissed (the same array when nothing is). */
  filter<E extends Pick<Evidence, 'rule' | 'file'>>(evidence: E[]): E[] {
    return this.keys.size ? evidence.filter((e) => !this.has(e)) : evidence;
  }
}
