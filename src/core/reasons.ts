/**
 * Why a skill has its status, in words a learner can act on. The engine builds each reason as a
 * message (an English template with `{0}`-style arguments, the form `vscode.l10n.t` takes), so the
 * editor can show it translated while the CLI writes the English text.
 */
import type { Catalog, Evidence, Rule, Skill, SkillMap, Status } from './types';
import { combinationSummary } from './combine/summary';

export interface ReasonMessage {
  id: 'practised' | 'practised-combined' | 'started' | 'missing';
  /** English text with `{0}`, `{1}`... for the arguments. */
  template: string;
  args: string[];
}

export const REASON_TEMPLATES: Record<ReasonMessage['id'], string> = {
  practised: 'Practised: {0} at {1}.',
  'practised-combined': 'Practised: {0}, {1}.',
  started: 'Started: {0} found at {1}, a hint only. Practised needs {2}.',
  missing: 'Not shown yet: nothing found. Looked for {0}.',
};

/** What practised means when a skill does not say: the generic bar every rule applies. */
const DEFAULT_PROOF = 'the technology used by the project itself: a runtime dependency, its code or its configuration';
/** Technologies named in a "looked for" list before "and N more". */
const LOOKED_FOR_SHOWN = 6;

/** Fills a template's `{n}` placeholders. */
export function formatMessage(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => args[Number(n)] ?? whole);
}

function place(e: Evidence): string {
  return `${e.folder ? `${e.folder}/` : ''}${e.file}:${e.line}`;
}

/** What reasons need from a catalogue, gathered in one pass over its rules when a map is evaluated. */
export class ReasonContext {
  private readonly rules = new Map<string, Rule>();
  /** Per skill, the technologies its rules detect: strong ones first, in catalogue order. */
  private readonly technologies = new Map<string, { strong: Set<string>; weak: Set<string> }>();

  constructor(catalog: Catalog) {
    for (const r of catalog.rules) {
      this.rules.set(r.id, r);
      let names = this.technologies.get(r.skill);
      if (!names) this.technologies.set(r.skill, (names = { strong: new Set(), weak: new Set() }));
      names[r.strength].add(r.technology);
    }
  }

  rule(id: string): Rule | undefined {
    return this.rules.get(id);
  }

  /** The first few technologies a skill's rules detect, as a phrase. */
  lookedFor(skillId: string): string {
    const t = this.technologies.get(skillId);
    const names = t ? [...t.strong, ...[...t.weak].filter((n) => !t.strong.has(n))] : [];
    const shown = names.slice(0, LOOKED_FOR_SHOWN).join(', ');
    return names.length > LOOKED_FOR_SHOWN ? `${shown} and ${names.length - LOOKED_FOR_SHOWN} more` : shown || 'no rules';
  }
}

/** What a skill's reason is made from: its status, its evidence (strong first, as `evaluate` orders it) and its technologies, most telling first. */
export interface ReasonInput {
  skill: Skill;
  status: Status;
  evidence: readonly Evidence[];
  technologies: readonly string[];
}

/** The reason for one skill's status. */
export function reasonMessage({ skill, status, evidence, technologies }: ReasonInput, context: ReasonContext): ReasonMessage {
  const first = evidence.find((e) => e.technology === technologies[0] && e.strength === 'strong') ?? evidence[0];
  if (status === 'missing' || !first) return { id: 'missing', template: REASON_TEMPLATES.missing, args: [context.lookedFor(skill.id)] };
  if (status === 'started') {
    const techs = technologies.slice(0, 3).join(', ');
    return { id: 'started', template: REASON_TEMPLATES.started, args: [techs, place(first), skill.proof ?? DEFAULT_PROOF] };
  }
  const rule = context.rule(first.rule);
  const summary = rule
    ? combinationSummary(
        rule,
        evidence.filter((e) => e.rule === rule.id),
      )
    : undefined;
  if (summary) return { id: 'practised-combined', template: REASON_TEMPLATES['practised-combined'], args: [first.technology, summary] };
  return { id: 'practised', template: REASON_TEMPLATES.practised, args: [first.technology, place(first)] };
}

/** Every skill's reason in a map, as messages (for an editor that shows them in its own language). */
export function reasonsFor(map: SkillMap, catalog: Catalog): Map<string, ReasonMessage> {
  const context = new ReasonContext(catalog);
  const out = new Map<string, ReasonMessage>();
  for (const result of map.skills) {
    const skill = catalog.skills.find((s) => s.id === result.id);
    if (skill)
      out.set(
        result.id,
        reasonMessage({ skill, status: result.status, evidence: result.evidence, technologies: result.technologies }, context),
      );
  }
  return out;
}
