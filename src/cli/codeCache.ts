/**
 * How the command runs its bundle with a V8 code cache (see launch.ts). Free of side effects, so that
 * the tests can check that the cache the build made is one V8 takes.
 */
import { readFileSync } from 'node:fs';

/**
 * V8 flags set before the bundle is compiled (a code cache is taken only under the flags it was made with).
 *
 * - A scan runs each of many small functions a few thousand times and is over in a second: V8's
 *   default eagerness to optimise spends more time compiling than the compiled code saves (a
 *   10k-file scan took 0.53 s of wall time and 0.72 s of CPU with it, 0.46 s and 0.53 s with six
 *   times the interrupt budget).
 * - The old generation grows by a fifth at a time rather than to about four times what survived the
 *   last full collection: most of the peak memory of a 100,000-file scan, for no measurable speed.
 */
export const ENGINE_FLAGS: readonly string[] = ['--interrupt-budget=400000', '--heap-growing-percent=20'];

/**
 * The bundle's text. The build writes it in ASCII (esbuild.mjs), so each byte is a character: read
 * as Latin-1 it needs no UTF-8 decoding (some 2 ms of every start for its 1.1 MB).
 */
export function readBundle(file: string): string {
  return readFileSync(file, 'latin1');
}

/** The bundle as a CommonJS module function, compiled the same way when the cache is made and used. */
export function wrapBundle(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The build id on a bundle's first line (`// build <hex>`), or ''. */
export function buildId(source: string): string {
  return /^\/\/ build ([0-9a-f]+)\n/.exec(source)?.[1] ?? '';
}

/** A cache file: the build id and a newline, then V8's data. */
export function cacheFile(id: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(id + '\n'), data]);
}

/** V8's data from a cache file, if the file belongs to this build. */
export function cacheData(id: string, file: Buffer): Buffer | undefined {
  const head = Buffer.from(id + '\n');
  return id && file.subarray(0, head.length).equals(head) ? file.subarray(head.length) : undefined;
}
