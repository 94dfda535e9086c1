/** A tiny two-class image dataset for model tests: 8×8 grey images lit on the left or the right half. */
import { mulberry32 } from '../../shared/random';
import type { Dataset, Split } from '../data/types';

/** n images, class i % 2 (0: left half bright, 1: right half bright), 0.8 on the lit half, under noise 0.2. */
function halves(n: number, seed: number): Split {
  const r = mulberry32(seed);
  const x = new Float32Array(n * 64),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let p = 0; p < 64; p++) x[i * 64 + p] = (p % 8 < 4 === (y[i] === 0) ? 0.8 : 0.1) + 0.2 * r();
  }
  return { x, y, count: n };
}

/** `train` training and `test` test images, each split from its own seed. */
export const halvesData = (train: number, test: number): Dataset => ({
  name: 'halves',
  format: 'builtin',
  source: 'test',
  shape: [8, 8, 1],
  classes: ['left', 'right'],
  train: halves(train, 1),
  test: halves(test, 2),
  warnings: [],
});
