// Fixtures shared by the SOM training test files: seeded data, a naive BMU and a set-step-read comparison.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { mulberry32 } from '../../shared/random';
import type { Som } from './som';

export function randomData(n: number, d: number, seed: number, scale = 1): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n * d }, () => r() * scale);
}

/** Plain-JS best-matching unit of row i (ties to the lowest index). */
export function naiveWinner(w: ArrayLike<number>, xs: Float32Array, i: number, d: number, nUnits: number): number {
  let best = 0,
    bestD = Infinity;
  for (let j = 0; j < nUnits; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (xs[i * d + k]! - w[j * d + k]!) ** 2;
    if (s < bestD) {
      bestD = s;
      best = j;
    }
  }
  return best;
}

export async function stepAndCompare(
  som: Som,
  w0: Float32Array,
  xs: Float32Array,
  step: (x: tf.Tensor2D) => void | Promise<void>,
  expected: Float64Array,
): Promise<void> {
  som.setCodebook(w0);
  const x = tf.tensor2d(xs, [xs.length / som.dim, som.dim]);
  await step(x);
  const got = await som.getCodebook();
  x.dispose();
  expect(got.length).toBe(expected.length);
  for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(expected[i]!, 4);
}
