/**
 * The compiled catalogue file (dist/catalog.json) that the build writes and the editor and the CLI
 * read. Two lines of JSON: first the skills, the soft skills and what each skill's rules look for
 * (all a map of an empty workspace needs), then the rules with the prefilters derived from them.
 * The second line is parsed when the rules are first used: its 2,800 rules take most of the time a
 * start spends reading the catalogue (some 15 ms of a 0.1 s command), which a folder with no file
 * to match never has to pay.
 */
import { readFileSync } from 'node:fs';
import type { Catalog, Rule } from './types';
import { primeLiterals } from './literals';
import { primeGlobs } from './glob';
import { lookedForTable } from './reasons';
import { contentHash } from './hash';

export const COMPILED_FORMAT = 4;

/** The catalogue as the build writes it: guidance and rules, without the rules' examples. */
export interface CompiledCatalog {
  format: typeof COMPILED_FORMAT;
  catalog: Catalog;
  /** Derived from the rules at build time so a session need not derive them again. */
  prefilters: {
    /** Literal prefilters of content patterns (see literals.ts). */
    literals: [string, string[] | null][];
    /** Globs of file and content rules as regular expressions: [glob, source, flags]. */
    globs: [string, string, string][];
  };
}

type Head = { format: number } & Pick<Catalog, 'skills' | 'softSkills' | 'lookedFor' | 'identity'>;
type Body = { rules: Omit<Rule, 'examples'>[]; prefilters: CompiledCatalog['prefilters'] };

/** A compiled rule has no examples (they serve the tests, from the YAML): all share this empty pair. */
const NO_EXAMPLES: Rule['examples'] = Object.freeze({ positive: [], negative: [] }) as unknown as Rule['examples'];

/** The file's text; `escape` makes it ASCII (see esbuild.mjs). */
export function compiledCatalogText(c: CompiledCatalog, escape: (s: string) => string = (s) => s): string {
  const body = escape(JSON.stringify({ rules: c.catalog.rules.map(({ examples: _examples, ...rule }) => rule), prefilters: c.prefilters }));
  const head = { format: c.format, skills: c.catalog.skills, softSkills: c.catalog.softSkills, lookedFor: lookedForTable(c.catalog) };
  // The catalogue's identity (a scan store's key) is taken here, so a session need not parse the rules to compute it.
  const identity = contentHash(JSON.stringify(head), body);
  return `${escape(JSON.stringify({ ...head, identity } satisfies Head))}\n${body}\n`;
}

/**
 * Reads a compiled catalogue: its head now, its rules when `catalog.rules` is first read (the
 * prefilters are loaded then too). Undefined when the file cannot be read; `format` tells the caller
 * whether it is one this code reads.
 */
export function readCompiledCatalog(file: string): { format: number; catalog: Catalog } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = bytes.indexOf(10);
  const head = JSON.parse(bytes.toString('utf8', 0, nl < 0 ? bytes.length : nl)) as Head;
  if (head.format !== COMPILED_FORMAT || nl < 0) return { format: head.format, catalog: head as unknown as Catalog };
  const catalog: Catalog = {
    skills: head.skills,
    softSkills: head.softSkills,
    lookedFor: head.lookedFor,
    identity: head.identity,
    rules: [],
  };
  Object.defineProperty(catalog, 'rules', {
    configurable: true,
    enumerable: true,
    get(): Rule[] {
      let body: Body;
      try {
        body = JSON.parse(bytes.toString('utf8', nl + 1)) as Body;
      } catch (err) {
        const reason = (err as Error).message;
        throw new Error(`${file}: the compiled catalogue's rules cannot be read (${reason}); rebuild with npm run build`, { cause: err });
      }
      primeLiterals(body.prefilters.literals);
      primeGlobs(body.prefilters.globs);
      const rules = body.rules as Rule[];
      for (let i = 0; i < rules.length; i++) rules[i].examples = NO_EXAMPLES;
      Object.defineProperty(catalog, 'rules', { value: rules, enumerable: true, writable: true });
      return rules;
    },
  });
  return { format: head.format, catalog };
}

/** The whole file at once (for tests and tools). */
export function parseCompiledCatalog(text: string): CompiledCatalog & { lookedFor: Catalog['lookedFor'] } {
  const nl = text.indexOf('\n');
  const head = JSON.parse(text.slice(0, nl)) as Head;
  const body = JSON.parse(text.slice(nl + 1)) as Body;
  return {
    format: head.format as typeof COMPILED_FORMAT,
    catalog: { skills: head.skills, softSkills: head.softSkills, rules: body.rules.map((r) => ({ ...r, examples: NO_EXAMPLES })) },
    prefilters: body.prefilters,
    lookedFor: head.lookedFor,
  };
}
