/**
 * NuGet: `PackageReference` in project files and `Directory.Build.props`, `PackageVersion` in
 * `Directory.Packages.props`, and `package` in `packages.config`. Analyzer and build-tool references
 * (`PrivateAssets="all"`) and every reference of a test project are dev.
 */
import type { Reader } from '../types';
import { baseName } from '../glob';
import { Collector, isRecord, makeReader } from './manifest';
import { getCi, parseXml, xmlList, xmlText } from './formats/xml';
import { OccurrenceIndex } from './formats/occurrences';

const PROJECT_FILE = /\.(cs|fs|vb)proj$/i;
const PROPS_FILE = /^(Directory\.Packages\.props|Directory\.Build\.props|Directory\.Build\.targets|packages\.config)$/i;
const TEST_PROJECT_NAME = /[.-](Tests?|UnitTests?|IntegrationTests?|FunctionalTests?|AcceptanceTests?|E2E|Specs?)\.(cs|fs|vb)proj$/i;
const TEST_SDK = /^(Microsoft\.NET\.Test\.Sdk|MSTest\.Sdk)$/i;
const ELEMENTS = ['PackageReference', 'PackageVersion', 'GlobalPackageReference', 'package'];

interface Ref {
  name: string;
  attribute: string;
  dev: boolean;
}

/** Every package element of the document, found without recursion. */
function collectRefs(root: Record<string, unknown>): Ref[] {
  const refs: Ref[] = [];
  // Breadth first, so that references come out in document order within each item group.
  const stack: unknown[] = [root];
  for (let head = 0; head < stack.length && head < 200000; head++) {
    const node = stack[head];
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    if (!isRecord(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@') || key === '#text') continue;
      const kind = ELEMENTS.find((e) => e.toLowerCase() === key.toLowerCase());
      if (!kind) {
        stack.push(value);
        continue;
      }
      for (const el of xmlList(value)) {
        if (!isRecord(el)) continue;
        const attribute = kind === 'package' ? 'id' : getCi(el, '@Include') !== undefined ? 'Include' : 'Update';
        const name = xmlText(getCi(el, `@${attribute}`));
        if (!name || !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}$/.test(name)) continue;
        const privateAssets = xmlText(getCi(el, '@PrivateAssets')) ?? xmlText(getCi(el, 'PrivateAssets'));
        const devDep = xmlText(getCi(el, '@developmentDependency'));
        const dev = kind === 'GlobalPackageReference' || privateAssets?.toLowerCase() === 'all' || devDep?.toLowerCase() === 'true';
        refs.push({ name, attribute, dev });
      }
    }
  }
  return refs;
}

export const dotnetReader: Reader = makeReader(
  'nuget',
  { named: (b) => PROJECT_FILE.test(b) || PROPS_FILE.test(b), where: (p) => !/(^|\/)(bin|obj|packages)\//.test(p) },
  (p, text) => {
    const out = new Collector('nuget');
    const parsed = parseXml(text);
    if (!parsed.value) {
      out.skip(parsed.error ?? 'invalid XML');
      return out.result();
    }
    const refs = collectRefs(parsed.value);
    const testProject =
      TEST_PROJECT_NAME.test(baseName(p)) ||
      /<IsTestProject>\s*true\s*<\/IsTestProject>/i.test(text) ||
      refs.some((r) => TEST_SDK.test(r.name));
    const finder = new OccurrenceIndex(text, /\b(Include|Update|id)\s*=\s*(["'])([^"'<>]{1,500})\2/gi, (m) =>
      `${m[1]}\0${m[3].trim()}`.toLowerCase(),
    );
    for (const r of refs) {
      out.add(r.name, testProject || r.dev, finder.take(`${r.attribute}\0${r.name}`.toLowerCase()) ?? 1);
    }
    return out.result();
  },
);
