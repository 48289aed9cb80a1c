/** How a unit-scoped combination reads to a person: "3 services: orders/, payment/, shipping/", or workload names: "carts, orders". */
import type { Evidence, Rule } from '../types';
import { formatMessage, message, type Message } from '../messages';
import { unitSignal } from './units';

/** Units named in a line before the rest is cut to "…". */
const UNITS_SHOWN = 4;

/**
 * How many units a combining rule's evidence names (each unit's evidence opens with the file that
 * makes it a unit, at line 1), and the first few of their folders; undefined for any other rule.
 */
export function combinationUnits(rule: Rule, evidence: readonly Evidence[]): [count: string, folders: string] | undefined {
  if (!rule.combine?.units) return undefined;
  const folders: string[] = [];
  for (const e of evidence) {
    if (e.rule !== rule.id) continue;
    let name: string;
    // A unit of Kubernetes workloads opens with an item that names it (combine/workloads.ts).
    if (e.via !== undefined && e.via !== rule.via) name = `${e.folder ? `${e.folder}/` : ''}${e.via}`;
    else if (e.line === 1 && unitSignal(e.file) !== undefined && unitSignal(e.file) !== 'entry') {
      const slash = e.file.lastIndexOf('/');
      name = `${e.folder ? `${e.folder}/` : ''}${slash < 0 ? '.' : e.file.slice(0, slash)}/`;
    } else continue;
    if (!folders.includes(name)) folders.push(name);
  }
  if (!folders.length) return undefined;
  folders.sort();
  const shown = folders.slice(0, UNITS_SHOWN).join(', ');
  return [String(folders.length), folders.length > UNITS_SHOWN ? `${shown}, …` : shown];
}

/** The units of a combination as a message: "3 services: orders/, payment/, shipping/". */
export function combinationMessage(rule: Rule, evidence: readonly Evidence[]): Message<'services'> | undefined {
  const units = combinationUnits(rule, evidence);
  return units && message('services', ...units);
}

/** The same, in English. */
export function combinationSummary(rule: Rule, evidence: readonly Evidence[]): string | undefined {
  const m = combinationMessage(rule, evidence);
  return m && formatMessage(m.template, m.args);
}
