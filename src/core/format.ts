/** Text for people: sizes, and catalogue or workspace text set into Markdown. */

/** A byte count in B, KiB, MiB or GiB. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} B`;
}

/** Characters that are Markdown syntax wherever they stand in a line. */
const INLINE_SYNTAX = /([\\`*_[\]<>|])/g;
/** Those and the ones that are syntax at the start of a line or beside a bracket (`#`, `-`, `1.`, `(`...). */
const ANY_SYNTAX = /([\\`*_{}[\]()#+\-.!<>|])/g;

/**
 * Escapes text that came from a catalogue, a rule file or a workspace so that Markdown shows it as
 * written. `inline`: the text follows a list marker or a heading's `#` and stays readable as plain
 * text (the résumé export); `anywhere`: the text may start a line (tooltips).
 */
export function escapeMarkdown(s: string, where: 'inline' | 'anywhere'): string {
  return s.replace(where === 'inline' ? INLINE_SYNTAX : ANY_SYNTAX, '\\$1');
}
