// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { smoothPoints as ema } from '../../../shared/charts/series';
import { seriesCsv, exportName } from '../export/export';

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

describe('CSV and export names', () => {
  it('joins series on the union of steps, leaving gaps empty', () => {
    expect(
      seriesCsv('step', [
        {
          name: 'loss',
          points: [
            [0, 2],
            [10, 1],
          ],
        },
        { name: 'test,acc', points: [[10, 0.9]] },
      ]),
    ).toBe('step,loss,"test,acc"\n0,2,\n10,1,0.9\n');
  });

  it('puts run id, panel and step in the file name, made safe', () => {
    expect(exportName({ runId: 'run 1/x', panel: 'grid-som-umatrix', step: 40 }, 'png')).toBe(
      'somlab-run-1-x-grid-som-umatrix-step40.png',
    );
    expect(exportName({ runId: 'r', panel: 'qe' }, 'csv')).toBe('somlab-r-qe.csv');
  });
});
