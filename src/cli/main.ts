import { statSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import * as path from 'node:path';
import { DiskSource, Scanner, loadCatalog, findSkillsDir, suggestNext, toMarkdown, CatalogError } from '../core';
import { parseArgs, UsageError, USAGE, type CliArgs } from './args';
import { formatSuggestions, formatText } from './format';
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

async function run(args: CliArgs): Promise<void> {
  if (args.command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (args.command === 'version') {
    process.stdout.write(VERSION + '\n');
    return;
  }
  const root = path.resolve(args.dir);
  let stat;
  try {
    stat = statSync(root);
  } catch {
    fail(`cannot read folder ${root}`);
  }
  if (!stat.isDirectory()) fail(`${root} is not a folder`);

  const { catalog, problems } = loadCatalog(
    findSkillsDir(__dirname),
    args.rules.map((r) => path.resolve(r)),
    path.join(__dirname, 'catalog.json'),
  );
  if (problems.length) fail(`rule file problem:\n  ${problems.join('\n  ')}`);

  const tty = process.stderr.isTTY;
  const scanner = new Scanner(
    new DiskSource(root, { excludes: args.excludes, includes: args.includes, useGitignore: args.gitignore }),
    catalog,
    args.dismissed,
  );
  const warn = (message: string) => process.stderr.write(`backend-skill-map: ${message}\n`);
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

  if (args.command === 'suggest') {
    const list = suggestNext(map, catalog);
    process.stdout.write(
      args.format === 'json' ? JSON.stringify({ version: 1, root, suggestions: list }, null, 2) + '\n' : formatSuggestions(list),
    );
    return;
  }
  if (args.format === 'json') process.stdout.write(JSON.stringify(map, null, 2) + '\n');
  else if (args.format === 'markdown') process.stdout.write(toMarkdown(map, catalog));
  else process.stdout.write(formatText(map));
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
