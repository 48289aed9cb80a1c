/**
 * Content hashes for keys (the catalogue's identity, a scan store's key): the first 128 bits of a
 * SHA-256, in hex. `node:crypto` takes some 8 ms to load, more than the rest of an empty folder's
 * scan, and only a build or a scan with a store needs a hash: it is required on the first call.
 */
import { lazyModule } from './lazyModule';

const crypto = lazyModule(() => require('node:crypto') as typeof import('node:crypto'));

/** The hash of the parts, in order, as if they were one text. */
export function contentHash(...parts: (string | Uint8Array)[]): string {
  const h = crypto().createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex').slice(0, 32);
}
