/**
 * Deployable units: folders that are built and deployed on their own. A folder is one when it holds
 * a container build (a Dockerfile or Containerfile), a serverless template (Serverless Framework or
 * AWS SAM), or a package manifest beside an entry point (`main.go`, `manage.py`, `Program.cs`, a
 * `server.ts`, a Spring Boot `*Application.java`...). A library has a manifest and no entry point
 * (an `index.js` is a library's as often as a server's), so it is not a unit. Combining rules
 * count units (see combine.ts); a unit is named by its folder.
 */
import { isFixturePath } from '../paths';

export type UnitSignal = 'container' | 'serverless' | 'manifest' | 'entry';

const CONTAINER = /^(?:dockerfile|containerfile)(?:\.[\w.-]+)?$|\.(?:dockerfile|containerfile)$/i;
const SERVERLESS = new Set(['serverless.yml', 'serverless.yaml', 'template.yaml', 'template.yml']);
const MANIFESTS = new Set([
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'setup.py',
  'pipfile',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'go.mod',
  'gemfile',
  'composer.json',
  'cargo.toml',
  'mix.exs',
]);
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
]);
/** Folders between a unit's root and its entry point: `src/`, `cmd/<name>/`, `app/`, a JVM source root's package folders. */
const ENTRY_FOLDER = /^(?:(?:src|app|lib|bin|cmd\/[^/]+|src\/main\/(?:java|kotlin)(?:\/[^/]+)*)\/)?$/;
const JVM_ENTRY = /(?:Application|Main)\.(?:java|kt)$/;

/** Hidden folders (`.devcontainer`, `.github`) and fixture or example folders hold no deployable unit. */
function outsideUnits(relPath: string): boolean {
  return relPath.startsWith('.') || relPath.includes('/.') || isFixturePath(relPath);
}

/** Whether a path can say something about units, and what: cheap enough to ask of every listed path. */
export function unitSignal(relPath: string): UnitSignal | undefined {
  const slash = relPath.lastIndexOf('/');
  const base = relPath.slice(slash + 1);
  const lower = base.toLowerCase();
  let signal: UnitSignal | undefined;
  if (MANIFESTS.has(lower) || lower.endsWith('.csproj')) signal = 'manifest';
  else if (ENTRY_NAMES.has(lower) || JVM_ENTRY.test(base)) signal = 'entry';
  else if (SERVERLESS.has(lower)) signal = 'serverless';
  else if (CONTAINER.test(base)) signal = 'container';
  if (signal === undefined || outsideUnits(relPath)) return undefined;
  return signal;
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
  private roots: Map<string, string> | undefined;

  /** Notes a listed path (a no-op for most paths). */
  add(relPath: string): void {
    const signal = unitSignal(relPath);
    if (signal === undefined || this.signals.get(relPath) === signal) return;
    this.signals.set(relPath, signal);
    this.roots = undefined;
  }

  /** Forgets a path, and every path under it when it was a folder. */
  remove(relPath: string): void {
    const prefix = relPath.endsWith('/') ? relPath : relPath + '/';
    for (const key of [...this.signals.keys()]) {
      if (key === relPath || key.startsWith(prefix)) {
        this.signals.delete(key);
        this.roots = undefined;
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
    const roots = this.unitRoots();
    for (let dir = dirOf(relPath); ; dir = dirOf(dir)) {
      if (roots.has(dir)) return dir;
      if (dir === '') return undefined;
    }
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
