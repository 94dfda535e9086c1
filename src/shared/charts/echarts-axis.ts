/**
 * The truthful axis (ticks.ts) as the part of an ECharts axis option that decides what it shows: the range,
 * the tick step (or log base) and a label per tick. The engine's figures and the renderer's live charts
 * add only their own styling around it, so both draw the same axis for the same data.
 */
import { smoothPoints, type Point } from './series';
import { axisFor, type Axis } from './ticks';

export interface EchartsAxisCore {
  type: 'value' | 'log';
  min: number;
  max: number;
  interval?: number;
  /** 1 on count axes (steps, epochs): ECharts never places a tick between two whole numbers. */
  minInterval?: number;
  logBase?: number;
  axisLabel: { formatter: (v: number) => string };
}

export function echartsAxis(a: Axis): EchartsAxisCore {
  const labelOf = new Map(a.ticks.map((v, i) => [v, a.labels[i]!]));
  const formatter = (v: number): string => labelOf.get(v) ?? labelOf.get(Number(v.toPrecision(12))) ?? '';
  return a.log
    ? { type: 'log', min: a.min, max: a.max, logBase: 10, axisLabel: { formatter } }
    : {
        type: 'value',
        min: a.min,
        max: a.max,
        interval: a.ticks.length > 1 ? a.ticks[1]! - a.ticks[0]! : 1,
        ...(a.whole ? { minInterval: 1 } : {}),
        axisLabel: { formatter },
      };
}

export interface YAxisRequest {
  /** Fractions of 1: a fixed 0–100 % axis. */
  percent?: boolean;
  log?: boolean;
  target?: number;
}

/** Every y value of some lines (the raw data: smoothing stays inside its range, so it needs no room of its own). */
export function* yValues(lines: readonly { points: readonly Point[] }[]): Generator<number> {
  for (const l of lines) for (const p of l.points) yield p[1];
}

export function* xValues(lines: readonly { points: readonly Point[] }[]): Generator<number> {
  for (const l of lines) for (const p of l.points) yield p[0];
}

/** The y axis of a chart of these lines (a log axis only when asked and never for fractions). */
export function yAxisOf(lines: readonly { points: readonly Point[] }[], r: YAxisRequest = {}): Axis {
  return axisFor(yValues(lines), { fraction: r.percent, log: r.log && !r.percent, target: r.target ?? 5 });
}

export interface XAxisRequest {
  /** Steps or epochs: ticks at whole numbers only (wall time and ε keep fractional ticks). */
  whole?: boolean;
  target?: number;
}

/** The x axis: nice ticks over the data (steps, epochs or seconds alike). */
export function xAxisOf(lines: readonly { points: readonly Point[] }[], r: XAxisRequest = {}): Axis {
  return axisFor(xValues(lines), { target: r.target ?? 5, whole: r.whole });
}

export interface DrawnLine {
  raw: Point[];
  /** The smoothed line (absent when smoothing is off); always inside the raw line's range. */
  smooth?: Point[];
}

/**
 * What to draw of one line: the raw points (minus those a log axis cannot show) and, with smoothing on,
 * the smoothed ones beside them, so the raw line stays visible under the smoothed one.
 */
export function drawnLine(points: readonly Point[], smoothing: number, log = false): DrawnLine {
  const raw = log ? points.filter((p) => p[1] > 0) : points.slice();
  return smoothing > 0 ? { raw, smooth: smoothPoints(raw, smoothing) } : { raw };
}
