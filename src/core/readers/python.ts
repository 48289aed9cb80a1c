/**
 * Python: requirements files, `pyproject.toml` (PEP 621, PEP 735, Poetry, uv, PDM), `Pipfile`, `setup.cfg`,
 * `setup.py` and conda `environment.yml`. Names are kept as written; matching folds case and [-_.].
 */
import type { Reader } from '../types';
import { baseName } from '../glob';
import { Collector, MAX_FACTS, devLookingName, inVendorFolder, isRecord, makeReader } from './manifest';
import { blankComments } from './formats/comments';
import { TomlLocator, parseTomlText } from './formats/toml';
import { requirementName } from './formats/pep508';
import { LineIndex } from './text';

// ---------------------------------------------------------------------------
// Requirements files
// ---------------------------------------------------------------------------

/** True for requirements files (and pip-tools `.in` files); constraints files pin versions and are not read. */
function isRequirementsFile(relPath: string): boolean {
  const base = baseName(relPath).toLowerCase();
  if (!/\.(txt|in)$/.test(base) || base.startsWith('constraints')) return false;
  if (base.includes('requirements')) return true;
  const parts = relPath.toLowerCase().split('/');
  return parts.length >= 2 && parts[parts.length - 2] === 'requirements';
}

/** Dev when the file name (or its folder under `requirements/`, or a docs folder) says test, dev, lint, docs... */
function requirementsFileIsDev(relPath: string): boolean {
  const parts = relPath.split('/');
  const stem = parts[parts.length - 1].replace(/\.(txt|in)$/i, '');
  if (devLookingName(stem)) return true;
  return parts.slice(0, -1).some((folder) => /^(docs?|documentation|tests?)$/i.test(folder));
}

const OPTION_WITH_VALUE =
  /^(-r|--requirement|-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--no-binary|--only-binary|--prefer-binary|--pre|--hash|--config-settings|--global-option|--no-index|--use-feature)\b/;

function eggName(spec: string): string | undefined {
  const m = /#(?:.*&)?egg=([A-Za-z0-9][A-Za-z0-9._-]{0,200})/.exec(spec);
  return m ? m[1] : undefined;
}

function readRequirements(relPath: string, text: string, out: Collector): void {
  const dev = requirementsFileIsDev(relPath);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.facts.length < MAX_FACTS; i++) {
    const first = i;
    let line = lines[i].replace(/\r$/, '');
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i].replace(/\r$/, '');
    const hash = line.search(/(^|\s)#/);
    if (hash >= 0) line = line.slice(0, hash);
    line = line.trim();
    if (!line) continue;
    if (line.startsWith('-')) {
      const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(line);
      if (editable) {
        const egg = eggName(editable[1]);
        if (egg) out.add(egg, dev, first + 1);
      } else if (!OPTION_WITH_VALUE.test(line) && !/^--?[A-Za-z]/.test(line)) {
        out.skip(`not a requirement at line ${first + 1}`);
      }
      continue;
    }
    if (/^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+|file:|\.{0,2}\/)/i.test(line)) {
      const egg = eggName(line);
      if (egg) out.add(egg, dev, first + 1);
      continue;
    }
    const name = requirementName(line.split(/\s--?[a-z]/i, 1)[0]);
    if (name) out.add(name, dev, first + 1);
    else out.skip(`not a requirement at line ${first + 1}`);
  }
}

// ---------------------------------------------------------------------------
// pyproject.toml and Pipfile
// ---------------------------------------------------------------------------

function readRequirementArray(list: unknown, path: string[], dev: boolean, loc: TomlLocator, out: Collector): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const name = requirementName(item);
    if (name) out.add(name, dev, loc.arrayItemLine(path, name));
  }
}

function readRequirementTable(table: unknown, path: string[], dev: boolean, loc: TomlLocator, out: Collector): void {
  if (!isRecord(table)) return;
  for (const name of Object.keys(table)) {
    if (name.toLowerCase() === 'python' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) continue;
    out.add(name, dev, loc.keyLine(path, name));
  }
}

function readPyproject(text: string, out: Collector): void {
  const parsed = parseTomlText(text);
  if (!parsed.value) return out.skip(parsed.error ?? 'invalid TOML');
  const root = parsed.value;
  const loc = new TomlLocator(text);
  const project = root.project;
  if (isRecord(project)) {
    readRequirementArray(project.dependencies, ['project', 'dependencies'], false, loc, out);
    if (isRecord(project['optional-dependencies'])) {
      for (const [group, list] of Object.entries(project['optional-dependencies'])) {
        readRequirementArray(list, ['project', 'optional-dependencies', group], devLookingName(group), loc, out);
      }
    }
  }
  if (isRecord(root['dependency-groups'])) {
    for (const [group, list] of Object.entries(root['dependency-groups']))
      readRequirementArray(list, ['dependency-groups', group], true, loc, out);
  }
  const tool = isRecord(root.tool) ? root.tool : {};
  const poetry = tool.poetry;
  if (isRecord(poetry)) {
    readRequirementTable(poetry.dependencies, ['tool', 'poetry', 'dependencies'], false, loc, out);
    readRequirementTable(poetry['dev-dependencies'], ['tool', 'poetry', 'dev-dependencies'], true, loc, out);
    if (isRecord(poetry.group)) {
      for (const [group, body] of Object.entries(poetry.group)) {
        if (isRecord(body))
          readRequirementTable(body.dependencies, ['tool', 'poetry', 'group', group, 'dependencies'], group !== 'main', loc, out);
      }
    }
  }
  if (isRecord(tool.uv)) readRequirementArray(tool.uv['dev-dependencies'], ['tool', 'uv', 'dev-dependencies'], true, loc, out);
  if (isRecord(tool.pdm) && isRecord(tool.pdm['dev-dependencies'])) {
    for (const [group, list] of Object.entries(tool.pdm['dev-dependencies'])) {
      readRequirementArray(list, ['tool', 'pdm', 'dev-dependencies', group], true, loc, out);
    }
  }
}

function readPipfile(text: string, out: Collector): void {
  const parsed = parseTomlText(text);
  if (!parsed.value) return out.skip(parsed.error ?? 'invalid TOML');
  const loc = new TomlLocator(text);
  readRequirementTable(parsed.value.packages, ['packages'], false, loc, out);
  readRequirementTable(parsed.value['dev-packages'], ['dev-packages'], true, loc, out);
}

// ---------------------------------------------------------------------------
// setup.cfg and setup.py
// ---------------------------------------------------------------------------

function readSetupCfg(text: string, out: Collector): void {
  const lines = text.split('\n');
  let section = '';
  /** The key whose list the current indented lines continue, with its dev flag, or undefined. */
  let current: { dev: boolean } | undefined;
  const take = (value: string, dev: boolean, lineNo: number) => {
    const v = value.trim();
    if (!v || v.startsWith('#') || v.startsWith(';')) return;
    if (v.startsWith('file:') || v.startsWith('attr:')) return;
    const name = requirementName(v);
    if (name) out.add(name, dev, lineNo);
    else out.skip(`not a requirement at line ${lineNo}`);
  };
  for (let i = 0; i < lines.length && out.facts.length < MAX_FACTS; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (!raw.trim() || /^\s*[#;]/.test(raw)) continue;
    const header = /^\[([^\]]{1,200})\]\s*$/.exec(raw);
    if (header) {
      section = header[1].trim().toLowerCase();
      current = undefined;
      continue;
    }
    if (/^\s/.test(raw)) {
      if (current) take(raw, current.dev, i + 1);
      continue;
    }
    const kv = /^([A-Za-z0-9_.\- ]{1,200}?)\s*[=:]\s*(.*)$/.exec(raw.length > 10000 ? raw.slice(0, 10000) : raw);
    if (!kv) {
      current = undefined;
      out.skip(`not an INI line at line ${i + 1}`);
      continue;
    }
    const key = kv[1].trim().toLowerCase();
    current = undefined;
    if (section === 'options' && ['install_requires', 'tests_require', 'setup_requires'].includes(key)) {
      current = { dev: key !== 'install_requires' };
    } else if (section === 'options.extras_require') {
      current = { dev: devLookingName(key) };
    }
    if (current) take(kv[2], current.dev, i + 1);
  }
}

/** Offset just after the bracket closing the one at `open`, skipping strings; the limit if none. */
function closeBracket(text: string, open: number, limit: number): number {
  const o = text[open];
  const c = o === '[' ? ']' : o === '{' ? '}' : ')';
  let depth = 0;
  const end = Math.min(text.length, open + limit);
  for (let i = open; i < end; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const q = text.indexOf(ch, i + 1);
      if (q < 0) return end;
      i = q;
    } else if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i + 1;
  }
  return end;
}

const STRING_LITERAL = /[rRbBuU]?(["'])([^"'\n]{1,500})\1/g;

function readSetupPy(text: string, out: Collector): void {
  const clean = blankComments(text, { line: ['#'], quotes: `'"` });
  const index = new LineIndex(clean);
  const strings = (from: number, to: number, dev: boolean) => {
    STRING_LITERAL.lastIndex = 0;
    const body = clean.slice(from, to);
    for (const m of body.matchAll(STRING_LITERAL)) {
      const name = requirementName(m[2]);
      if (name) out.add(name, dev, index.lineAt(from + (m.index ?? 0)));
    }
  };
  const lists = /\b(install_requires|tests_require|setup_requires)\s*=\s*\[/g;
  let m: RegExpExecArray | null;
  while ((m = lists.exec(clean)) && out.facts.length < MAX_FACTS) {
    const open = m.index + m[0].length - 1;
    const close = closeBracket(clean, open, 200000);
    strings(open, close, m[1] !== 'install_requires');
    lists.lastIndex = close;
  }
  const extras = /\bextras_require\s*=\s*\{/g;
  while ((m = extras.exec(clean)) && out.facts.length < MAX_FACTS) {
    const open = m.index + m[0].length - 1;
    const close = closeBracket(clean, open, 200000);
    const body = clean.slice(open, close);
    const group = /(["'])([^"'\n]{1,200})\1\s*:\s*\[/g;
    let g: RegExpExecArray | null;
    while ((g = group.exec(body))) {
      const listOpen = open + g.index + g[0].length - 1;
      const listClose = closeBracket(clean, listOpen, 100000);
      strings(listOpen, listClose, devLookingName(g[2]));
      group.lastIndex = listClose - open;
    }
    extras.lastIndex = close;
  }
}

// ---------------------------------------------------------------------------
// conda environment.yml
// ---------------------------------------------------------------------------

const CONDA_SKIP = new Set(['python', 'pip']);

function readCondaEnvironment(text: string, out: Collector): void {
  const lines = text.split('\n');
  let inDeps = false;
  let pipIndent = -1;
  for (let i = 0; i < lines.length && out.facts.length < MAX_FACTS; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const line = raw.length > 4000 ? raw.slice(0, 4000) : raw;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (/^\S/.test(line) && !line.startsWith('-')) {
      inDeps = /^dependencies\s*:\s*(#.*)?$/.test(line);
      pipIndent = -1;
      continue;
    }
    if (!inDeps) continue;
    const item = /^(\s*)-\s+(.*)$/.exec(line);
    if (!item) continue;
    const indent = item[1].length;
    const value = item[2]
      .replace(/\s+#.*$/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    if (pipIndent >= 0 && indent <= pipIndent) pipIndent = -1;
    if (/^pip\s*:\s*$/.test(value)) {
      pipIndent = indent;
      continue;
    }
    if (pipIndent >= 0) {
      const name = requirementName(value);
      if (name) out.add(name, false, i + 1);
      continue;
    }
    const conda = /^(?:[A-Za-z0-9_.-]+::)?([A-Za-z0-9][A-Za-z0-9._-]{0,200})\s*(?:$|[=<>!~ [])/.exec(value);
    if (conda && !CONDA_SKIP.has(conda[1].toLowerCase())) out.add(conda[1], false, i + 1);
  }
}

// ---------------------------------------------------------------------------

type Kind = 'requirements' | 'pyproject' | 'pipfile' | 'setup.cfg' | 'setup.py' | 'conda';

function kindOf(relPath: string): Kind | undefined {
  const kind = kindByName(relPath);
  return kind && !inVendorFolder(relPath) ? kind : undefined;
}

/** Base names of Python manifests other than requirements files (`*.txt`, `*.in`). */
const PYTHON_MANIFESTS = new Set(['pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py', 'environment.yml', 'environment.yaml']);

function kindByName(relPath: string): Kind | undefined {
  const base = baseName(relPath);
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'Pipfile') return 'pipfile';
  if (base === 'setup.cfg') return 'setup.cfg';
  if (base === 'setup.py') return 'setup.py';
  if (base === 'environment.yml' || base === 'environment.yaml') return 'conda';
  return isRequirementsFile(relPath) ? 'requirements' : undefined;
}

export const pythonReader: Reader = makeReader(
  'pypi',
  { named: (b) => PYTHON_MANIFESTS.has(b) || /\.(txt|in)$/i.test(b), where: (p) => kindOf(p) !== undefined },
  (p, text) => {
    const out = new Collector('pypi');
    switch (kindOf(p)) {
      case 'requirements':
        readRequirements(p, text, out);
        break;
      case 'pyproject':
        readPyproject(text, out);
        break;
      case 'pipfile':
        readPipfile(text, out);
        break;
      case 'setup.cfg':
        readSetupCfg(text, out);
        break;
      case 'setup.py':
        readSetupPy(text, out);
        break;
      case 'conda':
        readCondaEnvironment(text, out);
        break;
      default:
        break;
    }
    return out.result();
  },
);
