// Bundles the extension and the CLI, then compiles the skill catalogue to dist/catalog.json.
// `vscode` stays external; everything else is inlined. An invalid skills/*.yaml fails the build
// with its path and line.
import * as esbuild from 'esbuild';
import { existsSync, chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, watch as watchFs } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

const production = process.argv.includes('--production');
/** `--watch`: rebuild the bundles on every change to their sources, and the catalogue on every change under skills/. */
const watch = process.argv.includes('--watch');

/**
 * A single character beyond ASCII makes V8 hold a whole file's text as two bytes a character, and
 * read, parse and hash it more slowly: the bundles (esbuild escapes strings, not the comments of
 * bundled libraries) and the compiled catalogue are written in ASCII, with `\\u` escapes.
 */
function escapeNonAscii(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function asciiOnly(file) {
  writeFileSync(file, escapeNonAscii(readFileSync(file, 'utf8')));
}
const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  // The quick check of a reopened workspace runs on a worker thread of its own (src/extension/reopenCheck.ts).
  { in: 'src/extension/quickCheckWorker.ts', out: 'dist/check-worker.js' },
  { in: 'src/cli/launch.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', executable: true },
  // The build id opens the CLI bundle and its code cache (see launch.ts).
  { in: 'src/cli/main.ts', out: 'dist/cli-main.js', banner: `// build ${randomBytes(8).toString('hex')}` },
].filter((e) => existsSync(e.in));

function bundleOptions(entry) {
  return {
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    banner: entry.banner ? { js: entry.banner } : undefined,
  };
}

/** Writes a bundle in ASCII after each build (see escapeNonAscii). */
function afterBuild(entry) {
  return {
    name: 'ascii-only',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        asciiOnly(entry.out);
        if (entry.executable) chmodSync(entry.out, 0o755);
        if (watch) console.error(`rebuilt ${entry.out}`);
      });
    },
  };
}

for (const entry of entries) {
  const options = { ...bundleOptions(entry), plugins: [afterBuild(entry)] };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}

/** Loads the catalogue compiler from the engine's own source (the loader the tests use). */
async function loadCompiler(tmp) {
  const compiler = path.join(tmp, 'compile.cjs');
  await esbuild.build({
    stdin: {
      contents:
        "export { compileCatalog, CatalogError } from './src/core/catalog'; export { compiledCatalogText } from './src/core/compiledCatalog';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile: compiler,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(compiler);
}

/** Validates skills/*.yaml and writes dist/catalog.json; returns the compiled catalogue, or null when it is invalid. */
function writeCatalogue({ compileCatalog, compiledCatalogText, CatalogError }) {
  let compiled;
  try {
    compiled = compileCatalog(path.resolve('skills'));
  } catch (err) {
    if (err instanceof CatalogError) {
      console.error(`The skill catalogue is invalid:\n  ${err.problems.join('\n  ')}`);
      return null;
    }
    throw err;
  }
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/catalog.json', compiledCatalogText(compiled, escapeNonAscii));
  return compiled;
}

/** The CLI's code cache: made by a scan of the test fixtures, so that it holds the functions a scan runs. */
function writeCodeCache() {
  const cache = path.resolve('dist/cli-main.jscache');
  rmSync(cache, { force: true });
  const warm = spawnSync(process.execPath, ['dist/cli.js', 'scan', 'test/fixtures', '--json'], {
    env: { ...process.env, BACKEND_SKILL_MAP_WRITE_CODE_CACHE: cache },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (warm.status !== 0 || !existsSync(cache))
    console.error('note: no code cache for the CLI (the scan that makes it failed); the CLI compiles as it goes');
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsm-build-'));
const compiler = await loadCompiler(tmp);
rmSync(tmp, { recursive: true, force: true });
const compiled = writeCatalogue(compiler);
if (watch) {
  // The bundles change as they are rebuilt: a code cache would only be refused, so there is none.
  rmSync('dist/cli-main.jscache', { force: true });
  let timer;
  watchFs('skills', () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeCatalogue(compiler) && console.error('rebuilt dist/catalog.json'), 100);
  });
  console.error('watching src/ and skills/ (Ctrl+C stops)');
} else {
  if (!compiled) process.exit(1);
  writeCodeCache();
  console.error(
    `built ${entries.map((e) => e.out).join(', ')}, dist/catalog.json (${compiled.catalog.skills.length} skills, ${compiled.catalog.rules.length} rules)`,
  );
}
