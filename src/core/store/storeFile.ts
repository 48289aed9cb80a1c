import { promises as fsp, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { keyMismatch, readStoreHead, StoreError, storeBody, type ScanStore, type StoreKey } from './scanStore';

/** A store read back for a key: the store when it can be used, or why it cannot (a full scan follows). */
export type OpenedStore = { store: ScanStore; problem?: undefined } | { store?: undefined; problem: string };

/**
 * Checks a store's text against the current key, and builds it only when the key matches. Never
 * throws: a damaged store is a reason, not a crash.
 */
export function openStore(text: string, key: StoreKey): OpenedStore {
  const opening = openStoreInSteps(text, key);
  for (;;) {
    const step = opening.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, in slices of at most `sliceMs` of building (after the JSON parse itself, some 50 ms at
 * 100k files), with a turn of the event loop between them: an editor's host stays responsive while
 * a large store is read.
 */
export async function openStoreSliced(text: string, key: StoreKey, sliceMs = 20): Promise<OpenedStore> {
  const opening = openStoreInSteps(text, key);
  let start = Date.now();
  for (;;) {
    const step = opening.next();
    if (step.done) return step.value;
    if (Date.now() - start >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      start = Date.now();
    }
  }
}

function* openStoreInSteps(text: string, key: StoreKey): Generator<void, OpenedStore> {
  try {
    const head = readStoreHead(text);
    const mismatch = keyMismatch(head.key, key);
    if (mismatch) return { problem: mismatch };
    return { store: yield* storeBody(head) };
  } catch (err) {
    if (err instanceof StoreError) return { problem: `it is damaged or not a scan store (${err.message})` };
    return { problem: `it cannot be read (${(err as Error).message})` };
  }
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
