/**
 * What counts as evidence once a rule matched: where (fixtures only prove testing), how strong (dev
 * dependencies and type-only imports are weak unless the rule says dev use is strong), and how much of
 * it one file may give.
 */
import type { Evidence, Rule } from '../types';
import { isFixturePath } from '../paths';

/** Evidence kept per rule and file: enough for hovers on every dependency of a manifest. */
const MAX_HITS_PER_RULE_AND_FILE = 25;

export function evidence(rule: Rule, file: string, line: number): Evidence {
  const e: Evidence = { file, line, technology: rule.technology, rule: rule.id, strength: rule.strength };
  if (rule.via) e.via = rule.via;
  return e;
}

/** Whether a rule may count in a file: test fixtures and examples only prove the testing skill. */
export function countsIn(rule: Rule, onlyTesting: boolean): boolean {
  return !onlyTesting || rule.skill === 'testing';
}

/** Whether a dependency match counts: a rule may ignore dev and test scopes altogether. */
export function dependencyCounts(rule: Rule, dev: boolean): boolean {
  return !(dev && rule.dependency?.dev === 'ignore');
}

/**
 * One file's evidence, collected under the policy above. One collector serves file after file
 * (`start` begins the next), so a file costs no new closure or scratch state.
 */
export class EvidenceCollector {
  private path = '';
  /** Set by `start` for paths under test fixtures or examples. */
  onlyTesting = false;
  private out: Evidence[] = [];
  private hits: Map<string, number> | undefined;

  start(path: string): void {
    this.path = path;
    this.onlyTesting = isFixturePath(path);
    this.out = [];
    this.hits = undefined;
  }

  /** `weaker`: a dev dependency or a type-only import, weak unless the rule says dev use is strong. */
  push(rule: Rule, line: number, weaker = false): void {
    if (this.onlyTesting && rule.skill !== 'testing') return;
    const hits = (this.hits ??= new Map());
    const n = hits.get(rule.id) ?? 0;
    if (n >= MAX_HITS_PER_RULE_AND_FILE) return;
    hits.set(rule.id, n + 1);
    const ev = evidence(rule, this.path, line);
    if (weaker && rule.dependency?.dev !== 'strong') ev.strength = 'weak';
    this.out.push(ev);
  }

  /** A unit's fact for combining (combine/workloads.ts): no rule of a skill, never counted or shown by itself. */
  pushUnitFact(rule: string, technology: string, line: number): void {
    if (!this.onlyTesting) this.out.push({ file: this.path, line, technology, rule, strength: 'weak' });
  }

  /** The file's evidence (a new list for each file). */
  finish(): Evidence[] {
    return this.out;
  }
}
