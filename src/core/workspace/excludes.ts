import ignore, { type Ignore } from 'ignore';
import { anyGlob, baseName, globMatcher, isBaseNameGlob } from '../glob';
import { BaseNameBuckets } from '../baseBuckets';
import { GENERATED_FOLDERS, LOCK_FILES } from '../ecosystems';

/** Folders never worth reading: dependencies (vendored ones too), build output, caches, editor and VCS state. */
export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'dist',
  'build',
  'target',
  'out',
  '.venv',
  'venv',
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  '.gradle',
  '.idea',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.angular',
  '.cache',
  '.parcel-cache',
  '.turbo',
  'coverage',
  '.nyc_output',
  '.terraform',
  '.serverless',
  '.aws-sam',
  'Pods',
  '.dart_tool',
  'obj',
  '.eggs',
  'site-packages',
  '.bundle',
  '.yarn',
  '.pnpm-store',
  '.vscode-test',
  '.vscode-test-web',
  'elm-stuff',
  '_build',
  'deps',
  '.elixir_ls',
  '.stack-work',
  // Folders a package ecosystem's tools write (SwiftPM's `.build` checkouts...), from its descriptor.
  ...GENERATED_FOLDERS,
];

/** Files that are generated, minified or locked: never evidence of what people wrote. */
export const DEFAULT_EXCLUDED_FILES: readonly string[] = [
  '**/*.min.js',
  '**/*.min.css',
  '**/*.map',
  '**/*.bundle.js',
  '**/*.chunk.js',
  '**/*.generated.*',
  '**/*.g.cs',
  '**/*.pb.go',
  '**/*_pb2.py',
  '**/*_pb2_grpc.py',
  '**/*.designer.cs',
  '**/*.snap',
  // Each package ecosystem's lock files (package-lock.json, Cargo.lock, go.sum...).
  ...LOCK_FILES.map((name) => `**/${name}`),
];

const DIR_SET = new Set(DEFAULT_EXCLUDED_DIRS);

export function isDefaultExcludedDir(name: string): boolean {
  return DIR_SET.has(name);
}

/**
 * Whether a folder named `name` is left out, given what its parent folder holds. Go writes no build
 * folder: in a Go module (a folder holding go.mod) `build/` is where the standard project layout
 * keeps packaging and CI configuration, read like any other folder (a .gitignore may still leave it out).
 */
export function isDefaultExcludedChild(name: string, parentHas: (entry: string) => boolean): boolean {
  return DIR_SET.has(name) && !(name === 'build' && parentHas('go.mod'));
}

/** The first folder of a relative path that is left out by default, as isDefaultExcludedChild says; -1 for none. */
export function defaultExcludedSegment(parts: readonly string[], parentHas: (parent: string, entry: string) => boolean): number {
  for (let i = 0; i < parts.length - 1; i++)
    if (isDefaultExcludedChild(parts[i], (entry) => parentHas(parts.slice(0, i).join('/'), entry))) return i;
  return -1;
}

/**
 * The caller's globs plus the built-in file globs, as one test on relative paths. Globs of the form
 * `**` + `/name` (all the built-in ones) are looked up by base name instead of tested one by one.
 */
export function userExcluder(globs: readonly string[]): (relPath: string) => boolean {
  const all = [...DEFAULT_EXCLUDED_FILES, ...globs.flatMap(expandDirGlob)];
  const byBase = new BaseNameBuckets<true>();
  for (const g of all.filter(isBaseNameGlob)) byBase.add(g.slice(3), true, globMatcher(g.slice(3)));
  const rest = anyGlob(all.filter((g) => !isBaseNameGlob(g)));
  return (relPath) => byBase.has(baseName(relPath)) || rest(relPath);
}

/** `foo/` or a bare folder glob also excludes everything beneath it. */
function expandDirGlob(glob: string): string[] {
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (g.endsWith('/')) return [g + '**'];
  if (g.endsWith('/**')) return [g];
  return [g, g + '/**'];
}

/**
 * The user's include globs: when any is given, only the files they match are listed. A glob naming a
 * folder (`services/api`, `services/api/`) includes everything beneath it, as an exclude glob does.
 */
export interface IncludeFilter {
  /** Is this file in? */
  file(relPath: string): boolean;
  /** May this folder hold a file that is in? A walk skips the folders that cannot. */
  folder(relPath: string): boolean;
}

/** Undefined when no glob is given (every file is in). */
export function includeFilter(globs: readonly string[]): IncludeFilter | undefined {
  const clean = globs.map((g) => g.trim()).filter((g) => g !== '');
  if (!clean.length) return undefined;
  const expanded = clean.flatMap(expandDirGlob);
  const file = anyGlob(expanded);
  // Each glob's leading plain segments, and whether a pattern follows them: a folder off every such
  // path cannot hold a match, and one beneath a path followed by a pattern may.
  const heads = expanded.map((g) => {
    const parts = g.split('/');
    const plain = parts.findIndex((p) => /[*?[\]{}()!+@\\]/.test(p));
    return { parts: plain < 0 ? parts : parts.slice(0, plain), open: plain >= 0 };
  });
  return {
    file,
    folder: (relPath) => {
      const dirs = relPath.split('/');
      return heads.some(({ parts, open }) => {
        const common = Math.min(dirs.length, parts.length);
        for (let i = 0; i < common; i++) if (dirs[i] !== parts[i]) return false;
        return dirs.length <= parts.length || open;
      });
    },
  };
}

/** One folder's .gitignore, applied to paths below that folder. */
export interface GitignoreLayer {
  /** Folder prefix with trailing slash ('' for the root). */
  prefix: string;
  text: string;
  rules: Ignore;
  /** Paths tested since `rules` was made: the library keeps every answer, so it is remade now and then. */
  tested: number;
  /**
   * False when no rule of the file can ignore this file by its own path (folder rules, negations,
   * rules whose last part is another name and rules anchored to another folder cannot): then only
   * its folders could, and a listing has already checked those. Given the path below the layer's
   * folder and the base name.
   */
  mayIgnoreFile: (sub: string, base: string) => boolean;
}

/** The ignore library remembers each path it was asked about; past this many a layer starts afresh. */
const PATHS_REMEMBERED = 10000;

export function parseGitignore(prefix: string, text: string): GitignoreLayer {
  return { prefix, text, rules: ignore({ allowRelativePaths: true }).add(text), tested: 0, mayIgnoreFile: fileTest(text) };
}

const always = () => true;

/**
 * What a .gitignore's file rules can match, as one test on base names for the rules without a
 * slash and one on the path below the file's folder for those anchored by a slash (`/build`,
 * `.idea/*`), ignoring case as the ignore library does. Any rule it cannot read simply (escapes,
 * classes, `**`) makes the test answer yes to every file.
 */
function fileTest(text: string): (sub: string, base: string) => boolean {
  const names: string[] = [];
  const anchored: string[] = [];
  const pattern = (glob: string) => glob.replace(/[.-]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/ +$/, '');
    if (!line || line.startsWith('#') || line.startsWith('!') || line.endsWith('/')) continue;
    if (!/^[\w.\- *?/]+$/.test(line) || line.includes('**')) return always;
    const body = line.startsWith('/') ? line.slice(1) : line;
    if (line.slice(0, -1).includes('/')) anchored.push(pattern(body));
    else names.push(pattern(body));
  }
  const name = names.length ? new RegExp(`^(?:${names.join('|')})$`, 'i') : undefined;
  const path = anchored.length ? new RegExp(`^(?:${anchored.join('|')})$`, 'i') : undefined;
  return (sub, base) => (name !== undefined && name.test(base)) || (path !== undefined && path.test(sub));
}

/**
 * `ignoredByLayers` for a file whose folders a listing has already found not ignored: a layer is
 * asked only when one of its rules could match the file's name.
 */
export function fileIgnoredByLayers(layers: readonly GitignoreLayer[], relPath: string, base: string): boolean {
  for (const layer of layers)
    if (
      relPath.startsWith(layer.prefix) &&
      layer.mayIgnoreFile(relPath.slice(layer.prefix.length), base) &&
      ignoredByLayer(layer, relPath, false)
    )
      return true;
  return false;
}

export function ignoredByLayers(layers: readonly GitignoreLayer[], relPath: string, isDir: boolean): boolean {
  for (const layer of layers) if (ignoredByLayer(layer, relPath, isDir)) return true;
  return false;
}

function ignoredByLayer(layer: GitignoreLayer, relPath: string, isDir: boolean): boolean {
  if (!relPath.startsWith(layer.prefix)) return false;
  const sub = relPath.slice(layer.prefix.length);
  if (!sub) return false;
  if (++layer.tested > PATHS_REMEMBERED) {
    layer.rules = ignore({ allowRelativePaths: true }).add(layer.text);
    layer.tested = 1;
  }
  try {
    return layer.rules.ignores(isDir ? sub + '/' : sub);
  } catch {
    return false; // a path the ignore library refuses is simply not ignored
  }
}
