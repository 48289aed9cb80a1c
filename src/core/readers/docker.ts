/** Dockerfiles and Containerfiles: the base images of FROM (and COPY --from) instructions. */
import type { Fact, ImageFact, Reader, ReadResult } from '../types';
import { isProse } from '../paths';
import { baseName } from '../glob';
import { looksBinary, stripBom } from './text';

const REPO_PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const VARIABLE = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * The repository of an image reference, without registry host, tag or digest, lower-case:
 * `docker.io/library/redis:7` → `redis`, `ghcr.io/org/app:1` → `org/app`, `localhost:5000/x` → `x`.
 * `${VAR:-default}` takes its default; a variable standing for the registry is dropped; anything else
 * still templated gives undefined.
 */
export function imageName(ref: string): string | undefined {
  let s = ref.trim();
  if (s.length === 0 || s.length > 1024) return undefined;
  if ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) s = s.slice(1, -1).trim();
  s = s.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^${}]*)\}/g, '$1');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const parts = s.split('/');
  const last = parts[parts.length - 1];
  const colon = last.indexOf(':');
  if (colon >= 0) parts[parts.length - 1] = last.slice(0, colon);
  if (parts.length > 1) {
    const first = parts[0].toLowerCase();
    if (first.includes('.') || first.includes(':') || first === 'localhost' || VARIABLE.test(parts[0])) parts.shift();
  }
  if (parts.length === 2 && parts[0].toLowerCase() === 'library') parts.shift();
  const name = parts.join('/').toLowerCase();
  return REPO_PATH.test(name) ? name : undefined;
}

const DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/;
/** Extensions that make a `Dockerfile.*` name something else (source, data, docs). */
const NOT_A_DOCKERFILE = /\.(?:json|ya?ml|toml|go|ts|js|mjs|cjs|py|rb|java|rs|sh|ps1|bat|cmd|lock|sum|png|svg|jpg|gif|zip|gz)$/;

/** Dockerfile `$VAR`, `${VAR}`, `${VAR:-word}` and `${VAR:+word}` with the ARG defaults known so far. */
function substitute(s: string, args: Map<string, string>): string {
  if (s.length > MAX_INSTRUCTION) return s;
  return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, word, bare) => {
    const name = (braced ?? bare) as string;
    const value = args.get(name);
    if (op === undefined) return value ?? whole;
    const set = op.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
    if (op.endsWith('-')) return set ? value! : (word as string);
    return set ? (word as string) : '';
  });
}

/** Splits `A=1 B="two"` (ARG) into name/default pairs; names without `=` have no default. */
function argPairs(rest: string): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    let v = m[2];
    if (v !== undefined && v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0])) v = v.slice(1, -1);
    out.push([m[1], v]);
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return out;
}

/** Longest instruction text kept: enough for any FROM or COPY, bounded for minified junk. */
const MAX_INSTRUCTION = 16_384;

interface Instruction {
  keyword: string;
  rest: string;
  line: number;
}

/** Logical instructions: continuations joined, comments and heredoc bodies dropped. */
function instructions(text: string): Instruction[] {
  const lines = text.split('\n');
  let escape = '\\';
  for (const l of lines.slice(0, 20)) {
    const directive = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(l.trim());
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i].replace(/\r$/, '');
    const trimmed = first.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const startLine = i + 1;
    const parts: string[] = [];
    let size = 0;
    let current = first;
    i++;
    for (;;) {
      const end = current.trimEnd();
      const continues = end.endsWith(escape) && i < lines.length;
      const piece = continues ? end.slice(0, -1) : current;
      if (size < MAX_INSTRUCTION) {
        parts.push(piece);
        size += piece.length;
      }
      if (!continues) break;
      // Comment and blank lines inside a continued instruction are dropped.
      while (i < lines.length && /^\s*(?:#|$)/.test(lines[i])) i++;
      if (i >= lines.length) break;
      current = lines[i].replace(/\r$/, '');
      i++;
    }
    const body = parts.join(' ').slice(0, MAX_INSTRUCTION);
    const m = /^\s*([A-Za-z]+)(?:\s+([^]*))?$/.exec(body);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const rest = (m[2] ?? '').trim();
    out.push({ keyword, rest, line: startLine });
    // Heredocs (`RUN <<EOF ... EOF`): their bodies are not instructions.
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      const re = /(?<!<)<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      for (let h = re.exec(rest); h; h = re.exec(rest)) {
        const end = h[3];
        while (i < lines.length && lines[i].replace(/\r$/, '').trim() !== end) i++;
        i++;
      }
    }
  }
  return out;
}

function readDockerfile(text: string): ReadResult {
  if (looksBinary(text)) return { facts: [], skipped: 'binary content (NUL bytes), not a Dockerfile' };
  const facts: Fact[] = [];
  const args = new Map<string, string>();
  const stages = new Set<string>();
  let seenFrom = false;
  let builds = false;
  const push = (ref: string, line: number): void => {
    const resolved = substitute(ref, args);
    if (stages.has(resolved.toLowerCase()) || resolved.toLowerCase() === 'scratch' || /^\d+$/.test(resolved)) return;
    const name = imageName(resolved);
    if (name && name !== 'scratch') facts.push({ type: 'image', name, line } satisfies ImageFact);
  };
  for (const ins of instructions(stripBom(text))) {
    if (ins.keyword === 'ARG' && !seenFrom) {
      for (const [k, v] of argPairs(ins.rest)) {
        const value = v === undefined ? undefined : substitute(v, args);
        // A default that grows by self-reference is not an image name worth keeping.
        if (value === undefined) continue;
        if (value.length <= 512) args.set(k, value);
        else args.delete(k);
      }
    } else if (ins.keyword === 'FROM') {
      seenFrom = true;
      const words = ins.rest.split(/\s+/).filter((w) => w.length > 0);
      const ref = words.find((w) => !w.startsWith('--'));
      if (!ref) continue;
      push(ref, ins.line);
      const asAt = words.findIndex((w, k) => k > words.indexOf(ref) && w.toLowerCase() === 'as');
      if (asAt >= 0 && words[asAt + 1]) stages.add(words[asAt + 1].toLowerCase());
    } else if (ins.keyword === 'COPY') {
      builds = true;
      const from = /(?:^|\s)--from=(\S+)/.exec(ins.rest);
      if (from) push(from[1].replace(/^["']|["']$/g, ''), ins.line);
    } else if (ins.keyword !== 'ARG') {
      builds = true;
    }
  }
  // A Dockerfile of nothing but FROM builds no image: it names one so that an update bot tracks
  // its version (a library pinning the image it drives or tests against), and proves no use of it.
  return { facts: builds ? facts : [] };
}

export const dockerfileReader: Reader = {
  name: 'dockerfile',
  claims(baseName: string): boolean {
    const base = baseName.toLowerCase();
    return DOCKERFILE_NAME.test(base) && !NOT_A_DOCKERFILE.test(base);
  },
  matches(relPath: string): boolean {
    return dockerfileReader.claims!(baseName(relPath)) && !isProse(relPath);
  },
  read(_relPath: string, text: string): ReadResult {
    try {
      return readDockerfile(text);
    } catch (err) {
      return { facts: [], skipped: `Dockerfile not read: ${(err as Error)?.message ?? String(err)}` };
    }
  },
};
