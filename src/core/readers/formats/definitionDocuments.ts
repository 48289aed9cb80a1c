/**
 * CustomResourceDefinition documents, named without being parsed. A definition's body is an OpenAPI
 * schema, often hundreds of kilobytes (an operator's bundle holds several), and nothing in it is a
 * fact: it describes objects, it deploys nothing and names no image. Parsing those schemas was most of
 * the time spent on some Kubernetes repositories. Such a document gives its `kind` fact from its two
 * top-level lines, and its lines are blanked (kept as empty lines, so every other document keeps its
 * line numbers) before the rest of the file is parsed.
 *
 * Only plain documents are set aside: one top-level `kind: CustomResourceDefinition` line and one
 * top-level `apiVersion:` line of the simple form, between `---` markers with nothing else on them,
 * in a file with no directives (`%`) or document ends (`...`). Anything else is parsed as before.
 */
import type { KindFact } from '../../types';

const DEFINITION_KIND = 'CustomResourceDefinition';
const MARKER = /^---[ \t]*(?:#.*)?$/;
const TOP_KIND = /^kind:[ \t]*(["']?)([A-Za-z][A-Za-z0-9]{0,99})\1[ \t]*(?:#.*)?$/;
const TOP_API = /^apiVersion:[ \t]*(["']?)([A-Za-z0-9][A-Za-z0-9.\-/]{0,199})\1[ \t]*(?:#.*)?$/;

export interface SetAsideDefinitions {
  /** The text with the definitions' lines blanked. */
  text: string;
  /** Each definition's kind fact and the 1-based line its document starts on, in file order. */
  definitions: { fact: KindFact; startLine: number }[];
}

/** The text with its plain definition documents blanked, or undefined when it has none. */
export function setAsideDefinitions(text: string): SetAsideDefinitions | undefined {
  if (!text.includes(DEFINITION_KIND)) return undefined;
  const lines = text.split('\n');
  const definitions: SetAsideDefinitions['definitions'] = [];
  const blank: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = i < lines.length ? lines[i].replace(/\r$/, '') : undefined;
    if (line !== undefined) {
      if (line.startsWith('%') || /^\.\.\.(?:[ \t]|$)/.test(line)) return undefined;
      if (line.startsWith('---') && !MARKER.test(line)) return undefined;
      if (!MARKER.test(line)) continue;
    }
    // A document ends here: lines [start, i), after the marker that opened it (if any).
    const definition = plainDefinition(lines, start, i);
    if (definition) {
      definitions.push(definition);
      blank.push([start, i]);
    }
    start = i + 1;
  }
  if (!definitions.length) return undefined;
  for (const [from, to] of blank) for (let i = from; i < to; i++) lines[i] = '';
  return { text: lines.join('\n'), definitions };
}

/** The kind fact of lines [from, to) when they are one plain definition document. */
function plainDefinition(lines: readonly string[], from: number, to: number): { fact: KindFact; startLine: number } | undefined {
  let kind: { name: string; line: number } | undefined;
  let apiVersion: string | undefined;
  let first = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i].replace(/\r$/, '');
    const c = line.charCodeAt(0);
    // Blank, indented or comment lines belong to the body (or to nothing).
    if (line.length === 0 || c === 32 || c === 9 || c === 35) continue;
    if (first < 0) first = i;
    if (line.startsWith('kind:')) {
      const m = TOP_KIND.exec(line);
      if (!m || kind) return undefined;
      kind = { name: m[2], line: i + 1 };
    } else if (line.startsWith('apiVersion:')) {
      const m = TOP_API.exec(line);
      if (!m || apiVersion !== undefined) return undefined;
      apiVersion = m[2];
    } else if (!/^[A-Za-z_][\w-]*:(?:[ \t]|$)/.test(line)) {
      // Not a plain top-level key (a flow mapping, an anchor, a tag, a list, a quoted key): parsed as before.
      return undefined;
    }
  }
  if (!kind || kind.name !== DEFINITION_KIND || apiVersion === undefined) return undefined;
  return { fact: { type: 'kind', apiVersion, kind: kind.name, line: kind.line }, startLine: first + 1 };
}
