/**
 * Swift Package Manager `Package.swift` (and `Package@swift-5.9.swift`): the `.package(...)`
 * dependencies, each named by its identity as SwiftPM forms it: the last part of its URL or path
 * without `.git` (`vapor` for https://github.com/vapor/vapor.git), or a registry id's name. A package
 * whose products only test targets use (`.product(name:package:)` in a `.testTarget`) is a dev one.
 *
 * The manifest is Swift code, so it is not evaluated: comments are blanked and the calls are found by
 * their shape. A dependency written without a string literal (`.package(url: someURL, ...)`) is named in
 * the skip reason, and the others are still read.
 */
import type { Reader } from '../types';
import { Collector, MAX_FACTS, makeReader } from './manifest';
import { blankComments } from './formats/comments';
import { LineIndex } from './text';

/** Longest argument list of one call read: a real `.package(...)` or `.product(...)` is a line or two. */
const MAX_CALL = 4000;
/** Problems reported before the reader stops looking for more. */
const MAX_PROBLEMS = 20;

/** Longest test target read for the products it uses. */
const MAX_TARGET = 50000;

const PACKAGE_CALL = /\.package\s*\(/g;
const TEST_TARGET_CALL = /\.testTarget\s*\(/g;
const PRODUCT_CALL = /\.product\s*\(/g;
const LABEL = /\b(url|path|id|name|package)\s*:\s*"([^"\n\\]{0,500})"/g;

/** Offset of the `)` that closes the call whose `(` is at `open`, skipping strings; -1 if none within `max` characters. */
function callEnd(text: string, open: number, max: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + max);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < end && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The string-literal arguments of a call, by label (the first of each). */
function labels(args: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(args); m; m = LABEL.exec(args)) out[m[1]] ??= m[2];
  return out;
}

/** `https://github.com/vapor/vapor.git`, `git@github.com:vapor/vapor.git`, `../Shared/` → `vapor`, `vapor`, `Shared`. */
export function lastPathPart(location: string): string {
  const trimmed = location.trim().replace(/[/\\]+$/, '');
  const part = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'), trimmed.lastIndexOf(':')) + 1);
  return part.replace(/\.git$/i, '');
}

/** A package's identity from its `.package(...)` arguments, or undefined when none is a literal. */
function identity(args: Record<string, string>): string | undefined {
  // A registry id is `scope.name`; the name is what a URL's last part would be.
  const id = args.id !== undefined ? args.id.slice(args.id.indexOf('.') + 1) : undefined;
  const name = args.url !== undefined ? lastPathPart(args.url) : args.path !== undefined ? lastPathPart(args.path) : id;
  return name && /^[\w.-]+$/.test(name) ? name : undefined;
}

interface Declared {
  name: string;
  line: number;
  /** `name:` of an older manifest's `.package(name:url:)` or `(name:path:)`, which `.product(package:)` may use instead. */
  alias?: string;
}

/**
 * Per package (lower case), whether its products are used by test targets only (`true`) or by some
 * other target too (`false`). A product is a test target's when it is inside that `.testTarget(...)`.
 */
function productUse(clean: string): Map<string, boolean> {
  const tests: [number, number][] = [];
  TEST_TARGET_CALL.lastIndex = 0;
  for (let m = TEST_TARGET_CALL.exec(clean); m && tests.length < MAX_FACTS; m = TEST_TARGET_CALL.exec(clean)) {
    const close = callEnd(clean, m.index + m[0].length - 1, MAX_TARGET);
    const end = close < 0 ? Math.min(clean.length, m.index + MAX_TARGET) : close;
    tests.push([m.index, end]);
    // Targets do not nest: the next one starts after this one, and every character is looked at once.
    TEST_TARGET_CALL.lastIndex = end;
  }
  const use = new Map<string, boolean>();
  let t = 0;
  PRODUCT_CALL.lastIndex = 0;
  for (let m = PRODUCT_CALL.exec(clean); m && use.size < MAX_FACTS; m = PRODUCT_CALL.exec(clean)) {
    const close = callEnd(clean, m.index + m[0].length - 1, MAX_CALL);
    PRODUCT_CALL.lastIndex = close < 0 ? m.index + MAX_CALL : close;
    if (close < 0) continue;
    const pkg = labels(clean.slice(m.index, close)).package?.toLowerCase();
    if (pkg === undefined) continue;
    while (t < tests.length && tests[t][1] < m.index) t++;
    const test = t < tests.length && tests[t][0] < m.index;
    use.set(pkg, (use.get(pkg) ?? true) && test);
  }
  return use;
}

export const swiftPackageReader: Reader = makeReader(
  'swiftpm',
  { named: (b) => b === 'Package.swift' || (b.startsWith('Package@swift-') && b.endsWith('.swift')) },
  (_p, text) => {
    const out = new Collector('swiftpm');
    const clean = blankComments(text, { line: ['//'], block: true, quotes: '"' });
    if (!/\bPackage\s*\(/.test(clean)) {
      out.skip('no Package(...) declaration: not a Swift package manifest');
      return out.result();
    }
    const index = new LineIndex(clean);
    const declared: Declared[] = [];
    let problems = 0;
    PACKAGE_CALL.lastIndex = 0;
    for (let m = PACKAGE_CALL.exec(clean); m && declared.length < MAX_FACTS && problems < MAX_PROBLEMS; m = PACKAGE_CALL.exec(clean)) {
      const line = index.lineAt(m.index);
      const close = callEnd(clean, m.index + m[0].length - 1, MAX_CALL);
      if (close < 0) {
        out.skip(`unclosed .package( at line ${line}`);
        problems++;
        PACKAGE_CALL.lastIndex = m.index + MAX_CALL;
        continue;
      }
      const args = labels(clean.slice(m.index + m[0].length, close));
      const name = identity(args);
      if (name === undefined) {
        out.skip(`.package( at line ${line} names no url, path or registry id as a string literal`);
        problems++;
      } else declared.push({ name, line, alias: args.name?.toLowerCase() });
      PACKAGE_CALL.lastIndex = close;
    }
    const use = productUse(clean);
    for (const d of declared)
      out.add(d.name, use.get(d.name.toLowerCase()) ?? (d.alias !== undefined && use.get(d.alias)) ?? false, d.line);
    return out.result();
  },
);
