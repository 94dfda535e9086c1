/**
 * Metrics read back asynchronously: a step queues its read (loss, QE ...) and returns at once; the values come
 * back as rows of their own step when the read resolves, so a GPU queue never drains to report a number. The
 * loop takes what has arrived after every step and settles the rest before an evaluation and at the end.
 */
export interface LateRow {
  step: number;
  values: Record<string, number>;
}

export class LateMetrics {
  private ready: LateRow[] = [];
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  /** Queues the read of `step`'s values (the promise must not depend on later steps). */
  add(step: number, read: Promise<Record<string, number>>): void {
    const p: Promise<void> = read
      .then(
        (values) => void this.ready.push({ step, values }),
        (error: unknown) => void (this.failure ??= { error }),
      )
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Rows whose reads have resolved, in step order; rethrows the first failed read. */
  take(): LateRow[] {
    if (this.failure) throw this.failure.error;
    const rows = this.ready.sort((a, b) => a.step - b.step);
    this.ready = [];
    return rows;
  }

  /** Waits for every queued read, then takes them all. */
  async settle(): Promise<LateRow[]> {
    while (this.pending.size > 0) await Promise.all(this.pending);
    return this.take();
  }
}
