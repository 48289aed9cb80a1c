import { escapeMarkdown, type Status } from '../core';
import type { Matrix } from './merge';

/** The merged matrix as JSON, Markdown, CSV or a table for a terminal. */

const MARK: Record<Status, string> = { practised: '[x]', started: '[~]', missing: '[ ]' };

/**
 * A root or title as visible text: control characters (a newline in a folder name, a terminal escape
 * in a crafted result) are written as escapes, so that they can neither break a table's row nor
 * drive the terminal.
 */
function visible(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

export function matrixJson(m: Matrix): string {
  return JSON.stringify(m, null, 2) + '\n';
}

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled; records end with CRLF. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One header record (`id,title,tier,<root>...,practisedIn`), then one record per skill. */
export function matrixCsv(m: Matrix): string {
  const records = [['id', 'title', 'tier', ...m.repos, 'practisedIn']];
  for (const s of m.skills) records.push([s.id, s.title, s.tier, ...m.repos.map((r) => s.status[r]), String(s.practisedIn)]);
  return records.map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

/** A table cell: Markdown syntax and the pipe escaped, control characters made visible. */
function mdCell(s: string): string {
  return escapeMarkdown(visible(s), 'inline');
}

export function matrixMarkdown(m: Matrix): string {
  const n = m.repos.length;
  const lines = [
    `## Backend skill matrix: ${n} ${n === 1 ? 'repository' : 'repositories'}`,
    '',
    `| Skill | Tier | ${m.repos.map(mdCell).join(' | ')} | Practised in |`,
    `|---|---|${m.repos.map(() => '---|').join('')}---:|`,
  ];
  for (const s of m.skills)
    lines.push(`| ${mdCell(s.title)} | ${s.tier} | ${m.repos.map((r) => s.status[r]).join(' | ')} | ${s.practisedIn} of ${n} |`);
  return lines.join('\n') + '\n';
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** For a terminal: the repositories numbered once, then one column per number. */
export function matrixText(m: Matrix): string {
  const n = m.repos.length;
  const width = Math.max(3, String(n).length);
  const out = [`Backend skill matrix: ${n} ${n === 1 ? 'repository' : 'repositories'}`];
  m.repos.forEach((r, i) => out.push(`  ${String(i + 1).padStart(width)}  ${visible(r)}`));
  const titleWidth = Math.max(...m.skills.map((s) => s.title.length), 10);
  const header = m.repos.map((_, i) => pad(String(i + 1), width)).join(' ');
  for (const tier of ['core', 'advanced'] as const) {
    const rows = m.skills.filter((s) => s.tier === tier);
    if (!rows.length) continue;
    out.push('', `${pad(tier === 'core' ? 'Core' : 'Advanced', titleWidth + 2)} ${header}  practised in`);
    for (const s of rows)
      out.push(
        `  ${pad(visible(s.title), titleWidth)} ${m.repos.map((r) => pad(MARK[s.status[r]], width)).join(' ')}  ${s.practisedIn} of ${n}`,
      );
  }
  out.push('', '[x] practised (strong evidence)  [~] started (weak evidence only)  [ ] missing');
  return out.join('\n') + '\n';
}
