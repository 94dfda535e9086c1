// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DecimatedList, DecimatedSeries } from './decimate';

describe('DecimatedSeries', () => {
  it('keeps every point while under the limit', () => {
    const s = new DecimatedSeries(10);
    for (let i = 0; i < 9; i++) s.push(i, i * i);
    expect(s.points()).toEqual(Array.from({ length: 9 }, (_, i) => [i, i * i]));
  });

  it('never holds more than max points and keeps the first and the latest', () => {
    const s = new DecimatedSeries(2000);
    for (let i = 0; i < 100_000; i++) {
      s.push(i, Math.sin(i));
      if (i % 997 === 0) expect(s.size).toBeLessThanOrEqual(2000);
    }
    const p = s.points();
    expect(p.length).toBeLessThanOrEqual(2000);
    expect(p.length).toBeGreaterThan(1000); // halving leaves at least half the budget
    expect(p[0]).toEqual([0, 0]);
    expect(p[p.length - 1]).toEqual([99_999, Math.sin(99_999)]);
    expect(s.seen).toBe(100_000);
  });

  it('keeps evenly strided points (stride doubling), in order', () => {
    const s = new DecimatedSeries(5);
    for (let i = 0; i < 9; i++) s.push(i, 0);
    // max 5: kept arrivals are multiples of the stride, plus the latest point.
    // Pushing 0..4 overflows (5 > 4) → stride 2, kept 0,2,4; then 6 → 0,2,4,6; 8 → 0,2,4,6,8 overflows → stride 4: 0,4,8.
    expect(s.points().map((p) => p[0])).toEqual([0, 4, 8]);
    s.push(9, 0);
    expect(s.points().map((p) => p[0])).toEqual([0, 4, 8, 9]);
    const xs = s.points().map((p) => p[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('refuses a budget that cannot hold first and last', () => {
    expect(() => new DecimatedSeries(1)).toThrow(/at least 2/);
  });
});

describe('DecimatedList', () => {
  it('bounds a history and keeps the first and the latest item', () => {
    const l = new DecimatedList<number>(50);
    for (let i = 0; i < 1234; i++) l.push(i);
    const items = l.items();
    expect(items.length).toBeLessThanOrEqual(50);
    expect(items[0]).toBe(0);
    expect(items[items.length - 1]).toBe(1233);
  });
});
