import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { CHARTS, MASK_CHARTS, seriesLabel } from './metric-charts';
import { metricPoints, minMaxDecimate, smoothPoints, xOf, type Point } from './series';
import { axisFor, logTicks, niceTicks, tickLabels } from './ticks';
import { echartsAxis, xAxisOf } from './echarts-axis';

describe('ticks', () => {
  it('puts fractions on a fixed 0–100 % axis whatever the data', () => {
    for (const data of [[0.2, 1.4], [0.991, 0.995], []]) {
      const a = axisFor(data, { fraction: true });
      expect([a.min, a.max]).toEqual([0, 1]);
      expect(a.labels).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
    }
  });

  it('never prints two ticks alike: it adds decimals until the labels differ', () => {
    expect(tickLabels([0, 0.005, 0.01, 0.015], true)).toEqual(['0.0 %', '0.5 %', '1.0 %', '1.5 %']);
    expect(tickLabels([0, 0.01, 0.02], true)).toEqual(['0 %', '1 %', '2 %']);
    expect(tickLabels([0, 0.25, 0.5])).toEqual(['0.00', '0.25', '0.50']);
    expect(tickLabels([1e-5, 2e-5])).toEqual(['1e-5', '2e-5']);
    const a = axisFor([0.9101, 0.9104]);
    expect(new Set(a.labels).size).toBe(a.labels.length);
  });

  it('steps by 1, 2 or 5 × 10ⁿ and covers the data', () => {
    expect(niceTicks(0.13, 0.87)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(niceTicks(0, 1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(3, 3)).toEqual([1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
  });

  it('puts decades on a log axis, with 2 and 5 between them over a short range', () => {
    expect(logTicks(0.003, 2)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks(3, 40)).toEqual([2, 5, 10, 20, 50]);
    expect(axisFor([0, -1, 0.5, 20], { log: true })).toMatchObject({ min: 0.1, max: 100, log: true });
  });

  it('ticks steps and epochs at whole numbers only, even for a run of three steps', () => {
    const short = [{ points: [0, 1, 2, 3].map((s): Point => [s, 1 / (s + 1)]) }];
    // Left to the 1-2-5 rule a span of 3 gets a step of 0.5: steps 0.5, 1.5… that no run ever had.
    expect(xAxisOf(short).ticks).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    const steps = echartsAxis(xAxisOf(short, { whole: true }));
    expect(steps).toMatchObject({ min: 0, max: 3, interval: 1, minInterval: 1 });
    expect([0, 1, 2, 3].map(steps.axisLabel.formatter)).toEqual(['0', '1', '2', '3']);
    const epochs = [{ points: [0, 0.4, 0.8].map((e): Point => [e, 1]) }];
    expect(echartsAxis(xAxisOf(epochs, { whole: true }))).toMatchObject({ min: 0, max: 1, interval: 1 });
    // A long run keeps its nice step; wall time (not a count) may still tick at 0.5 s.
    expect(
      xAxisOf(
        [
          {
            points: [
              [0, 1],
              [1000, 1],
            ],
          },
        ],
        { whole: true },
      ).ticks,
    ).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(echartsAxis(xAxisOf(short)).minInterval).toBeUndefined();
  });
});

describe('smoothPoints', () => {
  it('never leaves the range of the raw data, and is the debiased EMA inside it', () => {
    const rand = mulberry32(3);
    const pts: Point[] = Array.from({ length: 500 }, (_, i) => [i, i < 250 ? rand() : 5 + rand()]);
    for (const w of [0.5, 0.9, 0.99]) {
      const s = smoothPoints(pts, w);
      for (const [, y] of s) expect(y >= 0 && y <= 6).toBe(true);
    }
    expect(
      smoothPoints(
        [
          [0, 1],
          [1, 3],
        ],
        0.5,
      ),
    ).toEqual([
      [0, 1],
      [1, (0.25 + 1.5) / 0.75],
    ]);
    expect(
      smoothPoints(
        [
          [0, 2],
          [1, NaN],
        ],
        0.6,
      )[1]![1],
    ).toBeNaN();
  });
});

describe('minMaxDecimate', () => {
  it('keeps the envelope of a million points in a few thousand', () => {
    const rand = mulberry32(9);
    const pts: Point[] = Array.from({ length: 1_000_000 }, (_, i) => [i, rand()]);
    pts[654_321] = [654_321, 40];
    pts[12_345] = [12_345, -7];
    const d = minMaxDecimate(pts, 1000);
    expect(d.length).toBeLessThanOrEqual(3001);
    expect(d[0]).toBe(pts[0]);
    expect(d[d.length - 1]).toBe(pts[pts.length - 1]);
    expect(Math.max(...d.map((p) => p[1]))).toBe(40);
    expect(Math.min(...d.map((p) => p[1]))).toBe(-7);
    for (let i = 1; i < d.length; i++) expect(d[i]![0]).toBeGreaterThan(d[i - 1]![0]);
  });

  it('returns short series unchanged', () => {
    const pts: Point[] = [
      [0, 1],
      [1, 2],
      [2, 0],
    ];
    expect(minMaxDecimate(pts, 10)).toEqual(pts);
  });
});

describe('x axes and chart definitions', () => {
  it('reads steps, epochs or seconds from a row', () => {
    const row = { step: 150, epoch: 1, t: 2500, loss: 0.3 };
    expect([xOf(row, 'step'), xOf(row, 'epoch', 100), xOf(row, 'epoch'), xOf(row, 'time')]).toEqual([150, 1.5, 1, 2.5]);
    expect(metricPoints([row, { step: 151, epoch: 1, t: 2600 }], 'loss', 'time')).toEqual([[2.5, 0.3]]);
  });

  it('puts accuracy, TE and mask series on percent axes and names mask series by layer', () => {
    expect(CHARTS.filter((c) => c.percent).map((c) => c.id)).toEqual(['accuracy', 'te']);
    expect(MASK_CHARTS.every((c) => c.percent && c.match.test('conv1.sparsity') !== c.match.test('conv1.strength')));
    expect(seriesLabel('conv1.sparsity')).toBe('conv1');
    expect(seriesLabel('mask.dense 1.strength')).toBe('dense 1');
    expect(seriesLabel('testAccuracy')).toBe('testAccuracy');
  });
});
