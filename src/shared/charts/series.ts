/**
 * Series transforms for charts: smoothing that never leaves the range of the raw data, decimation that
 * keeps each bucket's minimum and maximum (spikes stay visible however long the run), and the x axis in
 * steps, epochs or wall time. Shared by the engine's figures and the renderer's charts.
 */
import type { MetricRow } from '../run-types';

export type Point = [x: number, y: number];

/**
 * TensorBoard's debiased exponential moving average (weight w ∈ [0, 1); 0 returns the data), clamped to
 * the raw data's range so a smoothed line can never show a value the run never had. Non-finite values pass.
 */
export function smoothPoints(points: readonly Point[], w: number): Point[] {
  if (!(w > 0)) return points.map((p) => [p[0], p[1]]);
  const weight = Math.min(w, 0.999);
  let lo = Infinity,
    hi = -Infinity;
  for (const [, y] of points) if (Number.isFinite(y)) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  let acc = 0,
    n = 0;
  return points.map(([x, y]) => {
    if (!Number.isFinite(y)) return [x, y];
    acc = acc * weight + (1 - weight) * y;
    n++;
    return [x, Math.min(hi, Math.max(lo, acc / (1 - weight ** n)))];
  });
}

/**
 * At most ~2·buckets points: the points are cut into `buckets` runs of equal count and each run keeps its
 * first, its minimum and its maximum (in x order), and the very last point stays, so the drawn envelope is
 * the envelope of the full data. Shorter series come back unchanged.
 */
export function minMaxDecimate(points: readonly Point[], buckets: number): Point[] {
  if (points.length <= 2 * buckets + 2) return points.slice();
  const out: Point[] = [];
  const size = points.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size),
      end = Math.floor((b + 1) * size);
    let lo = start,
      hi = start;
    for (let i = start + 1; i < end; i++) {
      const y = points[i]![1];
      if (y < points[lo]![1]) lo = i;
      if (y > points[hi]![1]) hi = i;
    }
    for (const i of [...new Set([start, lo, hi])].sort((a, b) => a - b)) out.push(points[i]!);
  }
  const last = points[points.length - 1]!;
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

export const X_AXES = ['step', 'epoch', 'time'] as const;
export type XAxis = (typeof X_AXES)[number];

export const X_AXIS_LABELS: Record<XAxis, string> = { step: 'step', epoch: 'epoch', time: 'wall time (s)' };
/** Steps and epochs are counts: their ticks stand at whole numbers; wall time may tick at 0.5 s. */
export const wholeTicks = (axis: XAxis): boolean => axis !== 'time';

/** A row's position on the x axis: its step, its (fractional) epoch, or seconds since the run started. */
export function xOf(row: MetricRow, axis: XAxis, stepsPerEpoch?: number): number {
  if (axis === 'time') return row.t / 1000;
  if (axis === 'epoch') return stepsPerEpoch ? row.step / stepsPerEpoch : row.epoch;
  return row.step;
}

/** One metric of some rows as points on the chosen x axis (rows without the metric are skipped). */
export function metricPoints(
  rows: readonly MetricRow[],
  key: string,
  axis: XAxis = 'step',
  perEpoch?: number,
): Point[] {
  const out: Point[] = [];
  for (const r of rows) if (key in r) out.push([xOf(r, axis, perEpoch), r[key]!]);
  return out;
}
