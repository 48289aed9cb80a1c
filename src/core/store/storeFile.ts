import { promises as fsp, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { keyMismatch, parseStore, StoreError, type ScanStore, type StoreKey } from './scanStore';

/** A store read back for a key: the store when it can be used, or why it cannot (a full scan follows). */
export type OpenedStore = { store: ScanStore; problem?: undefined } | { store?: undefined; problem: string };

/** Checks a store's text against the current key. Never throws: a damaged store is a reason, not a crash. */
export function openStore(text: string, key: StoreKey): OpenedStore {
  let store: ScanStore;
  try {
    store = parseStore(text);
  } catch (err) {
    if (err instanceof StoreError) return { problem: `it is damaged or not a scan store (${err.message})` };
    return { problem: `it cannot be read (${(err as Error).message})` };
  }
  const mismatch = keyMismatch(store.key, key);
  return mismatch ? { problem: mismatch } : { store };
}

const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);

/** Writes a file whole or not at all: a temporary file beside it, renamed over it. */
export function writeFileAtomicSync(file: string, data: string): void {
  const temp = tempName(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** The same, without blocking. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = tempName(file);
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(temp, data);
    await fsp.rename(temp, file);
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
}
