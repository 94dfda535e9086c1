/** A tiny image dataset for model tests: 8×8 images of three classes that a SOM separates in a few steps. */
import { mulberry32 } from '../../shared/random';
import type { Dataset, Split } from '../data/types';

export const SHAPE_SIZE = 8;
const H = SHAPE_SIZE;

/** 8×8 images of three classes (top half, left half, centre square lit) under uniform noise of width 0.4. */
function shapes(n: number, seed: number): Split {
  const r = mulberry32(seed),
    x = new Float32Array(n * H * H),
    y = new Int32Array(n);
  const lit = [
    (p: number) => p < H / 2,
    (_: number, q: number) => q < H / 2,
    (p: number, q: number) => p >= 2 && p < 6 && q >= 2 && q < 6,
  ];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y[i] = c;
    for (let p = 0; p < H; p++)
      for (let q = 0; q < H; q++) x[i * H * H + p * H + q] = (lit[c]!(p, q) ? 0.6 : 0) + r() * 0.4;
  }
  return { x, y, count: n };
}

/** 96 training and 48 test images. */
export const shapesData = (): Dataset => ({
  name: 'shapes',
  format: 'builtin',
  source: 'test',
  shape: [H, H, 1],
  classes: ['top', 'left', 'centre'],
  train: shapes(96, 1),
  test: shapes(48, 2),
  warnings: [],
});
