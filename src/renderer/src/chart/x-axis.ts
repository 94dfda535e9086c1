/**
 * The live charts' x axis in steps, epochs or wall time. Series are stored by step; a chart in epochs divides
 * by the steps per epoch, a chart in wall time looks the step up on the run's clock (step → ms since start,
 * linear between the clock's points), so switching the axis never refetches or refolds anything.
 */
import { X_AXIS_LABELS, type Point, type XAxis } from '../../../shared/charts/series';
import type { Line } from './echarts';

export { X_AXES, X_AXIS_LABELS, wholeTicks, type XAxis } from '../../../shared/charts/series';

export interface ClockSource {
  totalSteps: number;
  spec: { epochs: number } | null;
  clock: { points(): Point[] };
}

/** Linear interpolation of y at x on points sorted by x (clamped to the ends). */
export function interpolate(points: readonly Point[], x: number): number {
  if (!points.length) return NaN;
  let lo = 0,
    hi = points.length - 1;
  if (x <= points[0]![0]) return points[0]![1];
  if (x >= points[hi]![0]) return points[hi]![1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] <= x) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = points[lo]!,
    [x1, y1] = points[hi]!;
  return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** step → x on the chosen axis; null for steps (nothing to convert). */
export function stepTo(run: ClockSource | null, axis: XAxis): ((step: number) => number) | null {
  if (!run || axis === 'step') return null;
  if (axis === 'epoch') {
    const per = run.spec && run.totalSteps ? run.totalSteps / run.spec.epochs : 0;
    return per > 0 ? (s) => s / per : null;
  }
  const clock = run.clock.points();
  return (s) => interpolate(clock, s) / 1000;
}

/** The lines with their x converted (the same lines when the axis is steps). */
export function onAxis(lines: Line[], to: ((step: number) => number) | null): Line[] {
  if (!to) return lines;
  return lines.map((l) => ({ ...l, points: l.points.map(([x, y]): Point => [to(x), y]) }));
}

export const xAxisName = (axis: XAxis): string => X_AXIS_LABELS[axis];
