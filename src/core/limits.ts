/**
 * Limits shared by the readers and the matcher, in one place so that they cannot drift apart.
 * (A reader's own bounds on its format, such as YAML's line length, stay with the reader.)
 */

/** The longest line of code or configuration read: a longer one is minified or generated, and proves nothing. */
export const MAX_CODE_LINE = 2000;
