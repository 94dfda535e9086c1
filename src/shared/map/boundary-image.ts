/**
 * The decision-boundary panel's pixels, one home for the engine's figure (SVG/PNG/PDF) and the renderer's
 * playground canvas. Two classes: P(class 1) through cividis, as the seed-002 figure; three or more: the
 * predicted class's colour, faded to white as its probability falls to chance (1 / classes).
 */
import type { SomSnapshot } from '../run-types';
import { SCALES, classColour, type Rgb, type ScaleName } from '../charts/colours';

/** The boundary's plane: [-PLANE_EXTENT, PLANE_EXTENT]² sampled PLANE_RES × PLANE_RES, row 0 at the top. */
export const PLANE_EXTENT = 1.2,
  PLANE_RES = 64;

export interface Pixels {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

/** RGBA pixels of a rows × cols grid of values through a colour scale. */
export function scalarPixels(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  scale: ScaleName,
  range: [number, number],
): Pixels {
  const data = new Uint8ClampedArray(rows * cols * 4);
  const span = range[1] - range[0] || 1;
  for (let i = 0; i < rows * cols; i++) {
    data.set([...SCALES[scale]((values[i]! - range[0]) / span), 255], i * 4);
  }
  return { data, width: cols, height: rows };
}

/** The colour of class k's points over that panel: the ends of cividis for two classes, else the class colour. */
export function boundaryClassColour(k: number, classes: number): Rgb {
  return classes <= 2 ? SCALES.cividis(k === 0 ? 0 : 1) : classColour(k);
}

/** A boundary snapshot (codebook P(class 1), classMap the predicted class, hits its probability) as pixels. */
export function boundaryPixels(s: SomSnapshot, classes: number): Pixels {
  if (classes <= 2 || !s.classMap) return scalarPixels(s.codebook, s.rows, s.cols, 'cividis', [0, 1]);
  const n = s.rows * s.cols,
    data = new Uint8ClampedArray(n * 4),
    chance = 1 / classes;
  for (let i = 0; i < n; i++) {
    const c = classColour(s.classMap[i]!),
      t = Math.min(1, Math.max(0, (s.hits[i]! - chance) / (1 - chance)));
    // Even a sure pixel keeps half white, so the points (full colour) stand out on it.
    const k = 0.2 + 0.3 * t;
    data.set([...c.map((v) => Math.round(255 + (v - 255) * k)), 255], i * 4);
  }
  return { data, width: s.cols, height: s.rows };
}
