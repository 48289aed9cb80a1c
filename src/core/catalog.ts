import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter } from 'yaml';
import { lazyModule } from './lazyModule';
import { ruleIdMatcher } from './combine/combine';
import type { Catalog, PracticeItem, Rule, Skill, SoftSkill } from './types';
import { checkPattern } from './patterns';
import { literalsTable } from './literals';
import { baseName, globTable } from './glob';
import { COMPILED_FORMAT, readCompiledCatalog, type CompiledCatalog } from './compiledCatalog';

/** A catalogue or rule file that cannot be used, with where and why. */
export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CatalogError';
  }
}

const MAX_RULE_FILE_BYTES = 1024 * 1024;
/** Needed for YAML catalogue and rule files only: a start from the compiled catalogue loads neither. */
const ajv = lazyModule(() => require('ajv') as typeof import('ajv'));
const yaml = lazyModule(() => require('yaml') as typeof import('yaml'));
/** One validator per shape (skill file, rules-only file), so errors speak about the shape intended. */
interface SchemaValidators {
  skill: ValidateFunction;
  soft: ValidateFunction;
  rules: ValidateFunction;
}

/**
 * What catalogue files gave, kept for the life of the process: the schema validators of each
 * skills folder, and each compiled catalogue file read. Every rescan then gets the same Catalog
 * object, so the rule index built from it (patterns, globs, literal prefilters) is reused.
 */
class CatalogFiles {
  private readonly validators = new Map<string, SchemaValidators>();
  private readonly compiled = new Map<string, Catalog>();

  schemaValidators(skillsDir: string): SchemaValidators {
    let v = this.validators.get(skillsDir);
    if (!v) {
      const schema = JSON.parse(readFileSync(path.join(skillsDir, 'schema.json'), 'utf8'));
      const validator = new (ajv().default)({ allErrors: true, strict: false });
      validator.addSchema(schema, 'catalogue');
      v = {
        skill: validator.getSchema('catalogue#/definitions/skillFile')!,
        soft: validator.getSchema('catalogue#/definitions/softSkillFile')!,
        rules: validator.getSchema('catalogue#/definitions/rulesFile')!,
      };
      this.validators.set(skillsDir, v);
    }
    return v;
  }

  compiledCatalog(file: string): Catalog | undefined {
    const cached = this.compiled.get(file);
    if (cached) return cached;
    const catalog = readCompiledFile(file);
    if (catalog) this.compiled.set(file, catalog);
    return catalog;
  }
}

const catalogFiles = new CatalogFiles();

/** Finds the `skills/` folder that ships beside the code, walking up from `fromDir`. */
export function findSkillsDir(fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'skills');
    if (existsSync(path.join(candidate, 'schema.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the skills/ catalogue above ${fromDir}`);
    dir = parent;
  }
}

/** A rule as written in a catalogue file, once the schema has validated it. */
type RawRule = Omit<Rule, 'skill' | 'source'>;

/** A skill as written in a catalogue file, once the schema has validated it. */
type RawSkill = Omit<Skill, 'learningMonths' | 'prerequisites' | 'buildsOn'> & { prerequisites?: string[]; buildsOn?: string[] };

/** A catalogue file's data: a skill with its rules, or (a user's file) rules alone. Unchecked until `validate`. */
type RawFile = Partial<RawSkill> & Partial<SoftSkill> & { rules?: RawRule[] };

/** Which shape a file is checked against: a skill, a soft skill (skills/soft/), or rules alone. */
type FileShape = 'skill' | 'soft' | 'rules';

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  data: RawFile;
}

function parseFile(file: string, text: string, problems: string[]): ParsedFile | undefined {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  let data: RawFile;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    problems.push(`${file}:1: ${(err as Error).message}`);
    return undefined;
  }
  return { file, doc, lines, data };
}

/** 1-based line of the YAML node at a JSON-pointer-like path, or of the nearest ancestor that exists. */
function lineAt(p: ParsedFile, pathParts: (string | number)[]): number {
  for (let n = pathParts.length; n >= 0; n--) {
    const node = n === 0 ? p.doc.contents : p.doc.getIn(pathParts.slice(0, n), true);
    if (yaml().isNode(node) && node.range) return p.lines.linePos(node.range[0]).line;
  }
  return 1;
}

function pointerParts(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeSchemaError(e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties')
    return `${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${where}: must be one of ${(e.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'const') return `${where}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  if (e.keyword === 'oneOf')
    return `${where}: a rule needs exactly one matcher (dependency, image, kind, import, file, content or combine)`;
  return `${where}: ${e.message}`;
}

function validate(p: ParsedFile, skillsDir: string, problems: string[], soft = false): boolean {
  if (!p.data || typeof p.data !== 'object' || Array.isArray(p.data)) {
    problems.push(`${p.file}:1: expected a mapping with "rules:" (and, for a skill, "id", "title" and the guidance fields)`);
    return false;
  }
  const shape: FileShape = soft ? 'soft' : 'title' in p.data ? 'skill' : 'rules';
  const v = catalogFiles.schemaValidators(skillsDir)[shape];
  if (v(p.data)) return true;
  const seen = new Set<string>();
  for (const e of v.errors ?? []) {
    // A rule with the wrong number of matchers also fails each branch's `required`: say it once.
    if (e.keyword === 'required' && e.schemaPath.includes('oneOf')) continue;
    const parts = pointerParts(e.instancePath);
    if (e.keyword === 'additionalProperties') parts.push((e.params as { additionalProperty: string }).additionalProperty);
    const msg = `${p.file}:${lineAt(p, parts)}: ${describeSchemaError(e)}`;
    if (!seen.has(msg)) problems.push(msg);
    seen.add(msg);
  }
  return false;
}

function toRule(raw: RawRule, p: ParsedFile, index: number): Rule {
  const [skill] = String(raw.id).split('/');
  return {
    ...raw,
    skill,
    examples: raw.examples,
    source: { file: p.file, line: lineAt(p, ['rules', index]) },
  } as Rule;
}

/** What a rule may belong to: a skill, or a soft skill (whose rules are weak signals, ticking nothing). */
interface RuleOwner {
  id: string;
  practice: readonly PracticeItem[];
  soft?: boolean;
}

function ruleOwners(skills: Iterable<Skill>, softSkills: Iterable<SoftSkill>): Map<string, RuleOwner> {
  const owners = new Map<string, RuleOwner>();
  for (const s of skills) owners.set(s.id, s);
  for (const s of softSkills) owners.set(s.id, { id: s.id, practice: [], soft: true });
  return owners;
}

function checkRule(rule: Rule, skills: ReadonlyMap<string, RuleOwner>, problems: string[]): void {
  const where = `${rule.source.file}:${rule.source.line}`;
  const skill = skills.get(rule.skill);
  if (!skill) {
    problems.push(`${where}: rule ${rule.id} names an unknown skill "${rule.skill}"`);
    return;
  }
  if (skill.soft && rule.strength !== 'weak')
    problems.push(`${where}: rule ${rule.id} belongs to a soft skill, whose signals are hints: its strength must be weak`);
  if (rule.practice && !skill.practice.some((p) => p.id === rule.practice)) {
    problems.push(`${where}: rule ${rule.id} ticks "${rule.practice}", which is not a further-practice item of ${skill.id}`);
  }
  if (rule.content) {
    const problem = checkPattern(rule.content.pattern, rule.content.ignoreCase);
    if (problem) problems.push(`${where}: rule ${rule.id}: ${problem}`);
  }
}

/** A combining rule's selectors must each name some rule that is not itself a combining rule (a typo would make it never hold). */
function checkCombine(rule: Rule, rules: ReadonlyMap<string, Rule>, problems: string[]): void {
  const where = `${rule.source.file}:${rule.source.line}`;
  for (const sel of [...(rule.combine!.allOf ?? []), ...(rule.combine!.anyOf ?? [])]) {
    const unitFact = sel.talksToUnit ? 'talksToUnit' : sel.deployedUnit ? 'deployedUnit' : undefined;
    if (unitFact) {
      if (sel.rule || sel.skill || sel.strength || (sel.talksToUnit && sel.deployedUnit) || !rule.combine!.units)
        problems.push(`${where}: rule ${rule.id}: a ${unitFact} selector stands alone, in a rule with units`);
      continue;
    }
    const fits = sel.rule ? ruleIdMatcher(sel.rule) : undefined;
    const named = [...rules.values()].some((r) => !r.combine && (!fits || fits(r.id)) && (!sel.skill || r.skill === sel.skill));
    if (!named) problems.push(`${where}: rule ${rule.id} combines ${sel.rule ?? sel.skill}, which names no detection rule`);
  }
  const anyOf = rule.combine!.anyOf?.length ?? 0;
  if ((rule.combine!.atLeast ?? 1) > Math.max(anyOf, 1))
    problems.push(`${where}: rule ${rule.id} asks for ${rule.combine!.atLeast} of ${anyOf} selectors`);
}

function learningMonths(text: string): number {
  const m = /(\d+)/.exec(text);
  return m ? Number(m[1]) : 3;
}

function toSkill(d: RawSkill): Skill {
  return {
    id: d.id,
    title: d.title,
    tier: d.tier,
    summary: d.summary,
    ...(d.proof ? { proof: d.proof } : {}),
    learningTime: d.learningTime,
    learningMonths: learningMonths(d.learningTime),
    prerequisites: d.prerequisites ?? [],
    buildsOn: d.buildsOn ?? [],
    howToLearn: d.howToLearn,
    practice: d.practice,
    links: d.links,
    order: d.order,
  };
}

const SKILL_COUNT = 21;

/** Where the soft skills live, under the skills folder. */
const SOFT_DIR = 'soft';

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/** Reads `skills/soft/*.yaml`: each a soft skill's guidance, and weak rules for its signals. */
function readSoftSkills(skillsDir: string, problems: string[]): { softSkills: SoftSkill[]; parsed: ParsedFile[] } {
  const dir = path.join(skillsDir, SOFT_DIR);
  const softSkills = new Map<string, SoftSkill>();
  const parsed: ParsedFile[] = [];
  for (const name of yamlFiles(dir)) {
    const file = path.join(dir, name);
    const p = parseFile(file, readFileSync(file, 'utf8'), problems);
    if (!p || !validate(p, skillsDir, problems, true)) continue;
    const d = p.data as SoftSkill;
    if (`${d.id}.yaml` !== name && `${d.id}.yml` !== name) problems.push(`${file}:${lineAt(p, ['id'])}: file name must be ${d.id}.yaml`);
    if (softSkills.has(d.id)) problems.push(`${file}:1: soft skill ${d.id} is defined twice`);
    softSkills.set(d.id, { id: d.id, title: d.title, summary: d.summary, howToPractise: d.howToPractise, links: d.links, order: d.order });
    parsed.push(p);
  }
  return { softSkills: [...softSkills.values()].sort((a, b) => a.order - b.order), parsed };
}

/**
 * Reads and validates the built-in catalogue (`skills/*.yaml`). An invalid file throws a CatalogError
 * (file:line: message). The build runs this once and writes the result as JSON (see
 * `compileCatalog`), so the editor and the CLI need not parse YAML on every start.
 */
function readBuiltinCatalog(skillsDir: string): Catalog {
  const builtinProblems: string[] = [];
  const skills = new Map<string, Skill>();
  const rules = new Map<string, Rule>();
  const parsed: ParsedFile[] = [];
  for (const name of yamlFiles(skillsDir)) {
    const file = path.join(skillsDir, name);
    const p = parseFile(file, readFileSync(file, 'utf8'), builtinProblems);
    if (!p || !validate(p, skillsDir, builtinProblems)) continue;
    if (!('title' in p.data)) {
      builtinProblems.push(`${file}:1: a built-in catalogue file must define a skill`);
      continue;
    }
    // The schema requires every skill field once a file has a title.
    const skill = p.data as RawSkill;
    if (`${skill.id}.yaml` !== name && `${skill.id}.yml` !== name)
      builtinProblems.push(`${file}:${lineAt(p, ['id'])}: file name must be ${skill.id}.yaml`);
    if (skills.has(skill.id)) builtinProblems.push(`${file}:1: skill ${skill.id} is defined twice`);
    skills.set(skill.id, toSkill(skill));
    parsed.push(p);
  }
  const soft = readSoftSkills(skillsDir, builtinProblems);
  const owners = ruleOwners(skills.values(), soft.softSkills);
  for (const p of [...parsed, ...soft.parsed]) {
    (p.data.rules ?? []).forEach((raw, i) => {
      const rule = toRule(raw, p, i);
      if (rule.skill !== p.data.id) builtinProblems.push(`${p.file}:${rule.source.line}: rule ${rule.id} must start with "${p.data.id}/"`);
      if (rules.has(rule.id)) builtinProblems.push(`${p.file}:${rule.source.line}: rule id ${rule.id} is used twice`);
      checkRule(rule, owners, builtinProblems);
      rules.set(rule.id, rule);
    });
  }
  for (const rule of rules.values()) if (rule.combine) checkCombine(rule, rules, builtinProblems);
  for (const skill of skills.values()) {
    for (const dep of [...skill.prerequisites, ...skill.buildsOn]) {
      if (!skills.has(dep)) builtinProblems.push(`${skillsDir}/${skill.id}.yaml: names unknown skill ${dep}`);
    }
  }
  if (builtinProblems.length) throw new CatalogError(builtinProblems);
  const orderedSkills = [...skills.values()].sort((a, b) => a.order - b.order);
  return { skills: orderedSkills, softSkills: soft.softSkills, rules: [...rules.values()] };
}

/** Every glob the rule index compiles: each rule's own, and the last segment it tests base names with. */
function ruleGlobs(rules: readonly Rule[]): string[] {
  const globs = rules.flatMap((r) => r.file?.paths ?? r.content?.files ?? []);
  return [...globs, ...globs.map(baseName).filter((g) => g !== '' && g !== '**')];
}

export function compileCatalog(skillsDir: string): CompiledCatalog {
  const catalog = readBuiltinCatalog(skillsDir);
  const rel = (file: string) => path.relative(path.dirname(skillsDir), file).split(path.sep).join('/');
  return {
    format: COMPILED_FORMAT,
    catalog: {
      skills: catalog.skills,
      softSkills: catalog.softSkills,
      rules: catalog.rules.map((r) => ({
        ...r,
        examples: { positive: [], negative: [] },
        source: { file: rel(r.source.file), line: r.source.line },
      })),
    },
    prefilters: {
      literals: literalsTable(
        catalog.rules.flatMap((r) => (r.content ? [{ pattern: r.content.pattern, ignoreCase: r.content.ignoreCase === true }] : [])),
      ),
      globs: globTable(ruleGlobs(catalog.rules)),
    },
  };
}

function readCompiledFile(file: string): Catalog | undefined {
  const read = readCompiledCatalog(file);
  if (!read) return undefined;
  if (read.format !== COMPILED_FORMAT || read.catalog.skills?.length !== SKILL_COUNT)
    throw new CatalogError([`${file}: not a compiled catalogue of ${SKILL_COUNT} skills; rebuild with npm run build`]);
  return read.catalog;
}

/**
 * The built-in catalogue plus the user's rule files. The built-in part comes from `compiledFile` when
 * it exists (written by the build), otherwise from the YAML in `skillsDir`. A bad user file is left
 * out and its problems are returned, so one typo never hides the built-in map.
 */
export function loadCatalog(
  skillsDir: string,
  userRuleFiles: readonly string[] = [],
  compiledFile?: string,
): { catalog: Catalog; problems: string[] } {
  const builtin = (compiledFile && catalogFiles.compiledCatalog(compiledFile)) || readBuiltinCatalog(skillsDir);
  if (!userRuleFiles.length) return { catalog: builtin, problems: [] };
  const skills = ruleOwners(builtin.skills, builtin.softSkills);
  const rules = new Map(builtin.rules.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const file of userRuleFiles) {
    const fileProblems: string[] = [];
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
      if (text.length > MAX_RULE_FILE_BYTES) throw new Error(`larger than ${MAX_RULE_FILE_BYTES} bytes`);
    } catch (err) {
      problems.push(`${file}:1: cannot read rule file: ${(err as Error).message}`);
      continue;
    }
    const p = parseFile(file, text, fileProblems);
    if (p && validate(p, skillsDir, fileProblems)) {
      if ('title' in p.data) fileProblems.push(`${file}:1: a user rule file holds only "rules:", not a whole skill`);
      const own: Rule[] = (p.data.rules ?? []).map((raw, i) => toRule(raw, p, i));
      for (const rule of own) checkRule(rule, skills, fileProblems);
      const known = new Map([...rules, ...own.map((r) => [r.id, r] as const)]);
      for (const rule of own) if (rule.combine) checkCombine(rule, known, fileProblems);
      if (!fileProblems.length) for (const rule of own) rules.set(rule.id, rule);
    }
    problems.push(...fileProblems);
  }

  return { catalog: { skills: builtin.skills, softSkills: builtin.softSkills, rules: [...rules.values()] }, problems };
}
