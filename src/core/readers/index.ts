import type { Reader } from '../types';
import { baseName } from '../glob';
import { MANIFEST_READERS } from './manifests';
import { CONFIG_READERS } from './configs';
import { IMPORT_READERS } from './imports';

/** Every reader: manifests, then configs, then source imports. Each claims files by their workspace-relative path. */
export const READERS: readonly Reader[] = [...MANIFEST_READERS, ...CONFIG_READERS, ...IMPORT_READERS];

const NONE: Reader[] = [];

/**
 * Per base name, the readers that may take a file of that name (most names: none). Kept for the
 * life of the process, up to a bound: a workspace has far fewer distinct names than files.
 */
class ReadersByName {
  private readonly byName = new Map<string, Reader[]>();

  constructor(private readonly readers: readonly Reader[]) {}

  get(baseName: string): Reader[] {
    let hit = this.byName.get(baseName);
    if (!hit) {
      hit = this.readers.filter((r) => !r.claims || r.claims(baseName));
      if (!hit.length) hit = NONE;
      if (this.byName.size > 20000) this.byName.clear();
      this.byName.set(baseName, hit);
    }
    return hit;
  }
}

const readersByName = new ReadersByName(READERS);

/** The readers that understand this path (usually none or one). */
export function readersFor(relPath: string): Reader[] {
  const named = readersByName.get(baseName(relPath));
  for (let i = 0; i < named.length; i++) if (!named[i].matches(relPath)) return named.filter((r) => r.matches(relPath));
  return named;
}
