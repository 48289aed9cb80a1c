/**
 * Deployable units: folders that are built and deployed on their own. A folder is one when it holds
 * a container build (a Dockerfile or Containerfile), a serverless template (Serverless Framework or
 * AWS SAM), or a package manifest beside an entry point (`main.go`, `manage.py`, `Program.cs`, a
 * `server.ts`, a Spring Boot `*Application.java`, a Swift `Sources/<target>/main.swift`...). A
 * library has a manifest and no entry point (an `index.js` is a library's as often as a server's), so
 * it is not a unit. Combining rules count units (see combine.ts); a unit is named by its folder.
 */
import { MANIFEST_GLOBS } from '../ecosystems';
import { baseName, baseNameMatcher } from '../glob';
import { BaseNameBuckets } from '../baseBuckets';
import { isFixturePath } from '../paths';

export type UnitSignal = 'container' | 'serverless' | 'manifest' | 'entry';

/** The rule id of a "deployed on its own" fact (combine.ts), seen only by `deployedUnit` selectors. */
export const UNIT_DEPLOYED = 'unit:deployed';

const CONTAINER = /^(?:dockerfile|containerfile)(?:\.[\w.-]+)?$|\.(?:dockerfile|containerfile)$/i;
const SERVERLESS = new Set(['serverless.yml', 'serverless.yaml', 'template.yaml', 'template.yml']);
/** Every package ecosystem's manifests (ecosystems/), by base name: `package.json`, `requirements*.txt`, `*.csproj`... */
const MANIFEST_NAMES = new BaseNameBuckets<true>();
for (const glob of MANIFEST_GLOBS) MANIFEST_NAMES.add(baseName(glob), true, baseNameMatcher(glob));
const ENTRY_NAMES = new Set([
  'main.go',
  'manage.py',
  'main.py',
  'app.py',
  'wsgi.py',
  'asgi.py',
  'server.py',
  'program.cs',
  'startup.cs',
  'server.js',
  'server.ts',
  'server.mjs',
  'main.js',
  'main.ts',
  'app.js',
  'app.ts',
  'main.rs',
  'config.ru',
  'artisan',
  'application.java',
  'application.kt',
  'main.java',
  'main.kt',
  // A Swift executable target's top-level code, or the `@main` type of Vapor's template.
  'main.swift',
  'entrypoint.swift',
]);
/**
 * Folders between a unit's root and its entry point: `src/`, `cmd/<name>/`, `app/`, a JVM source root's
 * package folders, a Swift package's `Sources/<target>/`.
 */
const ENTRY_FOLDER = /^(?:(?:src|app|lib|bin|cmd\/[^/]+|Sources\/[^/]+|src\/main\/(?:java|kotlin)(?:\/[^/]+)*)\/)?$/;
const JVM_ENTRY = /(?:Application|Main)\.(?:java|kt)$/;

/** Hidden folders (`.devcontainer`, `.github`) and fixture or example folders hold no deployable unit. */
export function outsideUnits(relPath: string): boolean {
  return relPath.startsWith('.') || relPath.includes('/.') || isFixturePath(relPath);
}

/** What a file's base name says about units, whatever folder it is in. */
function nameSignal(base: string): UnitSignal | undefined {
  const lower = base.toLowerCase();
  let signal: UnitSignal | undefined;
  // Sets first, regular expressions only for names that could match them: this runs on every path listed.
  if (MANIFEST_NAMES.has(base)) signal = 'manifest';
  else if (ENTRY_NAMES.has(lower) || ((lower.endsWith('.java') || lower.endsWith('.kt')) && JVM_ENTRY.test(base))) signal = 'entry';
  else if (SERVERLESS.has(lower)) signal = 'serverless';
  else if ((lower.includes('dockerfile') || lower.includes('containerfile')) && CONTAINER.test(base)) signal = 'container';
  return signal;
}

/** Whether a path can say something about units, and what. */
export function unitSignal(relPath: string): UnitSignal | undefined {
  const signal = nameSignal(relPath.slice(relPath.lastIndexOf('/') + 1));
  return signal === undefined || outsideUnits(relPath) ? undefined : signal;
}

function dirOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash < 0 ? '' : relPath.slice(0, slash);
}

/** The folder a unit marker names: `orders/Dockerfile` → `orders`; the workspace root is ''. */
export function unitFolderOf(relPath: string): string | undefined {
  const signal = unitSignal(relPath);
  return signal === 'container' || signal === 'serverless' ? dirOf(relPath) : undefined;
}

/** The deployable units of one workspace folder, kept up to date as paths come and go. */
export class UnitIndex {
  private readonly signals = new Map<string, UnitSignal>();
  /** Base names already seen, with what they say: every listed path is asked, and names repeat. */
  private readonly byName = new Map<string, UnitSignal | null>();
  private roots: Map<string, string> | undefined;
  /** The unit of each folder asked about since the roots last changed. */
  private readonly unitOfDir = new Map<string, string | null>();

  /** Notes a listed path (a no-op for most paths). */
  add(relPath: string): void {
    const base = relPath.slice(relPath.lastIndexOf('/') + 1);
    let named = this.byName.get(base);
    if (named === undefined) {
      named = nameSignal(base) ?? null;
      this.byName.set(base, named);
    }
    if (named === null || outsideUnits(relPath)) return;
    const signal = named;
    if (this.signals.get(relPath) === signal) return;
    this.signals.set(relPath, signal);
    this.roots = undefined;
    this.unitOfDir.clear();
  }

  /** Forgets a path, and every path under it when it was a folder. */
  remove(relPath: string): void {
    const prefix = relPath.endsWith('/') ? relPath : relPath + '/';
    for (const key of [...this.signals.keys()]) {
      if (key === relPath || key.startsWith(prefix)) {
        this.signals.delete(key);
        this.roots = undefined;
        this.unitOfDir.clear();
      }
    }
  }

  /** Unit folders, each with the file that makes it one (its Dockerfile, template or manifest). */
  unitRoots(): ReadonlyMap<string, string> {
    this.roots ??= this.computeRoots();
    return this.roots;
  }

  /** The innermost unit a file belongs to, or undefined outside every unit. */
  unitOf(relPath: string): string | undefined {
    const start = dirOf(relPath);
    const known = this.unitOfDir.get(start);
    if (known !== undefined) return known ?? undefined;
    const roots = this.unitRoots();
    let unit: string | null = null;
    for (let dir = start; ; dir = dirOf(dir)) {
      if (roots.has(dir)) {
        unit = dir;
        break;
      }
      if (dir === '') break;
    }
    this.unitOfDir.set(start, unit);
    return unit ?? undefined;
  }

  private computeRoots(): Map<string, string> {
    const roots = new Map<string, string>();
    const manifests = new Map<string, string>();
    const entries: string[] = [];
    for (const [path, signal] of this.signals) {
      if (signal === 'container' || signal === 'serverless') {
        if (!roots.has(dirOf(path))) roots.set(dirOf(path), path);
      } else if (signal === 'manifest') {
        if (!manifests.has(dirOf(path))) manifests.set(dirOf(path), path);
      } else entries.push(path);
    }
    for (const entry of entries) {
      const manifestDir = this.manifestAbove(dirOf(entry), manifests);
      if (manifestDir !== undefined && !roots.has(manifestDir)) roots.set(manifestDir, manifests.get(manifestDir)!);
    }
    return new Map([...roots.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  }

  /** The folder of the manifest an entry point belongs to, when the folders between them are an entry folder. */
  private manifestAbove(entryDir: string, manifests: ReadonlyMap<string, string>): string | undefined {
    for (let dir = entryDir; ; dir = dirOf(dir)) {
      if (manifests.has(dir)) {
        const between = dir === '' ? entryDir : entryDir.slice(dir.length + 1);
        return ENTRY_FOLDER.test(between === '' ? '' : between + '/') ? dir : undefined;
      }
      if (dir === '') return undefined;
    }
  }
}
