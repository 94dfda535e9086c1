// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { smoothPoints as ema } from '../../../shared/charts/series';

describe('ema smoothing', () => {
  it('returns the values unchanged at w = 0', () => {
    expect(
      ema(
        [
          [0, 1],
          [1, 5],
        ],
        0,
      ),
    ).toEqual([
      [0, 1],
      [1, 5],
    ]);
  });

  it('is debiased: the first point is itself, later points follow the recurrence', () => {
    // w = 0.5: acc1 = 0.5·1 = 0.5 → 0.5/(1−0.5) = 1; acc2 = 0.25 + 0.5·3 = 1.75 → 1.75/(1−0.25) = 7/3.
    const out = ema(
      [
        [0, 1],
        [1, 3],
      ],
      0.5,
    );
    expect(out[0]).toEqual([0, 1]);
    expect(out[1]![1]).toBeCloseTo(7 / 3);
  });

  it('keeps a constant series constant and passes NaN through', () => {
    const out = ema(
      [
        [0, 2],
        [1, NaN],
        [2, 2],
        [3, 2],
      ],
      0.9,
    );
    expect(out.map((p) => p[1])).toEqual([2, NaN, 2, 2].map((v, i) => (i === 1 ? NaN : expect.closeTo(v, 10))));
  });
});
