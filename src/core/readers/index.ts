import type { Reader } from '../types';
import { MANIFEST_READERS } from './manifests';
import { CONFIG_READERS } from './configs';

/** Every reader, manifests first. Each claims files by their workspace-relative path. */
export const READERS: readonly Reader[] = [...MANIFEST_READERS, ...CONFIG_READERS];

const NONE: Reader[] = [];
/** Per base name, the readers that may take a file of that name (most names: none). */
const byName = new Map<string, Reader[]>();

function readersNamed(baseName: string): Reader[] {
  let hit = byName.get(baseName);
  if (!hit) {
    hit = READERS.filter((r) => !r.claims || r.claims(baseName));
    if (!hit.length) hit = NONE;
    if (byName.size > 20000) byName.clear();
    byName.set(baseName, hit);
  }
  return hit;
}

/** The readers that understand this path (usually none or one). */
export function readersFor(relPath: string): Reader[] {
  const named = readersNamed(relPath.slice(relPath.lastIndexOf('/') + 1));
  for (let i = 0; i < named.length; i++) if (!named[i].matches(relPath)) return named.filter((r) => r.matches(relPath));
  return named;
}
