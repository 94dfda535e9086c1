/**
 * TensorBoard-style smoothing: an exponential moving average with weight w ∈ [0, 1), debiased so the
 * first points are not pulled toward zero. w = 0 returns the values unchanged. Non-finite values pass through.
 */
import type { Point } from './decimate';

export function ema(points: readonly Point[], w: number): Point[] {
  if (!(w > 0)) return points.map((p) => [p[0], p[1]]);
  const weight = Math.min(w, 0.999);
  let acc = 0,
    n = 0;
  return points.map(([x, y]) => {
    if (!Number.isFinite(y)) return [x, y];
    acc = acc * weight + (1 - weight) * y;
    n++;
    return [x, acc / (1 - weight ** n)];
  });
}
