import { lazyModule } from './lazyModule';

/** Loaded when a pattern is checked: at build time, or for a user rule file. */
const safeRegex = lazyModule(() => require('safe-regex2') as typeof import('safe-regex2'));

/** Content patterns come from the catalogue and from users: refuse the ones that can backtrack without end. */

const MAX_PATTERN_LENGTH = 1000;
const MAX_REPETITIONS = 200;

/** A reason the pattern cannot be used, or undefined when it is fine. */
export function checkPattern(pattern: string, ignoreCase?: boolean): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  let re: RegExp;
  try {
    re = new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references are not allowed in patterns';
  if (!safeRegex()(re, { limit: MAX_REPETITIONS })) {
    return `pattern has a repeated group inside a repetition (catastrophic backtracking risk): ${pattern}`;
  }
  return undefined;
}
