import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricRow } from '../../shared/run-types';
import { MetricsThrottle } from './throttle';

const row = (step: number): MetricRow => ({ step, epoch: 0, t: step });

describe('MetricsThrottle', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function setup() {
    const flushes: number[][] = [];
    const th = new MetricsThrottle((rows) => flushes.push(rows.map((r) => r.step)), {
      intervalMs: 50,
      now: () => Date.now(),
    });
    return { th, flushes };
  }

  it('flushes the first row at once, then at most once per interval', () => {
    const { th, flushes } = setup();
    th.push(row(0));
    expect(flushes).toEqual([[0]]);
    for (let s = 1; s <= 10; s++) {
      vi.advanceTimersByTime(10);
      th.push(row(s));
    }
    // Rows at +10..+40 wait for the timer at +50, which fires before row 5 is pushed; the next at +100.
    expect(flushes).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8, 9]]);
    th.flush();
    expect(flushes[3]).toEqual([10]);
  });

  it('flushes leftovers on a timer when pushes stop', () => {
    const { th, flushes } = setup();
    th.push(row(0));
    vi.advanceTimersByTime(5);
    th.push(row(1));
    th.push(row(2));
    expect(flushes).toEqual([[0]]);
    vi.advanceTimersByTime(44);
    expect(flushes).toEqual([[0]]);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([[0], [1, 2]]);
    vi.advanceTimersByTime(1000);
    expect(flushes).toHaveLength(2);
  });

  it('flushes on demand, resets its interval, and ignores an empty flush', () => {
    const { th, flushes } = setup();
    th.push(row(0));
    th.push(row(1));
    th.flush();
    th.flush();
    expect(flushes).toEqual([[0], [1]]);
    vi.advanceTimersByTime(49);
    th.push(row(2));
    expect(flushes).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([[0], [1], [2]]);
  });

  it('never flushes more often than 20 Hz under a fast stream', () => {
    const { th, flushes } = setup();
    for (let s = 0; s < 1000; s++) {
      th.push(row(s));
      vi.advanceTimersByTime(1);
    }
    th.flush();
    expect(flushes.length).toBeLessThanOrEqual(1000 / 50 + 2);
    expect(flushes.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('drops its timer on dispose', () => {
    const { th, flushes } = setup();
    th.push(row(0));
    th.push(row(1));
    th.dispose();
    vi.advanceTimersByTime(100);
    expect(flushes).toEqual([[0]]);
  });
});
