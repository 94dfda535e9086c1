import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeGrid } from '../../shared/som-math';
import { Som } from './som';
import { naiveWinner, randomData, stepAndCompare } from './train.test-helper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * The batch rule sample by sample in float64:
 * w_j ← (1 − α)w_j + α·Σ h(c(i), j)·x_i / Σ h(c(i), j), or w_j if Σh = 0.
 */
function naiveBatch(
  w0: Float32Array,
  xs: Float32Array,
  d: number,
  nUnits: number,
  h: (a: number, b: number) => number,
  alpha = 1,
): Float64Array {
  const n = xs.length / d,
    win = Array.from({ length: n }, (_, i) => naiveWinner(w0, xs, i, d, nUnits));
  const out = Float64Array.from(w0);
  for (let j = 0; j < nUnits; j++) {
    const num = new Float64Array(d);
    let den = 0;
    for (let i = 0; i < n; i++) {
      const hij = h(win[i]!, j);
      den += hij;
      for (let k = 0; k < d; k++) num[k]! += hij * xs[i * d + k]!;
    }
    if (den > 0) for (let k = 0; k < d; k++) out[j * d + k] = (1 - alpha) * w0[j * d + k]! + (alpha * num[k]!) / den;
  }
  return out;
}

/** Hex offset-row distance², written out from the definition rather than read from grid.dist2. */
function hexD2(a: number, b: number, cols: number): number {
  const pos = (u: number) => {
    const r = Math.floor(u / cols),
      c = u % cols;
    return [(r * Math.sqrt(3)) / 2, c + (r % 2) * 0.5] as const;
  };
  const [ya, xa] = pos(a),
    [yb, xb] = pos(b);
  return (ya - yb) ** 2 + (xa - xb) ** 2;
}

describe('batch training against a naive loop', () => {
  const g = makeGrid(3, 4, 'hex'),
    d = 5,
    n = 40,
    sigma = 1.3;
  const w0 = randomData(g.n, d, 1),
    xs = randomData(n, d, 2);
  const gauss = (a: number, b: number) => Math.exp(-hexD2(a, b, 4) / (2 * sigma * sigma));

  it('trainBatch: W = hᵀX / Σh on a hex map', async () => {
    const som = new Som(g, d);
    await stepAndCompare(som, w0, xs, (x) => som.trainBatch(x, sigma), naiveBatch(w0, xs, d, g.n, gauss));
    som.dispose();
  });

  it('trainBatchBlended: (1 − α)W + α·hᵀX / Σh; α above 1 acts as 1', async () => {
    const som = new Som(g, d);
    await stepAndCompare(
      som,
      w0,
      xs,
      (x) => som.trainBatchBlended(x, sigma, 0.3),
      naiveBatch(w0, xs, d, g.n, gauss, 0.3),
    );
    await stepAndCompare(som, w0, xs, (x) => som.trainBatchBlended(x, sigma, 2), naiveBatch(w0, xs, d, g.n, gauss, 1));
    som.dispose();
  });

  it('more rows than one chunk, bubble: unreached neurons keep their vectors', async () => {
    // 1×6 chain, codebook 0..5 on a line in 2-D; data in [0, 1.4]² wins only units 0 and 1, so with a bubble of
    // radius 1 units 3, 4 and 5 get Σh = 0 and must keep their rows. 5 000 rows make two chunks of ≤ 4 096.
    const chain = makeGrid(1, 6, 'chain'),
      w = Float32Array.from({ length: 12 }, (_, i) => Math.floor(i / 2));
    const big = randomData(5000, 2, 3, 1.4);
    const bubble = (a: number, b: number) => ((a - b) ** 2 <= 1 ? 1 : 0);
    const expected = naiveBatch(w, big, 2, 6, bubble, 0.5);
    expect(Array.from(expected.subarray(6))).toEqual([3, 3, 4, 4, 5, 5]);
    const som = new Som(chain, 2, 'bubble');
    await stepAndCompare(som, w, big, (x) => som.trainBatchBlended(x, 1, 0.5), expected);
    som.dispose();
  });

  it('mexican-hat with Σh ≤ 0 keeps the row instead of dividing by it', async () => {
    // 1×5 chain, σ = 1: h = 1, 0, −3e^(−2) at d = 0, 1, 2. Every sample wins unit 0, so unit 2 gets Σh < 0 and
    // unit 1 Σh = 0: both keep their rows; unit 0 moves to the sample mean.
    const som = new Som(makeGrid(1, 5, 'chain'), 1, 'mexican-hat');
    som.setCodebook(new Float32Array([0, 10, 20, 30, 40]));
    const x = tf.tensor2d([[1], [2], [3]]);
    som.trainBatch(x, 1);
    expect(Array.from(await som.getCodebook())).toEqual([2, 10, 20, 30, 40]);
    som.dispose();
    x.dispose();
  });
});
