import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FoldersCheck, QuickCheckFolder } from './quickCheckWorker';

export type { QuickCheckFolder };

const isResult = (m: unknown): m is FoldersCheck =>
  typeof m === 'object' && m !== null && ((m as FoldersCheck).unchanged === true || typeof (m as { why?: unknown }).why === 'string');

/**
 * The quick check thread's heap: a young generation of 8 MB (at 100k files the default took 30 MB
 * more of peak memory, for no gain in time), and a bound on the rest, so that a huge store costs a
 * failed quick check (and the full check), never the editor's memory.
 */
const CHECK_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };

/**
 * Runs the quick check of a reopened workspace on a worker thread (`script`, dist/check-worker.js).
 * Never rejects: a worker that cannot start, fails or is cancelled is an answer saying so, and the
 * full check decides.
 */
export function checkInWorker(
  script: string,
  folders: readonly QuickCheckFolder[],
  signal: AbortSignal,
  limits: ResourceLimits = CHECK_LIMITS,
): Promise<FoldersCheck> {
  return new Promise((resolve) => {
    let worker: Worker | undefined;
    let settled = false;
    const done = (result: FoldersCheck) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', cancel);
      void worker?.terminate();
      resolve(result);
    };
    const cancel = () => done({ unchanged: false, why: 'cancelled' });
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      worker = new Worker(script, { workerData: { folders }, resourceLimits: limits });
    } catch (err) {
      return done({ unchanged: false, why: `the check could not start (${(err as Error).message})` });
    }
    worker.once('message', (m: unknown) => done(isResult(m) ? m : { unchanged: false, why: 'the check gave no answer' }));
    worker.once('error', (err) => done({ unchanged: false, why: `the check failed (${err.message})` }));
    worker.once('exit', (code) => done({ unchanged: false, why: `the check stopped (exit code ${code})` }));
  });
}

/** The quick check's answer, when it came (ms after the session started) and how long it took. */
export type ReopenCheck = FoldersCheck & { atMs: number; ms: number };

/**
 * How long the scan that checks a remembered map waits for the quick check before it starts beside
 * it. The scan uses its answer: when nothing changed it only prepares the records for later updates,
 * and when only some files changed it reads those alone instead of stamping every file; and on two
 * cores the two slow each other. With one manifest changed at 100k files, the checked map came at
 * 1.5–2.9 s (median 2.2 s, five runs) with this wait, and at 2.1–2.9 s (median 2.7 s, six runs) with
 * a wait of 1 s. The bound is for a check that does not answer.
 */
export const QUICK_CHECK_HEAD_START_MS = 3000;

/** Resolves when the quick check has answered, or after its head start, whichever is first. */
export function headStart(check: Promise<unknown> | undefined, ms = QUICK_CHECK_HEAD_START_MS): Promise<void> {
  if (!check) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void check.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
