/**
 * The package ecosystems, one descriptor each. Everything that differs by ecosystem is derived from
 * here: the ecosystem list, the manifest readers, how package names are compared, the lock files and
 * generated folders the scan skips and the manifests an editor's hover covers. (The catalogue schema's enum is data; a unit
 * test holds it equal to these ids.)
 */
import type { Ecosystem, Language, Reader } from '../types';
import type { EcosystemDescriptor } from './descriptor';
import { npm } from './npm';
import { pypi } from './pypi';
import { maven } from './maven';
import { go } from './go';
import { rubygems } from './rubygems';
import { composer } from './composer';
import { cargo } from './cargo';
import { nuget } from './nuget';
import { hex } from './hex';
import { swiftpm } from './swiftpm';

export type { EcosystemDescriptor } from './descriptor';

/**
 * Keyed by id, so that the compiler requires one descriptor for each member of the `Ecosystem` type and
 * none beyond. The order is the order readers are asked and lists are shown in.
 */
const BY_ID: { readonly [E in Ecosystem]: EcosystemDescriptor<E> } = {
  npm,
  pypi,
  maven,
  go,
  rubygems,
  composer,
  cargo,
  nuget,
  hex,
  swiftpm,
};

export const ECOSYSTEM_REGISTRY: readonly EcosystemDescriptor[] = Object.values(BY_ID);

/** Package ecosystems a dependency rule can name. */
export const ECOSYSTEMS: readonly Ecosystem[] = ECOSYSTEM_REGISTRY.map((d) => d.id);

/** Package manifests: the readers of every ecosystem, in registry order. */
export const MANIFEST_READERS: readonly Reader[] = ECOSYSTEM_REGISTRY.flatMap((d) => d.readers);

/** Base names of every ecosystem's lock files. */
export const LOCK_FILES: readonly string[] = ECOSYSTEM_REGISTRY.flatMap((d) => d.lockFiles);

/** Folders that some ecosystem's tools write in a project, by name. */
export const GENERATED_FOLDERS: readonly string[] = ECOSYSTEM_REGISTRY.flatMap((d) => d.generatedFolders ?? []);

/** Globs of every ecosystem's manifests. */
export const MANIFEST_GLOBS: readonly string[] = ECOSYSTEM_REGISTRY.flatMap((d) => d.manifests);

/** Per ecosystem whose requirements a language's imports show in use, that language (see `usedThroughImports`). */
export const USED_THROUGH_IMPORTS: ReadonlyMap<Ecosystem, Language> = new Map(
  ECOSYSTEM_REGISTRY.flatMap((d) => (d.usedThroughImports ? [[d.id, d.usedThroughImports] as const] : [])),
);

/** The ecosystem whose requirements a language's imports show in use, if any. */
export function ecosystemUsedThrough(language: string): Ecosystem | undefined {
  for (const [ecosystem, lang] of USED_THROUGH_IMPORTS) if (lang === language) return ecosystem;
  return undefined;
}

const asWritten = (name: string): string => name;
const lowerCase = (name: string): string => name.toLowerCase();

/**
 * The key under which a package name of an ecosystem is looked up: its normal spelling, folded to
 * lower case unless the ecosystem's names are case-sensitive. Rules and facts use the same key.
 */
export function packageNameKey(id: string): (name: string) => string {
  const d = (BY_ID as Record<string, EcosystemDescriptor | undefined>)[id];
  const normalise = d?.normalise;
  if (d?.caseSensitive) return normalise ?? asWritten;
  return normalise ? (name) => normalise(name).toLowerCase() : lowerCase;
}
