import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SomInit } from '../../shared/options';
import { mulberry32 } from '../../shared/random';
import { makeGrid } from '../../shared/som-math';
import { onlineUpdate } from './online';
import { Som } from './som';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomData(n: number, d: number, seed: number, scale = 1): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n * d }, () => r() * scale);
}

/** Plain-JS best-matching unit of row i (ties to the lowest index). */
function naiveWinner(w: ArrayLike<number>, xs: Float32Array, i: number, d: number, nUnits: number): number {
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

async function stepAndCompare(
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

describe('online training against a naive loop', () => {
  it('trainOnline equals w ← w + α·h·(x − w) sample by sample on a rect map', async () => {
    const g = makeGrid(3, 3, 'rect'),
      d = 2,
      sigma = 1.2,
      alpha = 0.3;
    const w0 = randomData(9, d, 4),
      xs = randomData(25, d, 5);
    const ref = Float64Array.from(w0);
    for (let i = 0; i < 25; i++) {
      const b = naiveWinner(ref, xs, i, d, 9);
      for (let j = 0; j < 9; j++) {
        const d2 = (Math.floor(b / 3) - Math.floor(j / 3)) ** 2 + ((b % 3) - (j % 3)) ** 2;
        const a = alpha * Math.exp(-d2 / (2 * sigma * sigma));
        for (let k = 0; k < d; k++) ref[j * d + k]! += a * (xs[i * d + k]! - ref[j * d + k]!);
      }
    }
    const som = new Som(g, d);
    await stepAndCompare(som, w0, xs, (x) => som.trainOnline(x, sigma, alpha), ref);
    som.dispose();
  });

  it('onlineUpdate moves the BMU of a single sample by α·(x − w)', () => {
    const g = makeGrid(1, 3, 'chain');
    const w = new Float32Array([0, 1, 2]);
    onlineUpdate(w, new Float32Array([0.5]), 1, g, (d2) => (d2 === 0 ? 1 : d2 === 1 ? 0.5 : 0), 0.2);
    // BMU 0 (tie at 0.5 goes to the first): w0 += 0.2·1·0.5; w1 += 0.2·0.5·(0.5 − 1); w2 unchanged.
    expect(w[0]).toBeCloseTo(0.1);
    expect(w[1]).toBeCloseTo(0.95);
    expect(w[2]).toBe(2);
  });
});

describe('determinism and memory', () => {
  it('same seed, same codebook; another seed, another codebook', async () => {
    const data = tf.tensor2d(randomData(200, 3, 5), [200, 3]);
    const run = async (seed: number, init: SomInit) => {
      const som = new Som(makeGrid(4, 4, 'rect'), 3, 'gaussian', seed);
      await som.initFrom(data, init);
      for (let i = 0; i < 5; i++) som.trainBatchBlended(data, 2, 0.5);
      const w = await som.getCodebook();
      som.dispose();
      return Array.from(w);
    };
    for (const init of ['random', 'samples'] as const) {
      expect(await run(1, init)).toEqual(await run(1, init));
      expect(await run(1, init)).not.toEqual(await run(2, init));
    }
    data.dispose();
  });

  it('holds tf.memory().numTensors flat over 100 trainBatch steps, a chunked step and the read-backs', async () => {
    const data = tf.tensor2d(randomData(64, 3, 6), [64, 3]),
      big = tf.tensor2d(randomData(4100, 3, 7), [4100, 3]);
    const som = new Som(makeGrid(5, 5, 'torus'), 3);
    await som.initFrom(data, 'samples');
    som.trainBatch(data, 2); // the first step builds the cached neighbourhood tensor
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) som.trainBatch(data, 2);
    som.trainBatchBlended(big, 2, 0.5);
    await som.quality(big);
    await som.classMap(big, new Int32Array(4100), 1);
    expect(tf.memory().numTensors).toBe(before);
    som.dispose();
    tf.dispose([data, big]);
  });
});
