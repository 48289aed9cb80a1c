/** Work cut into slices, so that an editor's host stays responsive while a scan runs. */

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Milliseconds, for slices: `performance.now()` would load node:perf_hooks at every command's start (some 3 ms). */
const now = () => Date.now();

/** Longest stretch of work between two turns of the event loop (an editor's host must stay responsive). */
export const SLICE_MS = 20;

/**
 * Cuts concurrent work into slices of at most SLICE_MS. Reads of local files complete at once, so
 * the readers' promise chains would otherwise run back to back as microtasks and never let the event
 * loop in; when a slice is over every worker waits on the same turn of the loop.
 */
export class Slices {
  private start = now();
  private gate: Promise<void> | undefined;

  constructor(
    private readonly sliceMs: number,
    private readonly onPause: () => void,
  ) {}

  over(): boolean {
    return this.gate !== undefined || now() - this.start >= this.sliceMs;
  }

  pause(): Promise<void> {
    if (!this.gate) {
      this.onPause();
      this.gate = yieldToLoop().then(() => {
        this.gate = undefined;
        this.start = now();
      });
    }
    return this.gate;
  }
}
