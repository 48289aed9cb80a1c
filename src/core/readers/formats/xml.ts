/** XML manifests (Maven POMs, MSBuild projects): parsing without entity expansion, and element helpers. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_REASON, escapeRe, isRecord, shortMessage } from '../manifest';
import { LineIndex } from '../text';

export interface XmlParse {
  value?: Record<string, unknown>;
  error?: string;
}

/** Parses XML without ever expanding entities; documents that declare entities are refused. */
export function parseXml(text: string): XmlParse {
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype >= 0 && /<!ENTITY/i.test(text.slice(doctype))) {
    return { error: `DTD entity declarations are not read (line ${new LineIndex(text).lineAt(doctype)})` };
  }
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const e = valid.err;
      return { error: `invalid XML at line ${e.line}: ${String(e.msg).slice(0, MAX_REASON)}` };
    }
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      removeNSPrefix: true,
      maxNestedTags: 200,
    });
    const value = parser.parse(text) as unknown;
    return isRecord(value) ? { value } : { error: 'invalid XML: no root element' };
  } catch (err) {
    return { error: `invalid XML: ${shortMessage(err)}` };
  }
}

/** Zero, one or many children of an XML element, always as a list. */
export function xmlList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** The text of a leaf element (trimmed), or undefined. */
export function xmlText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRecord(v) && typeof v['#text'] === 'string') return (v['#text'] as string).trim() || undefined;
  return undefined;
}

/** A child element or attribute looked up without regard to case (MSBuild files are case-insensitive). */
export function getCi(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** Offsets [start, end) of every `<tag>...</tag>` element, for excluding it from searches. */
export function elementRanges(text: string, tag: string): [number, number][] {
  const ranges: [number, number][] = [];
  const open = new RegExp(`<(?:[\\w.-]+:)?${escapeRe(tag)}[\\s>]`, 'g');
  const closeTag = `${tag}>`;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) && ranges.length < 1000) {
    let end = text.indexOf(closeTag, m.index + 1);
    while (end >= 0 && text[end - 1] !== '/' && text[end - 1] !== ':') end = text.indexOf(closeTag, end + 1);
    const stop = end < 0 ? text.length : end + closeTag.length;
    ranges.push([m.index, stop]);
    open.lastIndex = stop;
  }
  return ranges;
}
