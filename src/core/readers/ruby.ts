/** RubyGems: `Gemfile` / `gems.rb` (`gem` lines, groups) and `*.gemspec` (`add_*dependency`). */
import type { Reader } from '../types';
import { baseName } from '../glob';
import { Collector, devLookingName, inVendorFolder, makeReader } from './manifest';
import { blankComments } from './formats/comments';
import { LineIndex } from './text';

const RUBY_COMMENTS = { line: ['#'], quotes: `'"` };
const GEM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const NOT_GROUP_NAMES = new Set(['optional', 'true', 'false', 'require', 'platforms', 'platform', 'do', 'group', 'groups']);

/** Group names in a `group ... do` header or a `group:` option: symbols, strings and %i[] words. */
function groupNames(args: string): string[] {
  const names: string[] = [];
  const re = /:?["']?([A-Za-z_][A-Za-z0-9_]{0,100})["']?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(args)) && names.length < 50) {
    if (!NOT_GROUP_NAMES.has(m[1]) && !/^%?[iw]$/.test(m[1])) names.push(m[1]);
  }
  return names;
}

/** A gem is dev-only when every group it belongs to is a development one. */
const devGroups = (names: string[]) => names.length > 0 && names.every((n) => devLookingName(n));

const BLOCK_START = /^\s*(if|unless|case|while|until|begin|def|class|module)\b/;
const ENDS_WITH_DO = /\bdo\s*(\|[^|]{0,200}\|)?\s*$/;
const GROUP_OPTION = /(?:\bgroups?\s*:|:groups?\s*=>)\s*(\[[^\]]{0,500}\]|%[iw][[(][^\])]{0,500}[\])]|:\w+|["']\w+["'])/;

function readGemfile(text: string, out: Collector): void {
  const lines = blankComments(text, RUBY_COMMENTS).split('\n');
  const stack: { dev: boolean; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].length > 4000 ? lines[i].slice(0, 4000) : lines[i];
    if (!line.trim()) continue;
    const inDevGroup = stack.some((b) => b.dev);
    const gem = /^\s*gem\s*\(?\s*(["'])([^"']{1,200})\1(.*)$/.exec(line);
    if (gem) {
      if (GEM_NAME.test(gem[2])) {
        const opt = GROUP_OPTION.exec(gem[3]);
        out.add(gem[2], inDevGroup || (opt ? devGroups(groupNames(opt[1])) : false), i + 1);
      }
      if (!ENDS_WITH_DO.test(line)) continue;
    }
    const group = /^\s*group\s*\(?(.*?)\)?\s*do\b/.exec(line);
    if (group) {
      stack.push({ dev: devGroups(groupNames(group[1])), line: i + 1 });
      continue;
    }
    if (/^\s*end\b/.test(line)) {
      if (!stack.pop()) out.skip(`unbalanced 'end' at line ${i + 1}`);
      continue;
    }
    if (ENDS_WITH_DO.test(line) || (BLOCK_START.test(line) && !/\bend\s*$/.test(line))) stack.push({ dev: false, line: i + 1 });
  }
  if (stack.length) out.skip(`block opened at line ${stack[stack.length - 1].line} is never closed`);
}

function readGemspec(text: string, out: Collector): void {
  const clean = blankComments(text, RUBY_COMMENTS);
  const index = new LineIndex(clean);
  const re = /\.add_(development_|runtime_)?dependency\s*\(?\s*(?:(["'])([^"'\n]{1,200})\2|%q[<{([]([^>})\]\n]{1,200})[>})\]])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) {
    const name = (m[3] ?? m[4] ?? '').trim();
    if (GEM_NAME.test(name)) out.add(name, m[1] === 'development_', index.lineAt(m.index));
  }
}

export const rubyReader: Reader = makeReader(
  'rubygems',
  {
    named: (b) => b === 'Gemfile' || b === 'gems.rb' || (b.endsWith('.gemspec') && b.length > 8),
    where: (p) => !inVendorFolder(p) && !/(^|\/)vendor\//.test(p),
  },
  (p, text) => {
    const out = new Collector('rubygems');
    if (baseName(p).endsWith('.gemspec')) readGemspec(text, out);
    else readGemfile(text, out);
    return out.result();
  },
);
