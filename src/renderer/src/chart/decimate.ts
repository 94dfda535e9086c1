/**
 * Bounded histories for live panels: metric series that keep their min/max envelope, and lists (winner
 * traces, snapshots) that keep evenly strided items.
 */
import type { Point } from '../../../shared/charts/series';

export type { Point };

/** One stretch of arrivals: its first point and the points holding its minimum and its maximum. */
interface Bucket {
  first: Point;
  lo: Point;
  hi: Point;
  count: number;
}

const distinct = (b: Bucket): number => 1 + Number(b.lo !== b.first) + Number(b.hi !== b.first && b.hi !== b.lo);

function bucketPoints(b: Bucket): Point[] {
  const ps = [b.first];
  for (const p of [b.lo, b.hi]) if (!ps.includes(p)) ps.push(p);
  return ps.sort((p, q) => p[0] - q[0]);
}

/**
 * A series that never holds more than `max` points however long the run, and whose drawn envelope is the
 * envelope of everything it was given: arrivals are cut into buckets of `stride` points, each keeping its
 * first, its minimum and its maximum; when the buckets overflow, neighbours merge (their min of mins, max of
 * maxes) and the stride doubles. A spike at step 900 000 of a million stays on screen. The very first point
 * and the latest one are always shown.
 */
export class DecimatedSeries {
  private buckets: Bucket[] = [];
  private latest: Point | null = null;
  private count = 0;
  private stride = 1;
  /** Points the buckets hold (up to three each); kept under max - 1, leaving room for the latest point. */
  private stored = 0;

  constructor(readonly max = 2000) {
    if (max < 2) throw new Error(`DecimatedSeries: max must be at least 2 (first and last), got ${max}`);
  }

  push(x: number, y: number): void {
    const p: Point = [x, y];
    this.latest = p;
    this.count++;
    const b = this.buckets[this.buckets.length - 1];
    if (!b || b.count >= this.stride) {
      this.buckets.push({ first: p, lo: p, hi: p, count: 1 });
      this.stored++;
    } else {
      const before = distinct(b);
      b.count++;
      if (y < b.lo[1]) b.lo = p;
      if (y > b.hi[1]) b.hi = p;
      this.stored += distinct(b) - before;
    }
    while (this.stored > Math.max(1, this.max - 1) && this.buckets.length > 1) this.merge();
  }

  private merge(): void {
    const out: Bucket[] = [];
    for (let i = 0; i < this.buckets.length; i += 2) {
      const a = this.buckets[i]!,
        b = this.buckets[i + 1];
      if (!b) out.push(a);
      else
        out.push({
          first: a.first,
          lo: b.lo[1] < a.lo[1] ? b.lo : a.lo,
          hi: b.hi[1] > a.hi[1] ? b.hi : a.hi,
          count: a.count + b.count,
        });
    }
    this.buckets = out;
    this.stride *= 2;
    this.stored = out.reduce((n, b) => n + distinct(b), 0);
  }

  /** Points to draw, in x order: each bucket's first, min and max, then the latest (a fresh array). */
  points(): Point[] {
    const out: Point[] = [];
    for (const b of this.buckets) out.push(...bucketPoints(b));
    if (this.latest && out[out.length - 1] !== this.latest) out.push(this.latest);
    return out;
  }

  get size(): number {
    return this.points().length;
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
