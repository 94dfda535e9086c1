/**
 * A series that never holds more than `max` points however long the run: every point whose arrival
 * number is a multiple of the stride is kept; when the kept points overflow, the stride doubles and every
 * other kept point goes. The first point always stays (arrival 0) and the latest is always shown.
 */
import type { Point } from '../../../shared/charts/series';

export type { Point };

export class DecimatedSeries {
  private kept: Point[] = [];
  private latest: Point | null = null;
  private latestKept = false;
  private count = 0;
  private stride = 1;

  constructor(readonly max = 2000) {
    if (max < 2) throw new Error(`DecimatedSeries: max must be at least 2 (first and last), got ${max}`);
  }

  push(x: number, y: number): void {
    const p: Point = [x, y];
    this.latest = p;
    this.latestKept = this.count % this.stride === 0;
    if (this.latestKept) this.kept.push(p);
    this.count++;
    // Room for the latest point when it is not itself on the stride.
    if (this.kept.length > this.max - 1) this.halve();
  }

  private halve(): void {
    this.kept = this.kept.filter((_, i) => i % 2 === 0);
    this.stride *= 2;
    this.latestKept = this.kept[this.kept.length - 1] === this.latest;
  }

  /** Points to draw: the kept ones plus the latest (a fresh array; the points themselves are shared). */
  points(): Point[] {
    return this.latest && !this.latestKept ? [...this.kept, this.latest] : [...this.kept];
  }

  get size(): number {
    return this.kept.length + (this.latest && !this.latestKept ? 1 : 0);
  }
  get seen(): number {
    return this.count;
  }
  get last(): Point | null {
    return this.latest;
  }
}

/** Keeps at most `max` items of a growing history (same stride doubling), for winner traces and snapshots. */
export class DecimatedList<T> {
  private kept: T[] = [];
  private latest: T | undefined;
  private count = 0;
  private stride = 1;

  constructor(readonly max = 500) {}

  push(item: T): void {
    if (this.count % this.stride === 0) this.kept.push(item);
    this.latest = item;
    this.count++;
    if (this.kept.length > this.max - 1) {
      this.kept = this.kept.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  items(): T[] {
    const l = this.latest;
    return l !== undefined && this.kept[this.kept.length - 1] !== l ? [...this.kept, l] : [...this.kept];
  }

  get size(): number {
    return this.items().length;
  }
}
