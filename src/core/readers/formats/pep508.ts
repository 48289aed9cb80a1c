/** Python requirement strings (PEP 508): `name[extras] >= 1.0; marker`. */

const PEP508_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?)\s*(\[[^\]]{0,500}\])?\s*/;
/** What may follow a requirement's name: nothing, a version, a marker, a URL, or an option. */
const AFTER_NAME = /^(?:$|===?|[<>!~]=?|;|@|--|,|\(|#)/;

/** The project name of a PEP 508 requirement string, or undefined when the text is not a requirement. */
export function requirementName(spec: string): string | undefined {
  // Only the start matters: a name is at most ~200 characters, and a huge line must not cost more.
  const s = spec.trim().slice(0, 5000);
  if (!s) return undefined;
  const m = PEP508_NAME.exec(s);
  if (!m) return undefined;
  const rest = s.slice(m[0].length);
  // Anything else after the name (`foo 1.0`, `This is prose`) is not a requirement.
  return AFTER_NAME.test(rest) ? m[1] : undefined;
}
