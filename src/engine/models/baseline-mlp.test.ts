import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import type { Dataset } from '../data/types';
import { mulberry32 } from '../../shared/random';
import { buildBaselineMlp } from './baseline-mlp';

/** Two Gaussian blobs in 4-D: linearly separable, so a small MLP must reach ~100 %. */
function blobs(n: number, seed: number): Dataset['train'] {
  const r = mulberry32(seed);
  const x = new Float32Array(n * 4),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let d = 0; d < 4; d++) x[i * 4 + d] = (y[i] ? 1 : -1) + (r() - 0.5);
  }
  return { x, y, count: n };
}

const data: Dataset = {
  name: 'blobs',
  format: 'builtin',
  source: 'test',
  shape: [4],
  classes: ['a', 'b'],
  train: blobs(256, 1),
  test: blobs(64, 2),
  warnings: [],
};
const spec = (seed = 0) =>
  parseSpec({
    kind: 'baseline-mlp',
    seed,
    dataset: { source: 'builtin', name: 'spirals' },
    epochs: 3,
    batchSize: 32,
    hidden: [8],
    learningRate: 0.05,
  });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function train(seed: number) {
  const s = spec(seed);
  if (s.kind !== 'baseline-mlp') throw new Error('kind');
  const exp = await buildBaselineMlp(s, data);
  for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
  const m = await exp.finalMetrics();
  const files = await exp.save();
  exp.dispose();
  return { m, files };
}

describe('baseline MLP', () => {
  it('learns a separable task, deterministically, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const a = await train(5);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.m.testAccuracy).toBeGreaterThan(0.95);
    const b = await train(5);
    expect(b.m.testLoss).toBe(a.m.testLoss);
    expect(a.files.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    // 4→8→2 dense: (4*8+8)+(8*2+2) = 58 floats.
    expect((a.files[1]!.data as Uint8Array).byteLength).toBe(58 * 4);
  });

  it('refuses an unlabelled dataset', async () => {
    const s = spec();
    if (s.kind !== 'baseline-mlp') throw new Error('kind');
    await expect(buildBaselineMlp(s, { ...data, classes: [] })).rejects.toThrow(/needs a labelled dataset/);
  });
});
