/** Content patterns come from the catalogue and from users: compile them once, refuse the dangerous ones. */

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;
const MAX_PATTERN_LENGTH = 1000;

/** A reason the pattern cannot be used, or undefined when it is fine. */
export function checkPattern(pattern: string, ignoreCase?: boolean): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`;
  }
  if (NESTED_QUANTIFIER.test(pattern)) return `pattern has a quantified group that itself repeats (catastrophic backtracking risk): ${pattern}`;
  if (/\\[1-9]/.test(pattern)) return 'back-references are not allowed in patterns';
  return undefined;
}
