import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SomInit } from '../../shared/options';
import { makeGrid } from '../../shared/som-math';
import { onlineUpdate } from './online';
import { Som } from './som';
import { naiveWinner, randomData, stepAndCompare } from './train.test-helper';

beforeAll(async () => {
  await tf.setBackend('cpu');
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
