/** How a unit-scoped combination reads to a person: "3 services: orders/, payment/, shipping/", or workload names: "carts, orders". */
import type { Evidence, Rule } from '../types';
import { formatMessage, message, type Message } from '../messages';
import { unitSignal } from './units';

/** Units named in a line before the rest is cut to "…". */
const UNITS_SHOWN = 4;

/**
 * The name of the unit of Kubernetes workloads that an item of a combining rule's evidence opens
 * (combine/workloads.ts gives that item the unit's name in `via`), else undefined: every other item
 * of the rule, and every item of any other rule, carries the rule's own `via` if any.
 */
export function unitOpening(rule: Rule | undefined, e: Evidence): string | undefined {
  return rule?.combine?.units && e.rule === rule.id && e.via !== undefined && e.via !== rule.via ? e.via : undefined;
}

/** What an item was found through (`via`), unless that is the name of the unit it opens. */
export function foundVia(rule: Rule | undefined, e: Evidence): string | undefined {
  return unitOpening(rule, e) === undefined ? e.via : undefined;
}

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
    const unit = unitOpening(rule, e);
    if (unit !== undefined) name = `${e.folder ? `${e.folder}/` : ''}${unit}`;
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
