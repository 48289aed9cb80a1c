import { statSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import * as path from 'node:path';
import { DiskSource, Scanner, loadCatalog, findSkillsDir, suggestNext, toMarkdown, CatalogError, escapeMarkdown } from '../core';
import type { Catalog, SkillMap } from '../core';
import { parseArgs, UsageError, USAGE, type CliArgs } from './args';
import { formatSuggestions, formatText } from './format';
import { mergeFiles } from './merge';
import { matrixCsv, matrixJson, matrixMarkdown, matrixText } from './matrixFormat';
import { cacheKey, engineId, readCache, writeCache } from './scanCache';

const VERSION = '0.1.0';

/**
 * A scan allocates a short-lived string per file read. V8 keeps doubling the young generation while
 * that goes on, up to 2 x 16 MB on a large workspace, for no measurable speed: once it has reached
 * YOUNG_GENERATION_CAP it stops growing. (launch.ts sets the other engine flags, before the bundle is
 * compiled. The extension never sets engine flags: it shares the editor's extension host.)
 */
const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;
let youngGenerationCapped = false;

function capYoungGeneration(): void {
  if (youngGenerationCapped) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (young && young.space_size >= YOUNG_GENERATION_CAP) {
    setFlagsFromString('--semi-space-growth-factor=1');
    youngGenerationCapped = true;
  }
}

function fail(message: string): never {
  process.stderr.write(`backend-skill-map: ${message}\n`);
  process.exit(2);
}

/** A folder's problem on standard error; the other folders still run. */
function warn(message: string): void {
  process.stderr.write(`backend-skill-map: ${message}\n`);
}

/** Why `root` cannot be scanned, or undefined when it is a folder. */
function folderProblem(root: string): string | undefined {
  try {
    return statSync(root).isDirectory() ? undefined : `${root} is not a folder`;
  } catch {
    return `cannot read folder ${root}`;
  }
}

function loadCli(args: CliArgs): Catalog {
  const { catalog, problems } = loadCatalog(
    findSkillsDir(__dirname),
    args.rules.map((r) => path.resolve(r)),
    path.join(__dirname, 'catalog.json'),
  );
  if (problems.length) fail(`rule file problem:\n  ${problems.join('\n  ')}`);
  return catalog;
}

async function scanFolder(root: string, args: CliArgs, catalog: Catalog): Promise<SkillMap> {
  const tty = process.stderr.isTTY;
  const scanner = new Scanner(
    new DiskSource(root, { excludes: args.excludes, includes: args.includes, useGitignore: args.gitignore }),
    catalog,
    args.dismissed,
  );
  const key = args.cache ? cacheKey(engineId(VERSION, __filename), catalog, args.rules, args.readSources) : undefined;
  const map = await scanner.scan({
    readSources: args.readSources,
    cache: key && { key, previous: readCache(args.cache!, key, warn) },
    onProgress: (p) => {
      capYoungGeneration();
      if (tty) process.stderr.write(`\r${p.phase}: ${p.total ? `${p.done}/${p.total}` : p.done} files   `);
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  if (args.cache) writeCache(args.cache, scanner, warn);
  return map;
}

const isReadError = (err: unknown) => ['EACCES', 'ENOENT', 'EPERM'].includes((err as NodeJS.ErrnoException)?.code ?? '');

/**
 * `scan` on one or more folders, sharing the loaded catalogue. One folder prints what it always
 * printed; several print one result each, as they complete: with --json a JSON array (the same text
 * as JSON.stringify of the array), otherwise each result under its folder. A folder that cannot be
 * read is named on standard error and the others still run; the exit code is then 2.
 */
async function scanCommand(args: CliArgs): Promise<void> {
  const roots = args.paths.map((p) => path.resolve(p));
  const several = roots.length > 1;
  if (!several) {
    const problem = folderProblem(roots[0]);
    if (problem) fail(problem);
  }
  const catalog = loadCli(args);
  const out = (s: string) => process.stdout.write(s);
  let printed = 0;
  let failed = false;
  if (several && args.format === 'json') out('[');
  for (const root of roots) {
    const problem = folderProblem(root);
    let map: SkillMap;
    try {
      if (problem) throw Object.assign(new Error(problem), { code: 'ENOENT' });
      map = await scanFolder(root, args, catalog);
    } catch (err) {
      if (!several || !isReadError(err)) throw err;
      warn(problem ?? `cannot read folder: ${(err as Error).message}`);
      failed = true;
      continue;
    }
    if (!several && args.command === 'suggest') return suggestOutput(map, catalog, args);
    if (args.format === 'json')
      out(several ? `${printed ? ',' : ''}\n  ${JSON.stringify(map, null, 2).replace(/\n/g, '\n  ')}` : json(map));
    else if (args.format === 'markdown')
      out(
        `${several ? `${printed ? '\n' : ''}# Backend Skill Map: ${escapeMarkdown(map.root, 'inline')}\n\n` : ''}${toMarkdown(map, catalog)}`,
      );
    else out(`${printed ? '\n' : ''}${formatText(map)}`);
    printed++;
  }
  if (several && args.format === 'json') out(printed ? '\n]\n' : ']\n');
  if (failed) process.exitCode = 2;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function suggestOutput(map: SkillMap, catalog: Catalog, args: CliArgs): void {
  const list = suggestNext(map, catalog);
  process.stdout.write(args.format === 'json' ? json({ version: 1, root: map.root, suggestions: list }) : formatSuggestions(list));
}

/** `merge`: the files' scan results as one matrix; exit 2 when no file held one. */
function mergeCommand(args: CliArgs): void {
  const matrix = mergeFiles(args.paths, (file, problem) => warn(`skipped ${file}: ${problem}`));
  if (!matrix) fail(`no scan result to merge in ${args.paths.length === 1 ? args.paths[0] : `${args.paths.length} files`}`);
  const format = { json: matrixJson, csv: matrixCsv, markdown: matrixMarkdown, text: matrixText }[args.format];
  process.stdout.write(format(matrix));
}

async function run(args: CliArgs): Promise<void> {
  if (args.command === 'help') process.stdout.write(USAGE + '\n');
  else if (args.command === 'version') process.stdout.write(VERSION + '\n');
  else if (args.command === 'merge') mergeCommand(args);
  else await scanCommand(args);
}

let parsed: CliArgs;
try {
  parsed = parseArgs(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) fail(`${err.message}\n${USAGE}`);
  throw err;
}
run(parsed).catch((err) => {
  if (err instanceof CatalogError) fail(`the skill catalogue is invalid:\n  ${err.problems.join('\n  ')}`);
  if ((err as NodeJS.ErrnoException)?.code === 'EACCES' || (err as NodeJS.ErrnoException)?.code === 'ENOENT')
    fail(`cannot read folder: ${(err as Error).message}`);
  process.stderr.write(`backend-skill-map: unexpected error: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
