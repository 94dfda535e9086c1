/**
 * Batches metric rows so the UI and the disk see at most one flush per interval (≤ 20 Hz by default),
 * never one per batch. A push flushes at once when the interval has passed since the last flush; otherwise
 * a timer flushes the leftovers when it does, so slow runs still show every row promptly.
 */
import type { MetricRow } from '../../shared/run-types';
import type { LoopContext, TrainCallback } from './callback';

export const METRICS_INTERVAL_MS = 50;

export interface ThrottleOptions {
  intervalMs?: number;
  /** Clock in ms; injectable so tests need no real time. */
  now?: () => number;
}

export class MetricsThrottle {
  private pending: MetricRow[] = [];
  private lastFlush = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly onFlush: (rows: MetricRow[]) => void,
    opts: ThrottleOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? METRICS_INTERVAL_MS;
    this.now = opts.now ?? Date.now;
  }

  push(row: MetricRow): void {
    this.pending.push(row);
    const wait = this.lastFlush + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Sends whatever is pending now (end of run, before a snapshot, on failure). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.lastFlush = this.now();
    this.onFlush(rows);
  }

  /** Drops the timer without flushing (the caller flushes first if it wants the rows). */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * The throttle as a loop callback: rows from onRow go out through onMetrics at most once per interval, each
 * batch after the one before it has been through every callback. A failure (the disk) fails the run at the
 * next step or flush.
 */
export function throttleMetrics(opts: ThrottleOptions = {}): TrainCallback {
  let throttle: MetricsThrottle | undefined;
  let sending: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const started = (t: LoopContext): MetricsThrottle =>
    (throttle ??= new MetricsThrottle((rows) => {
      sending = sending.then(() => t.publishMetrics(rows)).catch((error: unknown) => void (failure ??= { error }));
    }, opts));
  const check = (): void => {
    if (failure) throw failure.error;
  };
  return {
    onRow: (row, t) => started(t).push(row),
    async flush(t) {
      started(t).flush();
      await sending;
      check();
    },
    check,
    dispose: () => throttle?.dispose(),
  };
}
