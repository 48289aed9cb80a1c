/**
 * When a session's work runs. Full scans run one at a time: a new one cancels the one running and
 * starts when it has ended. Changes to files are gathered over a short pause (a later change to the
 * same key replaces an earlier one), then applied as one batch after any scan and after the batches
 * before it.
 */
export class ScanScheduler<Change> {
  private abort: AbortController | undefined;
  /** The latest full scan, until it ends. */
  private running: Promise<void> | undefined;
  /** The last batch of changes applied, or being applied. */
  private updating: Promise<void> = Promise.resolve();
  /** The pause before the next batch. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last batch taken after a pause (waiting for a scan, or applied). */
  private flushed: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, Change>();

  constructor(private readonly pauseMs: number) {}

  /** Cancels the scan running, if any, and runs `scan` when it has ended. */
  scan(scan: (ctrl: AbortController) => Promise<void>): Promise<void> {
    this.abort?.abort();
    const ctrl = new AbortController();
    this.abort = ctrl;
    const run = this.afterScan().then(() => scan(ctrl));
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = undefined;
    });
    return run;
  }

  /** Resolves when the scan running, if any, has ended, however it ended. */
  private afterScan(): Promise<void> {
    return this.running ? this.running.catch(() => undefined) : Promise.resolve();
  }

  /** Queues a change; after the pause, the batch goes to `apply`. */
  queue(key: string, change: Change, apply: (batch: Change[]) => Promise<void>): void {
    this.pending.set(key, change);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushed = this.flush(apply);
    }, this.pauseMs);
  }

  private async flush(apply: (batch: Change[]) => Promise<void>): Promise<void> {
    await this.afterScan();
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (!batch.length) return;
    const work = this.updating.then(() => apply(batch));
    this.updating = work.catch(() => undefined);
    await work;
  }

  /** Resolves when no scan, queued change or batch is left. */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const running = this.running;
      const flushed = this.flushed;
      const updating = this.updating;
      await Promise.allSettled([running ?? Promise.resolve(), flushed, updating]);
      if (this.timer) await new Promise((r) => setTimeout(r, this.pauseMs + 20));
      if (!this.running && !this.timer && !this.pending.size && this.updating === updating && this.flushed === flushed) return;
    }
  }

  /** Cancels the scan running and drops the changes waiting for the pause to end. */
  dispose(): void {
    this.abort?.abort();
    if (this.timer) clearTimeout(this.timer);
  }
}
