/** Cargo `Cargo.toml`: normal, dev, build, workspace and target-specific dependencies; renamed ones by their package. */
import type { Reader } from '../types';
import { Collector, isRecord, makeReader } from './manifest';
import { TomlLocator, parseTomlText } from './formats/toml';

const KINDS: Record<string, boolean> = {
  dependencies: false,
  'dev-dependencies': true,
  dev_dependencies: true,
  'build-dependencies': true,
  build_dependencies: true,
};

export const cargoReader: Reader = makeReader(
  'cargo',
  { named: (b) => b === 'Cargo.toml', where: (p) => !/(^|\/)(target|vendor)\//.test(p) },
  (_p, text) => {
    const out = new Collector('cargo');
    const parsed = parseTomlText(text);
    if (!parsed.value) {
      out.skip(parsed.error ?? 'invalid TOML');
      return out.result();
    }
    const root = parsed.value;
    const loc = new TomlLocator(text);
    const readTable = (table: unknown, path: string[], dev: boolean) => {
      if (!isRecord(table)) return;
      for (const [key, spec] of Object.entries(table)) {
        const renamed = isRecord(spec) && typeof spec.package === 'string' ? spec.package : undefined;
        out.add(renamed ?? key, dev, loc.keyLine(path, key));
      }
    };
    for (const [kind, dev] of Object.entries(KINDS)) readTable(root[kind], [kind], dev);
    if (isRecord(root.workspace)) readTable(root.workspace.dependencies, ['workspace', 'dependencies'], false);
    if (isRecord(root.target)) {
      for (const [target, tables] of Object.entries(root.target)) {
        if (!isRecord(tables)) continue;
        for (const [kind, dev] of Object.entries(KINDS)) readTable(tables[kind], ['target', target, kind], dev);
      }
    }
    return out.result();
  },
);
