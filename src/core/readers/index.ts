import type { Reader } from '../types';
import { MANIFEST_READERS } from './manifests';
import { CONFIG_READERS } from './configs';

/** Every reader, manifests first. Each claims files by their workspace-relative path. */
export const READERS: readonly Reader[] = [...MANIFEST_READERS, ...CONFIG_READERS];

const cache = new Map<string, Reader[]>();

/** The readers that understand this path (usually none or one). A scan asks twice per file (listing, reading): cached by path. */
export function readersFor(relPath: string): Reader[] {
  let hit = cache.get(relPath);
  if (!hit) {
    hit = READERS.filter((r) => r.matches(relPath));
    if (cache.size > 20000) cache.clear();
    cache.set(relPath, hit);
  }
  return hit;
}
