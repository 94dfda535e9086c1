/**
 * Batches metric rows so the UI and the disk see at most one flush per interval (≤ 20 Hz by default),
 * never one per batch. A push flushes at once when the interval has passed since the last flush; otherwise
 * a timer flushes the leftovers when it does, so slow runs still show every row promptly.
 */
import type { MetricRow } from '../../shared/run-types';

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
