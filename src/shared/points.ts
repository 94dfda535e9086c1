/**
 * The playground's generated 2-D sets (spiral, moons, circles), seeded, in about [-1, 1]², inside the soft-SOM
 * boundary plane ([-1.2, 1.2]²). Labels cycle 0, 1, …, so every class gets the same number of points (±1).
 * Noise is uniform in [-noise, noise] on each coordinate (the built-in spirals' kind), so ranges are exact.
 */
import { mulberry32 } from './random';
import { pickOption } from './options';

export const POINT_SETS = ['spiral', 'moons', 'circles'] as const;
export type PointSet = (typeof POINT_SETS)[number];
/** The most classes each set can draw (two moons interleave; spirals and rings take a third). */
export const SET_MAX_CLASSES: Record<PointSet, number> = { spiral: 3, moons: 2, circles: 3 };
export const MAX_GENERATED = 2000;
export const MAX_NOISE = 0.5;

export interface Points {
  points: [number, number][];
  labels: number[];
}
export interface GenerateOptions {
  count: number;
  classes: number;
  noise: number;
  seed: number;
}

type Draw = (cls: number, classes: number, r: () => number) => [number, number];

const DRAW: Record<PointSet, Draw> = {
  /** Arm `cls` of `classes` interleaved spirals: 1.5 turns, radius 0.1 → 0.95. */
  spiral(cls, classes, r) {
    const t = r(),
      angle = t * 3 * Math.PI + (cls * 2 * Math.PI) / classes,
      radius = 0.1 + 0.85 * t;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  },
  /** scikit-learn's two moons (outer (cos θ, sin θ), inner (1 − cos θ, ½ − sin θ)), shifted and scaled by 0.6. */
  moons(cls, _classes, r) {
    const th = r() * Math.PI;
    const [x, y] = cls === 0 ? [Math.cos(th), Math.sin(th)] : [1 - Math.cos(th), 0.5 - Math.sin(th)];
    return [(x - 0.5) * 0.6, (y - 0.25) * 0.6];
  },
  /** Ring `cls` of radius 0.3 … 0.9, evenly spaced. */
  circles(cls, classes, r) {
    const th = r() * 2 * Math.PI,
      radius = 0.3 + (0.6 * cls) / (classes - 1);
    return [radius * Math.cos(th), radius * Math.sin(th)];
  },
};

function check(name: string, v: number, lo: number, hi: number, integer: boolean): void {
  if (!Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
    throw new Error(
      `point set: ${name} must be ${integer ? 'an integer' : 'a number'} in [${lo}, ${hi}], received ${v}`,
    );
}

export function generatePoints(set: PointSet, o: GenerateOptions): Points {
  const kind = pickOption('point set', POINT_SETS, set);
  check('count', o.count, 2, MAX_GENERATED, true);
  check(`${kind} classes`, o.classes, 2, SET_MAX_CLASSES[kind], true);
  check('noise', o.noise, 0, MAX_NOISE, false);
  const r = mulberry32(o.seed);
  const points: [number, number][] = [],
    labels: number[] = [];
  for (let i = 0; i < o.count; i++) {
    const cls = i % o.classes;
    const [x, y] = DRAW[kind](cls, o.classes, r);
    points.push([x + (r() * 2 - 1) * o.noise, y + (r() * 2 - 1) * o.noise]);
    labels.push(cls);
  }
  return { points, labels };
}

/** Index of the point nearest (x, y) within `within` (plane units), or -1: what a remove-click takes away. */
export function nearestPoint(points: readonly (readonly [number, number])[], x: number, y: number, within: number) {
  let best = -1,
    bestD = within * within;
  points.forEach(([px, py], i) => {
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d <= bestD) [best, bestD] = [i, d];
  });
  return best;
}
