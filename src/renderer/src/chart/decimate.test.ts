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

  it('keeps the min/max envelope of every stretch, so no spike is lost', () => {
    const s = new DecimatedSeries(301);
    for (let i = 0; i < 1_000_000; i++) s.push(i, i === 654_321 ? 40 : i === 12_345 ? -7 : Math.sin(i / 1000));
    const p = s.points();
    expect(p.length).toBeLessThanOrEqual(301);
    const ys = p.map((q) => q[1]);
    expect(Math.max(...ys)).toBe(40);
    expect(Math.min(...ys)).toBe(-7);
    expect(p.find((q) => q[1] === 40)![0]).toBe(654_321);
    const xs = p.map((q) => q[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it('merges neighbouring buckets by hand-checkable rules', () => {
    // max 7: the buckets hold at most 6 points. The 7th arrival overflows: pairs merge (stride 2), still 7
    // points, so they merge again (stride 4): {0..3} keeps first (0,5), min (1,1), max (2,9); {4..6} keeps
    // (4,8) and its min (5,3); 7 joins that bucket (no new extreme), 8 opens the next one.
    const s = new DecimatedSeries(7);
    [5, 1, 9, 2, 8, 3, 7, 4, 6].forEach((y, i) => s.push(i, y));
    expect(s.points()).toEqual([
      [0, 5],
      [1, 1],
      [2, 9],
      [4, 8],
      [5, 3],
      [8, 6],
    ]);
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
