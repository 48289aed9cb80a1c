/**
 * Why a skill has its status, in words a learner can act on. The engine builds each reason as a
 * message (an English template with `{0}`-style arguments, the form `vscode.l10n.t` takes), so the
 * editor can show it translated while the CLI writes the English text.
 */
import type { Catalog, Evidence, Rule, Skill, Status } from './types';
import { combinationUnits } from './combine/summary';
import { skillTechnologiesOf } from './technologies';
import { byStrengthThenPlace, earliest, earliestStrong } from './evidenceOrder';
import { formatMessage, message, MESSAGE_TEMPLATES, type Message } from './messages';

export type ReasonMessage = Message<'practised' | 'practised-combined' | 'started' | 'started-default' | 'missing' | 'missing-more'>;

/** The reason templates, for an editor that translates them. */
export const REASON_TEMPLATES = MESSAGE_TEMPLATES;
export { formatMessage };

/** Technologies named in a "looked for" list before "and N more". */
const LOOKED_FOR_SHOWN = 6;

function place(e: Evidence): string {
  return `${e.folder ? `${e.folder}/` : ''}${e.file}:${e.line}`;
}

/**
 * Per skill, the technologies it lists that its rules detect (technologies.ts): strong ones first,
 * each in catalogue order (see Catalog.lookedFor).
 */
export function lookedForTable(catalog: Pick<Catalog, 'rules' | 'skills'>): Record<string, string[]> {
  const lists = skillTechnologiesOf(catalog);
  const bySkill = new Map<string, { strong: Set<string>; weak: Set<string> }>();
  for (const r of catalog.rules) {
    if (!lists.listedRule(r)) continue;
    let names = bySkill.get(r.skill);
    if (!names) bySkill.set(r.skill, (names = { strong: new Set(), weak: new Set() }));
    names[r.strength].add(r.technology);
  }
  const table: Record<string, string[]> = {};
  for (const [skill, t] of bySkill) table[skill] = [...t.strong, ...[...t.weak].filter((n) => !t.strong.has(n))];
  return table;
}

/**
 * What reasons need from a catalogue, gathered when a map is evaluated: its rules by id (read only
 * when there is evidence) and what each skill's rules look for.
 */
export class ReasonContext {
  private rules: Map<string, Rule> | undefined;
  private technologies: Readonly<Record<string, readonly string[]>> | undefined;

  constructor(private readonly catalog: Catalog) {}

  rule(id: string): Rule | undefined {
    return (this.rules ??= new Map(this.catalog.rules.map((r) => [r.id, r]))).get(id);
  }

  /** What the scanner looked for: the first few technologies a skill's rules detect, and how many more. */
  lookedFor(skillId: string): ReasonMessage {
    this.technologies ??= this.catalog.lookedFor ?? lookedForTable(this.catalog);
    const names = this.technologies[skillId] ?? [];
    const shown = names.slice(0, LOOKED_FOR_SHOWN).join(', ');
    return names.length > LOOKED_FOR_SHOWN
      ? message('missing-more', shown, String(names.length - LOOKED_FOR_SHOWN))
      : message('missing', shown);
  }
}

/** What a skill's reason is made from: its status, its evidence (in any order) and its technologies, most telling first. */
export interface ReasonInput {
  skill: Skill;
  status: Status;
  evidence: readonly Evidence[];
  technologies: readonly string[];
}

/** The reason for one skill's status. */
export function reasonMessage({ skill, status, evidence, technologies }: ReasonInput, context: ReasonContext): ReasonMessage {
  const first = (technologies.length ? earliestStrong(evidence, technologies[0]) : undefined) ?? earliest(evidence);
  if (status === 'missing' || !first) return context.lookedFor(skill.id);
  if (status === 'started') {
    // A hint whose technology is listed under another skill (gRPC as a hint of microservices) is still named.
    const named = technologies.length ? technologies : [...new Set([...evidence].sort(byStrengthThenPlace).map((e) => e.technology))];
    const techs = named.slice(0, 3).join(', ');
    return skill.proof ? message('started', techs, place(first), skill.proof) : message('started-default', techs, place(first));
  }
  const rule = context.rule(first.rule);
  const units = rule ? combinationUnits(rule, evidence) : undefined;
  if (units) return message('practised-combined', first.technology, ...units);
  return message('practised', first.technology, place(first));
}
