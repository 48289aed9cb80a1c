/** How a unit-scoped combination reads to a person: "3 services: orders/, payment/, shipping/". */
import type { Evidence, Rule } from '../types';
import { unitSignal } from './units';

/** Units named in a line before "and N more". */
const UNITS_SHOWN = 4;

/**
 * The units a combining rule's evidence names (each unit's evidence opens with the file that makes
 * it a unit, at line 1), as a phrase; undefined for any other rule.
 */
export function combinationSummary(rule: Rule, evidence: readonly Evidence[]): string | undefined {
  if (!rule.combine?.units) return undefined;
  const folders: string[] = [];
  for (const e of evidence) {
    if (e.rule !== rule.id || e.line !== 1 || unitSignal(e.file) === undefined || unitSignal(e.file) === 'entry') continue;
    const slash = e.file.lastIndexOf('/');
    const folder = `${e.folder ? `${e.folder}/` : ''}${slash < 0 ? '.' : e.file.slice(0, slash)}/`;
    if (!folders.includes(folder)) folders.push(folder);
  }
  if (!folders.length) return undefined;
  folders.sort();
  const shown = folders.slice(0, UNITS_SHOWN).join(', ');
  const more = folders.length > UNITS_SHOWN ? ` and ${folders.length - UNITS_SHOWN} more` : '';
  return `${folders.length} services: ${shown}${more}`;
}
