import type { Dismissal } from '../core/dismiss';

type Format = 'text' | 'json' | 'markdown' | 'csv';

export interface CliArgs {
  command: 'scan' | 'suggest' | 'merge' | 'help' | 'version';
  /** scan: the folders (one or more); suggest: one folder; merge: the scan results to merge. */
  paths: string[];
  format: Format;
  rules: string[];
  excludes: string[];
  /** When given, only what these globs match is scanned. */
  includes: string[];
  /** Read source files (imports and code patterns); `--no-imports` turns it off. */
  readSources: boolean;
  gitignore: boolean;
  /** `--dismiss RULE@FILE`: a rule that proves nothing in that file. */
  dismissed: Dismissal[];
  /** `--cache FILE`: the scan store read before the scan and written after it. */
  cache?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  backend-skill-map scan [DIR]... [--json | --markdown] [--rules FILE]... [--include GLOB]... [--exclude GLOB]... [--dismiss RULE@FILE]... [--no-imports] [--no-gitignore] [--cache FILE]
  backend-skill-map suggest [DIR] [--json] [--rules FILE]... [--include GLOB]... [--exclude GLOB]...
  backend-skill-map merge FILE... [--json | --markdown | --csv]
  backend-skill-map --help | --version

scan     prints, for each of the 21 backend skills, whether DIR shows it practised, with the evidence.
         Several folders are scanned one after the other, each printed under its own heading; with
         --json, two or more folders print a JSON array of the documents one folder prints
suggest  prints the skills to learn next, ranked, with the reason for each
merge    reads scan results (the output of scan --json: one document or an array) and prints a matrix:
         one row per technical skill, one column per scanned folder, the status in each cell and how
         many folders practise the skill (a table, or --json, --markdown, --csv). FILE - is standard
         input. A file that is not a scan result is named on standard error and skipped
--dismiss RULE@FILE  leaves out what rule RULE finds in FILE (relative to DIR), as "Not evidence" does in the editor
--cache FILE  remembers what each file gave in FILE; the next scan reads only files changed since (a CI cache)
DIR defaults to the current folder. Exit codes: 0 done (merge: at least one file merged), 2 bad arguments,
a folder that cannot be read (the other folders are still printed) or, for merge, no file merged.`;

const SCAN_FLAGS: Record<string, (args: CliArgs, value: string) => void> = {
  '--rules': (args, v) => args.rules.push(v),
  '--exclude': (args, v) => args.excludes.push(v),
  '--include': (args, v) => args.includes.push(v),
  '--dismiss': (args, v) => args.dismissed.push(dismissal(v)),
  '--cache': (args, v) => (args.cache = v),
};

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'help',
    paths: [],
    format: 'text',
    rules: [],
    excludes: [],
    includes: [],
    readSources: true,
    gitignore: true,
    dismissed: [],
  };
  const rest = [...argv];
  const first = rest[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return args;
  if (first === '--version' || first === '-v') return { ...args, command: 'version' };
  if (first !== 'scan' && first !== 'suggest' && first !== 'merge')
    throw new UsageError(`unknown command "${first}" (expected scan, suggest or merge)`);
  args.command = first;
  rest.shift();
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  let operandsOnly = false;
  while (rest.length) {
    const a = rest.shift()!;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (operandsOnly || !a.startsWith('-') || a === '-') args.paths.push(a);
    else if (a === '--') operandsOnly = true;
    else if (a === '--json') args.format = setFormat(args.format, 'json');
    else if (a === '--markdown' || a === '--md') args.format = setFormat(args.format, 'markdown');
    else if (a === '--csv' && args.command === 'merge') args.format = setFormat(args.format, 'csv');
    else if (a === '--help' || a === '-h') return { ...args, command: 'help' };
    else if (args.command === 'merge') throw new UsageError(`unknown option ${a} (merge takes --json, --markdown or --csv)`);
    else if (SCAN_FLAGS[flag]) SCAN_FLAGS[flag](args, eq > 0 ? a.slice(eq + 1) : value(a));
    else if (a === '--no-imports') args.readSources = false;
    else if (a === '--no-gitignore') args.gitignore = false;
    else throw new UsageError(`unknown option ${a}`);
  }
  return checked(args);
}

/** The rules between options and operands that the loop above cannot see one argument at a time. */
function checked(args: CliArgs): CliArgs {
  if (args.command === 'merge' && !args.paths.length) throw new UsageError('merge needs at least one FILE (the output of scan --json)');
  if (args.command === 'suggest' && args.paths.length > 1)
    throw new UsageError(`suggest takes one folder (got "${args.paths[0]}" and "${args.paths[1]}")`);
  if (args.cache && args.paths.length > 1) throw new UsageError('--cache takes one folder: a store remembers the files of one folder');
  if (args.command === 'suggest' && args.format === 'markdown') throw new UsageError('suggest supports --json only');
  if (args.command !== 'merge' && !args.paths.length) args.paths.push('.');
  return args;
}

/** RULE@FILE: rule ids hold no `@`, so the first one splits. */
function dismissal(value: string): Dismissal {
  const at = value.indexOf('@');
  const rule = value.slice(0, at).trim();
  const file = value
    .slice(at + 1)
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.\//, '');
  if (at < 1 || !rule || !file || /\s/.test(rule)) throw new UsageError(`--dismiss needs RULE@FILE (got "${value}")`);
  return { rule, file };
}

function setFormat(current: Format, next: Format): Format {
  if (current !== 'text' && current !== next) throw new UsageError(`--${current} and --${next} cannot be combined`);
  return next;
}
