/** Go `go.mod`: the modules in `require`, without those marked `// indirect`. */
import type { Reader } from '../types';
import { Collector, makeReader } from './manifest';

const MODULE_AND_VERSION = /^"?([A-Za-z0-9][A-Za-z0-9._~+\-/]{0,300})"?\s+(v\S{1,200})$/;
const DIRECTIVE = /^(module|go|toolchain|require|replace|exclude|retract|tool|godebug|ignore)\b\s*(.*)$/;

export const goReader: Reader = makeReader('go', { named: (b) => b === 'go.mod', where: (p) => !/(^|\/)vendor\//.test(p) }, (_p, text) => {
  const out = new Collector('go');
  const lines = text.split('\n');
  let block: string | undefined;
  let blockLine = 0;
  const bad = (i: number, what: string) => out.skip(`not a go.mod ${what} at line ${i + 1}`);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].length > 4000 ? lines[i].slice(0, 4000) : lines[i];
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const cut = raw.indexOf('//');
    const line = (cut >= 0 ? raw.slice(0, cut) : raw).trim();
    if (!line) continue;
    if (block !== undefined) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      if (block !== 'require') continue;
      const m = MODULE_AND_VERSION.exec(line);
      if (!m) {
        bad(i, 'requirement');
        continue;
      }
      if (!indirect) out.add(m[1], false, i + 1);
      continue;
    }
    const d = DIRECTIVE.exec(line);
    if (!d) {
      bad(i, 'directive');
      continue;
    }
    const rest = d[2].trim();
    if (rest === '(') {
      block = d[1];
      blockLine = i + 1;
      continue;
    }
    if (d[1] !== 'require') continue;
    const m = MODULE_AND_VERSION.exec(rest);
    if (!m) bad(i, 'requirement');
    else if (!indirect) out.add(m[1], false, i + 1);
  }
  if (block !== undefined) out.skip(`unterminated ${block} block opened at line ${blockLine}`);
  return out.result();
});
