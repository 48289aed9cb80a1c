/**
 * Which technologies a skill lists, and what each further-practice item shows: the one place that
 * decides it, so that the tree, the hover, the CLI and the résumé export read the same lists.
 *
 * A technology belongs to a skill when one of the skill's detection rules (a rule that ticks no
 * further-practice item) names it. Evidence of a rule that ticks an item is shown under that item;
 * it also joins the skill's list when its technology belongs to this skill, or to no other skill
 * and the item does not say `listed: false` (Mockito ticking "mocking" is a testing tool). It never
 * does when the name belongs to another skill only (GitHub Actions ticking "tests run in CI" is a
 * CI service, not a testing technology), nor from an item marked `listed: false` (WebSocket ticking
 * "a real-time chat" is no stream-processing technology). A rule that ticks an item and says
 * `listed: true` names one of the skill's own technologies, as a detection rule does (FastAPI
 * ticking "REST APIs" is a web framework, though API development names it too). Whether a name is listed thus depends on
 * the skill and the name alone, never on which of the skill's rules found it. Either way the
 * evidence counts for the skill's status.
 */
import type { Catalog, Evidence, Rule } from './types';
import { byStrengthThenPlace } from './evidenceOrder';

/** A technology's items so far: whether one is strong, how many, and the first in map order (with its position, for ties). */
interface Tally {
  name: string;
  strong: boolean;
  n: number;
  first: Evidence;
  index: number;
}

/** Ranks names as their items are added, in any order: items of one name often come one after another. */
class TechnologyRanking {
  private readonly tally = new Map<string, Tally>();
  private last: Tally | undefined;

  add(e: Evidence, index: number): void {
    let t = this.last?.name === e.technology ? this.last : this.tally.get(e.technology);
    if (!t) this.tally.set(e.technology, (t = { name: e.technology, strong: false, n: 0, first: e, index }));
    else if (byStrengthThenPlace(e, t.first) < 0) {
      t.first = e;
      t.index = index;
    }
    t.strong ||= e.strength === 'strong';
    t.n++;
    this.last = t;
  }

  names(): string[] {
    return [...this.tally.values()]
      .sort((a, b) => Number(b.strong) - Number(a.strong) || b.n - a.n || byStrengthThenPlace(a.first, b.first) || a.index - b.index)
      .map((t) => t.name);
  }
}

/** Names in the order shown: those with strong evidence, then by how many places, then by their first item in map order. */
export function rankTechnologies(all: readonly Evidence[]): string[] {
  const ranking = new TechnologyRanking();
  all.forEach((e, i) => ranking.add(e, i));
  return ranking.names();
}

/** A skill's lists: its technologies, and per further-practice item the names of what ticked it. */
export interface TechnologyLists {
  technologies: string[];
  practice: Map<string, string[]>;
}

export class SkillTechnologies {
  /** Per skill, the names its detection rules give. */
  private readonly own = new Map<string, Set<string>>();
  /** Per name, the skills whose detection rules give it. */
  private readonly owners = new Map<string, Set<string>>();
  /** Per skill, the names its rules ticking a listed item give (`skill\0name`). */
  private readonly fromListedItems = new Set<string>();
  private readonly rules = new Map<string, Rule>();

  constructor(catalog: Pick<Catalog, 'rules' | 'skills'>) {
    const unlisted = new Set<string>();
    const technical = new Set<string>();
    for (const s of catalog.skills) {
      technical.add(s.id);
      for (const p of s.practice) if (p.listed === false) unlisted.add(`${s.id}\0${p.id}`);
    }
    for (const r of catalog.rules) {
      this.rules.set(r.id, r);
      // A soft skill's signals are hints with names of their own: they claim no technology.
      if (!technical.has(r.skill)) continue;
      if (r.practice && !r.listed) {
        if (!unlisted.has(`${r.skill}\0${r.practice}`)) this.fromListedItems.add(`${r.skill}\0${r.technology}`);
        continue;
      }
      let names = this.own.get(r.skill);
      if (!names) this.own.set(r.skill, (names = new Set()));
      names.add(r.technology);
      let skills = this.owners.get(r.technology);
      if (!skills) this.owners.set(r.technology, (skills = new Set()));
      skills.add(r.skill);
    }
  }

  /** Whether `technology` is one that `skill` lists (see the top of this file). */
  listed(skill: string, technology: string): boolean {
    if (this.own.get(skill)?.has(technology)) return true;
    return !this.owners.has(technology) && this.fromListedItems.has(`${skill}\0${technology}`);
  }

  /** Whether a rule's evidence counts among its skill's technologies. */
  listedRule(rule: Rule): boolean {
    return !rule.practice || this.listed(rule.skill, rule.technology);
  }

  /** The lists of one skill from its evidence, in any order. */
  lists(skill: string, evidence: readonly Evidence[]): TechnologyLists {
    const shown = new TechnologyRanking();
    const byItem = new Map<string, TechnologyRanking>();
    // Items of one rule, and of one name, often come one after another: each is looked up once for them.
    let rule: string | undefined;
    let item: string | undefined;
    let name: string | undefined;
    let listed = false;
    evidence.forEach((e, i) => {
      if (e.rule !== rule) {
        rule = e.rule;
        item = this.rules.get(rule)?.practice;
      }
      if (item) {
        let ranking = byItem.get(item);
        if (!ranking) byItem.set(item, (ranking = new TechnologyRanking()));
        ranking.add(e, i);
        if (e.technology !== name) {
          name = e.technology;
          listed = this.listed(skill, name);
        }
      }
      if (!item || listed) shown.add(e, i);
    });
    const practice = new Map<string, string[]>();
    for (const [item, ranking] of byItem) practice.set(item, ranking.names());
    return { technologies: shown.names(), practice };
  }
}

/** The evidence behind one name of a further-practice item: what the rules ticking that item found. */
export function practiceEvidence(
  evidence: readonly Evidence[],
  item: string,
  technology: string,
  ruleById: ReadonlyMap<string, Rule> | ((id: string) => Rule | undefined),
): Evidence[] {
  const rule = typeof ruleById === 'function' ? ruleById : (id: string) => ruleById.get(id);
  return evidence.filter((e) => e.technology === technology && rule(e.rule)?.practice === item);
}

const byCatalog = new WeakMap<object, SkillTechnologies>();

/** The lists of a catalogue, made once per catalogue object: a map is evaluated after every file update. */
export function skillTechnologiesOf(catalog: Pick<Catalog, 'rules' | 'skills'>): SkillTechnologies {
  let lists = byCatalog.get(catalog);
  if (!lists) byCatalog.set(catalog, (lists = new SkillTechnologies(catalog)));
  return lists;
}
