/**
 * Maven `pom.xml`: dependencies (also in profiles), the parent POM and build plugins, as `groupId:artifactId`.
 * `dependencyManagement` and `pluginManagement` only pin versions and are not read. Only `test` scope is dev:
 * `provided` dependencies (servlet APIs and the like) are used by the code.
 */
import type { Reader } from '../types';
import { Collector, isRecord, makeReader } from './manifest';
import { elementRanges, parseXml, xmlList, xmlText } from './formats/xml';
import { OccurrenceIndex } from './formats/occurrences';

export const mavenReader: Reader = makeReader(
  'maven',
  { named: (b) => b === 'pom.xml', where: (p) => !/(^|\/)(target|node_modules)\//.test(p) },
  (_p, text) => {
    const out = new Collector('maven');
    const parsed = parseXml(text);
    if (!parsed.value) {
      out.skip(parsed.error ?? 'invalid XML');
      return out.result();
    }
    const project = parsed.value.project;
    if (!isRecord(project)) {
      out.skip('no <project> element: not a Maven POM');
      return out.result();
    }
    const excluded = [
      ...elementRanges(text, 'dependencyManagement'),
      ...elementRanges(text, 'pluginManagement'),
      ...elementRanges(text, 'exclusions'),
    ];
    const finder = new OccurrenceIndex(text, /<(?:\w{1,50}:)?artifactId>([^<]{1,500})<\//g, (m) => m[1].trim(), excluded);
    const lineOf = (artifact: string, fallbackTag: string): number => {
      const hit = finder.take(artifact);
      if (hit !== undefined) return hit;
      const at = text.search(new RegExp(`<${fallbackTag}[\\s>]`));
      return at >= 0 ? finder.lineAt(at) : 1;
    };

    const parent = project.parent;
    if (isRecord(parent)) {
      const g = xmlText(parent.groupId);
      const a = xmlText(parent.artifactId);
      if (g && a) out.add(`${g}:${a}`, false, lineOf(a, 'parent'));
    }

    const readDependencies = (holder: unknown) => {
      if (!isRecord(holder)) return;
      const deps = holder.dependencies;
      if (!isRecord(deps)) return;
      for (const d of xmlList(deps.dependency)) {
        if (!isRecord(d)) continue;
        const g = xmlText(d.groupId);
        const a = xmlText(d.artifactId);
        if (!g || !a) continue;
        const scope = xmlText(d.scope)?.toLowerCase();
        out.add(`${g}:${a}`, scope === 'test', lineOf(a, 'dependencies'));
      }
    };
    const readPlugins = (holder: unknown) => {
      if (!isRecord(holder) || !isRecord(holder.build) || !isRecord(holder.build.plugins)) return;
      for (const p of xmlList(holder.build.plugins.plugin)) {
        if (!isRecord(p)) continue;
        const a = xmlText(p.artifactId);
        if (!a) continue;
        out.add(`${xmlText(p.groupId) ?? 'org.apache.maven.plugins'}:${a}`, false, lineOf(a, 'plugins'));
      }
    };

    readDependencies(project);
    readPlugins(project);
    if (isRecord(project.profiles)) {
      for (const profile of xmlList(project.profiles.profile)) {
        readDependencies(profile);
        readPlugins(profile);
      }
    }
    return out.result();
  },
);
