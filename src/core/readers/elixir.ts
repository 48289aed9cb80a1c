/** Hex `mix.exs`: the `{:name, ...}` tuples of the project's deps, with `only: :test`/`:dev` flagged dev. */
import type { Reader } from '../types';
import { Collector, MAX_FACTS, makeReader } from './manifest';
import { blankComments } from './formats/comments';
import { LineIndex } from './text';

const DEV_ENVS = new Set(['dev', 'test', 'docs', 'bench', 'ci', 'lint']);

/** Offsets of the text that lists dependencies: the body of `def(p) deps`, else a `deps: [...]` keyword list. */
function depsRegions(clean: string): [number, number][] {
  const regions: [number, number][] = [];
  const def = /\bdefp?\s+deps\b/g;
  let m: RegExpExecArray | null;
  while ((m = def.exec(clean)) && regions.length < 20) {
    const next = /\n\s*(?:defp?|defmacrop?)\s/g;
    next.lastIndex = m.index + m[0].length;
    const n = next.exec(clean);
    regions.push([m.index, n ? n.index : clean.length]);
  }
  if (regions.length) return regions;
  const kw = /\bdeps:\s*\[/g;
  while ((m = kw.exec(clean)) && regions.length < 20) regions.push([m.index, closing(clean, m.index + m[0].length - 1, '[', ']', 200000)]);
  return regions;
}

/** Offset just after the bracket that closes the one at `open`, or the search limit. */
function closing(text: string, open: number, o: string, c: string, max: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + max);
  for (let i = open; i < end; i++) {
    const ch = text[i];
    if (ch === '"') {
      const q = text.indexOf('"', i + 1);
      if (q < 0) return end;
      i = q;
    } else if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i + 1;
  }
  return end;
}

export const elixirReader: Reader = makeReader(
  'hex',
  { named: (b) => b === 'mix.exs', where: (p) => !/(^|\/)deps\//.test(p) },
  (_p, text) => {
    const out = new Collector('hex');
    const clean = blankComments(text, { line: ['#'], quotes: '"' });
    const index = new LineIndex(clean);
    for (const [start, stop] of depsRegions(clean)) {
      const region = clean.slice(start, stop);
      const tuple = /\{\s*:([a-z_][A-Za-z0-9_]{0,100})\s*,/g;
      let m: RegExpExecArray | null;
      let unclosed = 0;
      while ((m = tuple.exec(region)) && out.facts.length < MAX_FACTS && unclosed < 20) {
        const end = closing(region, m.index, '{', '}', 2000);
        const body = region.slice(m.index, end);
        if (!body.endsWith('}')) {
          out.skip(`unclosed dependency tuple at line ${index.lineAt(start + m.index)}`);
          unclosed++;
          continue;
        }
        const only = /\bonly:\s*(\[[^\]]{0,300}\]|:\w+)/.exec(body);
        const envs = only ? [...only[1].matchAll(/:(\w+)/g)].map((x) => x[1]) : [];
        const dev = envs.length > 0 && envs.every((e) => DEV_ENVS.has(e));
        out.add(m[1], dev, index.lineAt(start + m.index));
        tuple.lastIndex = end;
      }
    }
    return out.result();
  },
);
