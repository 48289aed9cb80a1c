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
import { UNIT_DEPLOYED, unitSignal, type UnitIndex } from './units';
import { KnownImages, UNIT_TALKS, workloadUnits, type WorkloadUnits } from './workloads';

interface CompiledSelector {
  /** `rule` is undefined for a unit's own facts (`UNIT_TALKS`, `UNIT_DEPLOYED`). */
  test(e: Evidence, rule: Rule | undefined): boolean;
}

/** Whether a rule id fits a selector's glob (`message-brokers/kafka-*`), as rule names match facts. */
export function ruleIdMatcher(glob: string): (id: string) => boolean {
  const p = namePattern(glob, false);
  return p.re ? (id) => p.re!.test(id) : (id) => id === p.exact;
}

function compileSelector(s: FactSelector): CompiledSelector {
  if (s.talksToUnit) return { test: (e) => e.rule === UNIT_TALKS };
  if (s.deployedUnit) return { test: (e) => e.rule === UNIT_DEPLOYED };
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
  private sought: (CompiledSelector[] | undefined)[] = [];

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

  /** The selectors of the unit-scoped combinations, or of the others. */
  private selectors(unitScoped: boolean): CompiledSelector[] {
    const k = unitScoped ? 1 : 0;
    return (this.sought[k] ??= this.combines.filter((c) => c.units > 0 === unitScoped).flatMap((c) => [...c.allOf, ...c.anyOf]));
  }

  get empty(): boolean {
    return this.combines.length === 0;
  }

  /** Evidence of every combining rule that holds, given the other rules' evidence of one workspace folder. */
  evidence(evidence: readonly Evidence[], units: UnitIndex): Evidence[] {
    // Every combination needs some fact to hold (the schema requires a selector).
    if (!evidence.length || !this.combines.length) return [];
    let known: Evidence[] | undefined;
    let byUnit: Map<string, Evidence[]> | undefined;
    let workloads: WorkloadUnits | undefined;
    const out: Evidence[] = [];
    for (const c of this.combines) {
      if (c.units && !byUnit) {
        byUnit = firstFacts(evidence, this.selectors(true), this.ruleOf, (file) => units.unitOf(file), true);
        workloads = workloadUnits(evidence, units, (this.knownImages ??= new KnownImages(this.allRules())));
        for (const [unit, facts] of workloads?.facts ?? []) byUnit.set(unit, [...(byUnit.get(unit) ?? []), ...facts]);
        markDeployed(byUnit, units.unitRoots(), workloads);
      }
      if (!c.units) known ??= firstFacts(evidence, this.selectors(false), this.ruleOf, () => '', false).get('') ?? [];
      const facts = c.units ? this.inUnits(c, byUnit!, units, workloads) : holds(c, known!, this.ruleOf);
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
 * Gives each unit that is deployed on its own a fact that `deployedUnit` selectors see, at the item
 * that opens it: a unit made by its own Dockerfile, Containerfile or serverless template, and a unit
 * of Kubernetes workloads. A manifest beside an entry point makes a unit that could be deployed, but
 * a repository of samples, demos or tools has many such folders and deploys none of them.
 */
function markDeployed(byUnit: Map<string, Evidence[]>, roots: ReadonlyMap<string, string>, workloads: WorkloadUnits | undefined): void {
  const mark = (unit: string, file: string, line: number) =>
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), { file, line, technology: '', rule: UNIT_DEPLOYED, strength: 'strong' }]);
  for (const [unit, root] of roots) {
    const signal = unitSignal(root);
    if (signal === 'container' || signal === 'serverless') mark(unit, root, 1);
  }
  for (const [unit, opening] of workloads?.openings ?? []) if (!roots.has(unit)) mark(unit, opening.file, opening.line);
}

/**
 * Whether a file's facts are left out of the unit it lies in. A unit's own Dockerfile says what the
 * unit is built from (`FROM rabbitmq` packages a broker), and a Compose file beside it what is started
 * next to it (a Kafka broker for a demo, a database for local runs), not what its code serves or talks
 * to: only the unit's code, manifests and other configs count.
 */
function outsideItsUnit(file: string): boolean {
  return unitSignal(file) === 'container' || isComposeFile(file);
}

interface Group {
  facts: Evidence[];
  /** 1 for each selector a fact of the group meets. */
  met: Uint8Array;
}

/** The selectors a fact meets, remembered per rule in `known` (for one strength). */
function selectorsMet(
  e: Evidence,
  selectors: readonly CompiledSelector[],
  ruleOf: ReadonlyMap<string, Rule>,
  known: Map<string, number[]>,
): number[] {
  let hits = known.get(e.rule);
  if (!hits) {
    const rule = ruleOf.get(e.rule);
    known.set(e.rule, (hits = rule ? selectors.flatMap((sel, i) => (sel.test(e, rule) ? [i] : [])) : []));
  }
  return hits;
}

function allMet(met: Uint8Array, hits: readonly number[]): boolean {
  for (const i of hits) if (met[i] !== 1) return false;
  return true;
}

/**
 * Per group (a unit, or '' for the whole folder), the first fact of each selector, in the order the
 * evidence came: all that `holds` looks at, since it takes the first fact of each selector. A large
 * workspace has tens of thousands of facts (an import in every file) and a few selectors.
 */
function firstFacts(
  evidence: readonly Evidence[],
  selectors: readonly CompiledSelector[],
  ruleOf: ReadonlyMap<string, Rule>,
  groupOf: (file: string) => string | undefined,
  /** Groups are units: a unit's Dockerfile and Compose files are left out (outsideItsUnit). */
  unitScoped: boolean,
): Map<string, Evidence[]> {
  const groups = new Map<string, Group>();
  // Which selectors a rule's facts meet, by strength: selectors look at the rule and the strength only.
  const matched = [new Map<string, number[]>(), new Map<string, number[]>()];
  // A file's facts come one after another, often from one rule: each is looked up once for them.
  let rule: string | undefined;
  let strength: Evidence['strength'] | undefined;
  let hits: number[] = [];
  let file: string | undefined;
  let key: string | undefined;
  let group: Group | undefined;
  for (const e of evidence) {
    if (e.rule !== rule || e.strength !== strength) {
      rule = e.rule;
      strength = e.strength;
      hits = selectorsMet(e, selectors, ruleOf, matched[strength === 'strong' ? 1 : 0]);
    }
    if (!hits.length) continue;
    if (e.file !== file) {
      file = e.file;
      key = groupOf(file);
      group = key === undefined ? undefined : groups.get(key);
    }
    if (key === undefined) continue;
    // Most facts meet only selectors their group has met already: they are passed over first.
    if (group && allMet(group.met, hits)) continue;
    if (unitScoped && outsideItsUnit(e.file)) continue;
    if (!group) groups.set(key, (group = { facts: [], met: new Uint8Array(selectors.length) }));
    for (const i of hits) group.met[i] = 1;
    group.facts.push(e);
    // One group (the whole folder) with every selector met has all it will keep.
    if (!unitScoped && group.met.every((m) => m === 1)) break;
  }
  return new Map([...groups].map(([key, g]) => [key, g.facts]));
}
