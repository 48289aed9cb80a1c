/**
 * Combining rules: verdicts that no single line proves. They run once per map, over the evidence the
 * other rules found (never over files), so their cost grows with the evidence, not the workspace.
 * A combining rule that holds adds ordinary evidence items: each fact that made it hold, re-labelled
 * with the combining rule's id, technology and strength; a unit-scoped rule also lists the file
 * that makes each unit one (its Dockerfile, template or manifest), so that readers of the map can
 * name the units from the evidence alone (`unitFolderOf`).
 */
import type { CombineMatcher, Evidence, FactSelector, Rule } from '../types';
import { namePattern } from '../match/names';
import { isComposeFile } from '../readers/compose';
import { unitSignal, type UnitIndex } from './units';
import { KnownImages, UNIT_TALKS, workloadUnits, type WorkloadUnits } from './workloads';

interface CompiledSelector {
  /** `rule` is undefined for a unit's own facts (`UNIT_TALKS`). */
  test(e: Evidence, rule: Rule | undefined): boolean;
}

/** Whether a rule id fits a selector's glob (`message-brokers/kafka-*`), as rule names match facts. */
export function ruleIdMatcher(glob: string): (id: string) => boolean {
  const p = namePattern(glob, false);
  return p.re ? (id) => p.re!.test(id) : (id) => id === p.exact;
}

function compileSelector(s: FactSelector): CompiledSelector {
  if (s.talksToUnit) return { test: (e) => e.rule === UNIT_TALKS };
  const fits = s.rule ? ruleIdMatcher(s.rule) : undefined;
  return {
    test: (e, rule) =>
      rule !== undefined &&
      (s.skill === undefined || rule.skill === s.skill) &&
      (fits === undefined || fits(rule.id)) &&
      (s.strength === undefined || e.strength === s.strength),
  };
}

interface CompiledCombine {
  rule: Rule;
  allOf: CompiledSelector[];
  anyOf: CompiledSelector[];
  atLeast: number;
  units: number;
}

function compile(rule: Rule, m: CombineMatcher): CompiledCombine {
  const anyOf = (m.anyOf ?? []).map(compileSelector);
  return { rule, allOf: (m.allOf ?? []).map(compileSelector), anyOf, atLeast: anyOf.length ? (m.atLeast ?? 1) : 0, units: m.units ?? 0 };
}

/**
 * The facts that make a combination hold in one group of evidence, or undefined when it does not:
 * the first fact of each selector that is met.
 */
function holds(c: CompiledCombine, group: readonly Evidence[], ruleOf: ReadonlyMap<string, Rule>): Evidence[] | undefined {
  const firstFor = (sel: CompiledSelector) => group.find((e) => sel.test(e, ruleOf.get(e.rule)));
  const facts: Evidence[] = [];
  for (const sel of c.allOf) {
    const hit = firstFor(sel);
    if (!hit) return undefined;
    facts.push(hit);
  }
  let met = 0;
  for (const sel of c.anyOf) {
    const hit = firstFor(sel);
    if (hit) {
      met++;
      facts.push(hit);
    }
  }
  return met >= c.atLeast ? facts : undefined;
}

function relabel(facts: readonly Evidence[], rule: Rule): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const f of facts) {
    const key = `${f.folder ?? ''}\0${f.file}\0${f.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e: Evidence = { file: f.file, line: f.line, technology: rule.technology, rule: rule.id, strength: rule.strength };
    // A unit of workloads opens with an item naming it (combine/workloads.ts); other facts take the rule's `via`.
    const via = f.rule === '' && f.via ? f.via : rule.via;
    if (via) e.via = via;
    if (f.folder !== undefined) e.folder = f.folder;
    out.push(e);
  }
  return out;
}

/** The combining rules of a catalogue, compiled once. */
export class Combiner {
  private compiled: { combines: CompiledCombine[]; ruleOf: ReadonlyMap<string, Rule> } | undefined;
  private knownImages: KnownImages | undefined;
  private sought: CompiledSelector[] | undefined;

  /** `rules` may be a function giving them: they are then read when the first evidence is combined. */
  constructor(private readonly rules: readonly Rule[] | (() => readonly Rule[])) {}

  private get combines(): CompiledCombine[] {
    return this.compile().combines;
  }

  private get ruleOf(): ReadonlyMap<string, Rule> {
    return this.compile().ruleOf;
  }

  private allRules(): readonly Rule[] {
    return typeof this.rules === 'function' ? this.rules() : this.rules;
  }

  private compile(): { combines: CompiledCombine[]; ruleOf: ReadonlyMap<string, Rule> } {
    if (!this.compiled) {
      const rules = this.allRules();
      this.compiled = {
        combines: rules.filter((r) => r.combine).map((r) => compile(r, r.combine!)),
        ruleOf: new Map(rules.filter((r) => !r.combine).map((r) => [r.id, r])),
      };
    }
    return this.compiled;
  }

  /** The selectors of the unit-scoped combinations. */
  private unitSelectors(): CompiledSelector[] {
    return (this.sought ??= this.combines.filter((c) => c.units).flatMap((c) => [...c.allOf, ...c.anyOf]));
  }

  get empty(): boolean {
    return this.combines.length === 0;
  }

  /** Evidence of every combining rule that holds, given the other rules' evidence of one workspace folder. */
  evidence(evidence: readonly Evidence[], units: UnitIndex): Evidence[] {
    // Every combination needs some fact to hold (the schema requires a selector).
    if (!evidence.length || !this.combines.length) return [];
    const known = evidence.filter((e) => this.ruleOf.has(e.rule));
    let byUnit: Map<string, Evidence[]> | undefined;
    let workloads: WorkloadUnits | undefined;
    const out: Evidence[] = [];
    for (const c of this.combines) {
      if (c.units && !byUnit) {
        // Only facts some unit-scoped combination looks for are grouped (most evidence is not).
        const sought = this.unitSelectors();
        byUnit = groupByUnit(
          known.filter((e) => sought.some((sel) => sel.test(e, this.ruleOf.get(e.rule)))),
          units,
        );
        workloads = workloadUnits(evidence, units, (this.knownImages ??= new KnownImages(this.allRules())));
        for (const [unit, facts] of workloads?.facts ?? []) byUnit.set(unit, [...(byUnit.get(unit) ?? []), ...facts]);
      }
      const facts = c.units ? this.inUnits(c, byUnit!, units, workloads) : holds(c, known, this.ruleOf);
      if (facts) out.push(...relabel(facts, c.rule));
    }
    return out;
  }

  /** The facts of every unit where the combination holds, when at least `units` units do. */
  private inUnits(
    c: CompiledCombine,
    byUnit: ReadonlyMap<string, Evidence[]>,
    units: UnitIndex,
    workloads: WorkloadUnits | undefined,
  ): Evidence[] | undefined {
    const roots = units.unitRoots();
    const facts: Evidence[] = [];
    let count = 0;
    for (const [unit, group] of byUnit) {
      const held = holds(c, group, this.ruleOf);
      if (!held) continue;
      const root = roots.get(unit);
      const opening =
        root === undefined ? workloads?.openings.get(unit) : { file: root, line: 1, technology: '', rule: '', strength: 'strong' as const };
      if (!opening) continue;
      count++;
      facts.push(opening, ...held);
    }
    return count >= c.units ? facts : undefined;
  }
}

/**
 * Evidence by the unit it lies in; evidence outside every unit is left out. A unit's own Dockerfile
 * says what the unit is built from (`FROM rabbitmq` packages a broker), and a Compose file beside it
 * what is started next to it (a Kafka broker for a demo, a database for local runs), not what its
 * code serves or talks to: only the unit's code, manifests and other configs count.
 */
function groupByUnit(evidence: readonly Evidence[], units: UnitIndex): Map<string, Evidence[]> {
  const byUnit = new Map<string, Evidence[]>();
  let lastFile = '';
  let lastUnit: string | undefined;
  for (const e of evidence) {
    // A file's evidence comes together: its unit is looked up once.
    if (e.file !== lastFile) {
      lastFile = e.file;
      lastUnit = unitSignal(e.file) === 'container' || isComposeFile(e.file) ? undefined : units.unitOf(e.file);
    }
    if (lastUnit === undefined) continue;
    const list = byUnit.get(lastUnit);
    if (list) list.push(e);
    else byUnit.set(lastUnit, [e]);
  }
  return byUnit;
}
