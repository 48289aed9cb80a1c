/** Blanking comments out of manifest text while keeping every offset, so that lines found later still hold. */

export interface CommentSyntax {
  /** Line comment markers, such as '#' or '//'. */
  line: string[];
  /** Whether C-style block comments exist. */
  block?: boolean;
  /** Quote characters that open a string in which markers do not count. */
  quotes: string;
}

/**
 * Replaces comments with spaces, keeping every newline and every offset, so that line numbers found in the
 * result hold for the original text. Strings are tracked so that a marker inside quotes is kept.
 */
export function blankComments(text: string, syntax: CommentSyntax): string {
  const out: string[] = [];
  let i = 0;
  let last = 0;
  const n = text.length;
  let quote = '';
  while (i < n) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i += 2;
      else {
        if (c === quote || c === '\n') quote = '';
        i++;
      }
      continue;
    }
    if (syntax.quotes.includes(c)) {
      quote = c;
      i++;
      continue;
    }
    if (syntax.block && c === '/' && text[i + 1] === '*') {
      let end = text.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
      out.push(text.slice(last, i), text.slice(i, end).replace(/[^\n]/g, ' '));
      last = i = end;
      continue;
    }
    let isLine = false;
    for (const m of syntax.line) if (text.startsWith(m, i)) isLine = true;
    if (isLine) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      out.push(text.slice(last, i), ' '.repeat(end - i));
      last = i = end;
      continue;
    }
    i++;
  }
  out.push(text.slice(last));
  return out.join('');
}
