import type { Dismissal } from '../core/dismiss';

type Format = 'text' | 'json' | 'markdown';

export interface CliArgs {
  command: 'scan' | 'suggest' | 'help' | 'version';
  dir: string;
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
  backend-skill-map scan [DIR] [--json | --markdown] [--rules FILE]... [--include GLOB]... [--exclude GLOB]... [--dismiss RULE@FILE]... [--no-imports] [--no-gitignore] [--cache FILE]
  backend-skill-map suggest [DIR] [--json] [--rules FILE]... [--include GLOB]... [--exclude GLOB]...
  backend-skill-map --help | --version

scan     prints, for each of the 21 backend skills, whether DIR shows it practised, with the evidence
suggest  prints the skills to learn next, ranked, with the reason for each
--dismiss RULE@FILE  leaves out what rule RULE finds in FILE (relative to DIR), as "Not evidence" does in the editor
--cache FILE  remembers what each file gave in FILE; the next scan reads only files changed since (a CI cache)
DIR defaults to the current folder. Exit codes: 0 scan completed, 2 bad arguments or unreadable folder.`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'help',
    dir: '.',
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
  if (first !== 'scan' && first !== 'suggest') throw new UsageError(`unknown command "${first}" (expected scan or suggest)`);
  args.command = first;
  rest.shift();
  let dirSet = false;
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '--json') args.format = setFormat(args.format, 'json');
    else if (a === '--markdown' || a === '--md') args.format = setFormat(args.format, 'markdown');
    else if (a === '--rules') args.rules.push(value(a));
    else if (a.startsWith('--rules=')) args.rules.push(a.slice(8));
    else if (a === '--exclude') args.excludes.push(value(a));
    else if (a.startsWith('--exclude=')) args.excludes.push(a.slice(10));
    else if (a === '--include') args.includes.push(value(a));
    else if (a.startsWith('--include=')) args.includes.push(a.slice(10));
    else if (a === '--dismiss') args.dismissed.push(dismissal(value(a)));
    else if (a.startsWith('--dismiss=')) args.dismissed.push(dismissal(a.slice(10)));
    else if (a === '--cache') args.cache = value(a);
    else if (a.startsWith('--cache=')) args.cache = a.slice(8);
    else if (a === '--no-imports') args.readSources = false;
    else if (a === '--no-gitignore') args.gitignore = false;
    else if (a === '--help' || a === '-h') return { ...args, command: 'help' };
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (dirSet) throw new UsageError(`only one folder may be given (got "${args.dir}" and "${a}")`);
    else {
      args.dir = a;
      dirSet = true;
    }
  }
  if (args.command === 'suggest' && args.format === 'markdown') throw new UsageError('suggest supports --json only');
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
  if (current !== 'text' && current !== next) throw new UsageError('--json and --markdown cannot be combined');
  return next;
}
