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

  constructor(private readonly make: (n: number) => T) {
    this.buf = make(1024);
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

  /** The filled part, copied into an array of exactly that length (the spare capacity is released). */
  take(): T {
    return this.buf.slice(0, this.length) as T;
  }
}

export class MemoryRows implements RowSink {
  private readonly x = new Growable((n) => new Float32Array(n));

  constructor(readonly width: number) {}

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
