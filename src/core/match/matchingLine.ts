/**
 * Where a content rule's pattern matches in a file: the first line that counts (not a comment, not a
 * data blob or a search pattern kept as data) and matches on its own.
 */
import { MAX_CODE_LINE } from '../limits';
import { YAML_TEMPLATE_SUFFIXES } from '../paths';

/** Length of the longest line, without splitting the text. */
export function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    if (nl - start > longest) longest = nl - start;
    start = nl + 1;
  }
  return Math.max(longest, text.length - start);
}

/** YAML and JSON (a YAML template too): data files, where a line holding an escaped newline is a text blob, not configuration. */
export const DATA_FILE = new RegExp(`\\.(ya?ml|json)(?:\\.(?:${YAML_TEMPLATE_SUFFIXES.join('|')}))?$`, 'i');
/** A key that holds a search pattern (rule catalogues, Semgrep rules, linters): it names code, it is not code. */
const SEARCH_PATTERN_KEY = /^\s*-?\s*"?(pattern[\w-]*|patterns|regexp?|regex-?\w*)"?\s*:/i;

/** 1-based number of the first line that counts and matches, or 0; `lines` as `text.split(/\r?\n/)` would give them, if at hand. */
export function firstMatchingLine(
  text: string,
  lines: string[] | undefined,
  re: RegExp,
  markers: readonly string[],
  dataFile: boolean,
): number {
  if (lines) {
    for (let i = 0; i < lines.length; i++) if (lineMatches(lines[i], re, markers, dataFile)) return i + 1;
    return 0;
  }
  // Line by line without splitting the text: the first match is most often near the top.
  for (let start = 0, n = 1; start <= text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (lineMatches(text.slice(start, end), re, markers, dataFile)) return n;
    if (nl < 0) break;
    start = nl + 1;
  }
  return 0;
}

/**
 * `firstMatchingLine` for a pattern whose whole-text matches guide it (see `guidesLines`): only the
 * lines where the whole text matches are tried, each as `firstMatchingLine` tries it. A large YAML file
 * where a pattern matches only lines that do not count (data, comments) costs a few searches instead of
 * a test of every line.
 */
export function firstMatchingLineFrom(text: string, whole: RegExp, re: RegExp, markers: readonly string[], dataFile: boolean): number {
  let line = 1;
  let lineStart = 0;
  for (let from = 0; from <= text.length;) {
    whole.lastIndex = from;
    const m = whole.exec(text);
    if (!m) return 0;
    // Count the lines up to the match.
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < m.index; nl = text.indexOf('\n', lineStart)) {
      lineStart = nl + 1;
      line++;
    }
    const nl = text.indexOf('\n', lineStart);
    const end = nl < 0 ? text.length : nl > lineStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (lineMatches(text.slice(lineStart, end), re, markers, dataFile)) return line;
    if (nl < 0) return 0;
    from = lineStart = nl + 1;
    line++;
  }
  return 0;
}

function lineMatches(line: string, re: RegExp, markers: readonly string[], dataFile: boolean): boolean {
  if (line.length > MAX_CODE_LINE) return false;
  const t = line.trimStart();
  for (let i = 0; i < markers.length; i++) if (t.startsWith(markers[i])) return false;
  // A string with `\n` escapes in it (a snippet of another file kept as data: test cases, rule
  // examples, templates) shows what some file could say, not what this project does.
  if (dataFile && (line.includes('\\n') || SEARCH_PATTERN_KEY.test(line))) return false;
  return re.test(line);
}
