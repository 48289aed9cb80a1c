import { openSync, readFileSync, readSync, closeSync } from 'node:fs';
import {
  openStore,
  serializeStore,
  storeKey,
  writeFileAtomicSync,
  type Catalog,
  type Scanner,
  type ScanStore,
  type StoreKey,
} from '../core';

/**
 * `scan --cache FILE`: the scan store a CI cache keeps between runs. A store that cannot be used (another
 * catalogue, rule files or engine build, damaged, not a store) means a full scan and a line on stderr;
 * the store is written again, whole or not at all, once the scan is over.
 */

/** This build of the command: its version and the build id on its bundle's first line (see codeCache.ts). */
export function engineId(version: string, bundle: string): string {
  let head = '';
  try {
    const fd = openSync(bundle, 'r');
    try {
      const buf = Buffer.alloc(64);
      head = buf.subarray(0, readSync(fd, buf, 0, 64, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    // not run from the bundle (tests): the version alone
  }
  const id = /^\/\/ build ([0-9a-f]+)\n/.exec(head)?.[1];
  return id ? `${version}+${id}` : version;
}

export function cacheKey(engine: string, catalog: Catalog, ruleFiles: readonly string[], readSources: boolean): StoreKey {
  const files = ruleFiles.map((path) => {
    try {
      return { path, content: readFileSync(path) };
    } catch {
      return { path, content: undefined };
    }
  });
  return storeKey({ engine, catalog, ruleFiles: files, readSources });
}

/** The previous store, if there is one this scan can use; `warn` says why one is not used. */
export function readCache(file: string, key: StoreKey, warn: (message: string) => void): ScanStore | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cache ${file} not used (${(err as Error).message}); every file is read`);
    return undefined;
  }
  const opened = openStore(text, key);
  if (opened.problem) warn(`cache ${file} not used: ${opened.problem}; every file is read`);
  return opened.store;
}

export function writeCache(file: string, scanner: Scanner, warn: (message: string) => void): void {
  const store = scanner.store();
  // Nothing changed since the store was read: it is left as it is.
  if (!store || !scanner.storeChanged()) return;
  try {
    writeFileAtomicSync(file, serializeStore(store));
  } catch (err) {
    warn(`cannot write cache ${file}: ${(err as Error).message}`);
  }
}
