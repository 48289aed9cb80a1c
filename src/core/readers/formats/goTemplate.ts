/**
 * Go templates (Helm chart templates) read as what they would render, without running a template
 * engine. `maskGoTemplate` blanks the lines that hold only actions (`{{- if ... }}`, `{{- end }}`,
 * `{{- include "x.labels" . | nindent 4 }}`, `{{- toYaml .Values.resources | nindent 12 }}`): they
 * render to control flow or to YAML no reader can know; it replaces each action inside a line by a
 * plain word that any YAML scalar may hold, and blanks comments. Both branches of an `if` are kept,
 * and a `range` body is read once. The line count is kept, so lines found in the masked text hold
 * for the template.
 *
 * `unmask` turns the words back into a canonical form of their action: `{{.Values.image.repository}}`
 * for a chart value (through `quote`, `squote`, `toString`, `trim` and a literal
 * `default`, which is kept as `{{.Values.x|default "y"}}`), `{{?}}` for anything else. Combining
 * resolves the values against the chart's `values.yaml` (`resolveValues`), once every file is read.
 *
 * Bounds: an action that does not close within 20 lines or 4,000 characters is an unbalanced `{{`,
 * and the rest of its line is masked; a comment that never closes masks the rest of the file. Every
 * character is looked at a bounded number of times, so a hostile template costs linear time.
 */

/** An action longer than this, or over more lines, is taken as an unbalanced `{{`. */
const MAX_ACTION = 4000;
const MAX_ACTION_LINES = 20;
/** The word that stands for action `n` in masked text. */
const TOKEN = /_tpl(\d+)_/g;
const token = (n: number) => `_tpl${n}_`;

/** An action's canonical form when it is not a chart value. */
export const UNKNOWN = '{{?}}';

export interface MaskedTemplate {
  /** The template with its actions masked, line for line. */
  text: string;
  /** Whether any action was found. */
  templated: boolean;
  /** A string of the masked text with each action's word turned back into its canonical form. */
  unmask(s: string): string;
}

/** Where an action that opens at `from` (just after `{{`) closes: the index of its `}}`, or -1. */
function closeOf(text: string, from: number): number {
  let lines = 0;
  const end = Math.min(text.length, from + MAX_ACTION);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7d /* } */ && text.charCodeAt(i + 1) === 0x7d) return i;
    if (c === 0x0a && ++lines > MAX_ACTION_LINES) return -1;
    if (c === 0x22 /* " */ || c === 0x60 /* ` */ || c === 0x27 /* ' */) {
      // A string or a character constant: a `}}` inside it does not close the action.
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 0x0a) j += c !== 0x60 && text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j >= end || text.charCodeAt(j) !== c) return -1;
      i = j;
    }
  }
  return -1;
}

const IDENT_PATH = /^\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;
const STRING = /^"((?:[^"\\]|\\.)*)"$|^`([^`]*)`$/;
const SAME = new Set(['quote', 'squote', 'toString', 'trim']);

function literal(word: string): string | undefined {
  const m = STRING.exec(word);
  if (!m) return undefined;
  return m[2] ?? m[1].replace(/\\(.)/g, '$1');
}

/** Splits an action's pipeline on `|` and its commands on spaces, outside strings. Undefined when a string does not close. */
function commands(action: string): string[][] | undefined {
  const out: string[][] = [[]];
  let word = '';
  for (let i = 0; i < action.length; i++) {
    const c = action[i];
    if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < action.length && action[j] !== c) j += c === '"' && action[j] === '\\' ? 2 : 1;
      if (j >= action.length) return undefined;
      word += action.slice(i, j + 1);
      i = j;
    } else if (c === '|' || c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (word) out[out.length - 1].push(word);
      word = '';
      if (c === '|') out.push([]);
    } else word += c;
  }
  if (word) out[out.length - 1].push(word);
  return out;
}

/**
 * The canonical form of an action's text (between `{{` and `}}`): '' for a comment, which renders
 * nothing, and for a block indented on lines of its own (`| nindent 4`); `{{.Values.a.b}}` or `{{.Values.a.b|default "x"}}` for a chart value; the literal itself
 * quoted as a value for a literal string; `{{?}}` otherwise.
 */
export function canonicalAction(raw: string): string {
  const action = raw.replace(/^-\s*/, '').replace(/\s*-$/, '').trim();
  if (action.startsWith('/*')) return '';
  const pipeline = commands(action);
  if (!pipeline || pipeline.some((c) => !c.length)) return UNKNOWN;
  // `labels: {{- include "x.labels" . | nindent 4 }}` renders a block on lines of its own, after its key.
  if (pipeline[pipeline.length - 1][0] === 'nindent') return '';
  const [head, ...rest] = pipeline;
  let first = head;
  let fallback: string | undefined;
  if (first[0] === 'default' && first.length === 3) {
    fallback = literal(first[1]);
    if (fallback === undefined) return UNKNOWN;
    first = [first[2]];
  }
  if (first.length !== 1) return UNKNOWN;
  const path = IDENT_PATH.exec(first[0]);
  if (!path) {
    const lit = literal(first[0]);
    return lit !== undefined && !rest.length && !/[{}]/.test(lit) ? lit : UNKNOWN;
  }
  for (const cmd of rest) {
    if (cmd.length === 1 && SAME.has(cmd[0])) continue;
    if (cmd.length === 2 && cmd[0] === 'default' && fallback === undefined && (fallback = literal(cmd[1])) !== undefined) continue;
    return UNKNOWN;
  }
  if (fallback !== undefined && /[{}"\\]/.test(fallback)) return UNKNOWN;
  return `{{.Values${path[1]}${fallback !== undefined ? `|default "${fallback}"` : ''}}}`;
}

/** Masks a Go template's actions (see the module's comment). Never throws; linear in the text's length. */
export function maskGoTemplate(text: string): MaskedTemplate {
  if (!text.includes('{{')) return { text, templated: false, unmask: (s) => s };
  const forms: string[] = [];
  const lines: string[] = [];
  let line = '';
  let tags = 0;
  let owed = 0;
  const endLine = () => {
    // A line of actions only renders control flow or text no reader can know: it is left blank.
    lines.push(tags && !line.replace(TOKEN, '').trim() ? '' : line);
    for (; owed > 0; owed--) lines.push('');
    line = '';
    tags = 0;
  };
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const open = text.indexOf('{{', pos);
    if (open < 0 || (nl >= 0 && nl < open)) {
      line += text.slice(pos, nl < 0 ? text.length : nl);
      if (nl < 0) break;
      endLine();
      pos = nl + 1;
      continue;
    }
    line += text.slice(pos, open);
    tags++;
    const comment = /^\{\{-?\s*\/\*/.test(text.slice(open, open + 8));
    const commentEnd = comment ? text.indexOf('*/', open + 2) : -1;
    const close = comment ? (commentEnd < 0 ? -1 : text.indexOf('}}', commentEnd)) : closeOf(text, open + 2);
    if (close < 0) {
      if (comment) {
        // A comment that never closes: nothing after it renders, and its lines are left blank.
        for (let i = text.indexOf('\n', open); i >= 0; i = text.indexOf('\n', i + 1)) owed++;
        break;
      }
      // An unbalanced `{{`: the rest of its line is masked.
      pos = nl < 0 ? text.length : nl;
      continue;
    }
    const inner = text.slice(open + 2, close);
    for (let i = inner.indexOf('\n'); i >= 0; i = inner.indexOf('\n', i + 1)) owed++;
    const form = comment ? '' : canonicalAction(inner);
    if (form) {
      forms.push(form);
      line += token(forms.length - 1);
    }
    pos = close + 2;
  }
  endLine();
  return {
    text: lines.join('\n'),
    templated: true,
    unmask: (s) => (s.includes('_tpl') ? s.replace(TOKEN, (w, n: string) => forms[Number(n)] ?? w) : s),
  };
}

const VALUE_REF = /\{\{\.Values\.([A-Za-z0-9_.]+)(?:\|default "([^"]*)")?\}\}/g;

/**
 * A canonical template string with its chart values filled in, or undefined when any action stays
 * unknown. An empty or absent value takes the literal `default`, as Helm's `default` does.
 */
export function resolveValues(s: string, values: ReadonlyMap<string, string> | undefined): string | undefined {
  if (!s.includes('{{')) return s;
  const out = s.replace(VALUE_REF, (whole, path: string, fallback: string | undefined) => {
    const v = values?.get(path);
    return v || fallback === undefined ? (v ?? whole) : fallback;
  });
  return out.includes('{{') ? undefined : out;
}

/** Whether every action of a canonical template string is a chart value, so that combining may resolve it. */
export function onlyValues(s: string): boolean {
  return !s.replace(VALUE_REF, '').includes('{{');
}
