/**
 * Where a loader puts rows as it streams them: `RowSink`. The in-memory sink grows by doubling; the cache
 * sink writes to disk. Loaders call settle() now and then so a sink that writes can catch up.
 */
import type { Split } from './types';

export interface RowSink {
  /** Values per row. */
  readonly width: number;
  /** Rows added so far. */
  readonly count: number;
  add(row: ArrayLike<number>): void;
  settle(): Promise<void>;
}

type Typed = Float32Array | Int32Array;

/** A typed array that grows by doubling; `view` is the filled part. */
export class Growable<T extends Typed> {
  private buf: T;
  length = 0;

  /** `capacity`: the length expected, when known (no doubling, no copy at the end). */
  constructor(
    private readonly make: (n: number) => T,
    capacity = 1024,
  ) {
    this.buf = make(capacity);
  }

  reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = this.make(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length) as never);
    this.buf = next;
  }

  push(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  append(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.buf.set(values as never, this.length);
    this.length += values.length;
  }

  /** The filled part as an array of exactly that length (copied only when there is spare capacity to release). */
  take(): T {
    if (this.length === this.buf.length) return this.buf;
    return this.buf.slice(0, this.length) as T;
  }
}

export class MemoryRows implements RowSink {
  private readonly x: Growable<Float32Array>;

  /** `rows`: how many will come, when known (the array is then allocated once, exactly). */
  constructor(
    readonly width: number,
    rows?: number,
  ) {
    this.x = new Growable((n) => new Float32Array(n), rows !== undefined ? Math.max(1, rows * width) : undefined);
  }

  get count(): number {
    return this.x.length / this.width;
  }

  add(row: ArrayLike<number>): void {
    this.x.append(row);
  }

  async settle(): Promise<void> {}

  toSplit(y: Int32Array): Split {
    return { x: this.x.take(), y, count: this.count };
  }
}
