import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../shared/random';
import { chartOption, type Line } from './echarts';
import { onAxis, stepTo } from './x-axis';
import { DecimatedSeries } from './decimate';
import type { Point } from '../../../shared/charts/series';

type Ax = { type: string; min: number; max: number; interval?: number; axisLabel: { formatter(v: number): string } };
type S = { data: Point[]; silent?: boolean; lineStyle: { opacity?: number } };

const labelsOf = (a: Ax): string[] => {
  const out: string[] = [];
  if (a.type === 'log') for (let v = a.min; v <= a.max * 1.0001; v *= 10) out.push(a.axisLabel.formatter(v));
  else for (let v = a.min; v <= a.max + a.interval! / 2; v += a.interval!) out.push(a.axisLabel.formatter(v));
  return out;
};
const opt = (lines: Line[], look = {}) => chartOption(lines, look) as unknown as { xAxis: Ax; yAxis: Ax; series: S[] };
const line = (ys: number[], name = 'm'): Line => ({ name, points: ys.map((y, i): Point => [i * 10, y]) });

describe('live chart options', () => {
  it('draws fractions on a fixed 0–100 % axis, whatever the data (TE past 1, sparsity near 1)', () => {
    for (const ys of [
      [0.2, 1.4, 0.9],
      [0.991, 0.995],
      [0, 0.004],
    ]) {
      const o = opt([line(ys)], { percent: true });
      expect([o.yAxis.min, o.yAxis.max]).toEqual([0, 1]);
      expect(labelsOf(o.yAxis)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
    }
  });

  it('never repeats a tick label (small values get the decimals they need)', () => {
    for (const ys of [
      [0.001, 0.013],
      [0.9101, 0.9104],
      [12_000, 12_007],
      [3, 3],
    ]) {
      const labels = labelsOf(opt([line(ys)]).yAxis);
      expect(labels.length).toBeGreaterThan(1);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels.every((l) => l !== '')).toBe(true);
    }
    expect(labelsOf(opt([line([0.001, 0.013])]).yAxis)).toEqual([
      '0.000',
      '0.002',
      '0.004',
      '0.006',
      '0.008',
      '0.010',
      '0.012',
      '0.014',
    ]);
  });

  it('keeps the smoothed line inside the raw data range and the raw line visible under it', () => {
    const rand = mulberry32(5);
    const ys = Array.from({ length: 400 }, (_, i) => (i === 200 ? 9 : i < 100 ? 5 : 0) + rand());
    const o = opt([line(ys)], { smoothing: 0.95 });
    expect(o.series).toHaveLength(2);
    const [raw, smooth] = o.series as [S, S];
    expect(raw.data.map((p) => p[1])).toEqual(ys);
    expect(raw.silent).toBe(true);
    expect(raw.lineStyle.opacity).toBeGreaterThan(0);
    const lo = Math.min(...ys),
      hi = Math.max(...ys);
    for (const [, y] of smooth.data) expect(y >= lo && y <= hi).toBe(true);
    expect(o.yAxis.min).toBeLessThanOrEqual(lo);
    expect(o.yAxis.max).toBeGreaterThanOrEqual(hi);
  });

  it('puts decades on a log axis, drops values a log axis cannot show, and never logs a fraction', () => {
    const o = opt([line([2.3, 0.04, 0, -1, 0.5])], { log: true });
    expect(o.yAxis).toMatchObject({ type: 'log', min: 0.01, max: 10 });
    expect(labelsOf(o.yAxis)).toEqual(['0.01', '0.1', '1', '10']);
    expect(o.series[0]!.data.map((p) => p[1])).toEqual([2.3, 0.04, 0.5]);
    expect(opt([line([0.2, 0.5])], { log: true, percent: true }).yAxis.type).toBe('value');
  });

  it('shows steps, epochs or wall time on the x axis', () => {
    const clock = new DecimatedSeries(100);
    for (let s = 0; s < 100; s++) clock.push(s, s * 250); // 4 steps a second
    const run = { totalSteps: 100, spec: { epochs: 4 }, clock };
    const l = [line([1, 2, 3])]; // steps 0, 10, 20
    expect(onAxis(l, stepTo(run, 'step'))).toBe(l);
    expect(onAxis(l, stepTo(run, 'epoch'))[0]!.points.map((p) => p[0])).toEqual([0, 0.4, 0.8]);
    expect(onAxis(l, stepTo(run, 'time'))[0]!.points.map((p) => p[0])).toEqual([0, 2.5, 5]);
    const x = opt(onAxis(l, stepTo(run, 'time')), { xName: 'wall time (s)' }).xAxis as Ax & { name: string };
    expect(x.name).toBe('wall time (s)');
    expect([x.min, x.max]).toEqual([0, 5]);
    // Steps and epochs are counts: whole-number ticks only; wall time keeps its 0.5 s ones.
    const short: Line[] = [
      {
        name: 'qe',
        points: [
          [0, 0.4],
          [1, 0.3],
          [2, 0.2],
          [3, 0.1],
        ],
      },
    ];
    expect(opt(short, { wholeX: true }).xAxis).toMatchObject({ min: 0, max: 3, interval: 1, minInterval: 1 });
    expect(opt(short).xAxis).toMatchObject({ interval: 0.5 });
  });
});
