import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { buildBaselineCnn } from './baseline-cnn';
import { halvesData } from './halves.test-helper';

const data = halvesData(64, 16);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('baseline CNN (LeNet)', () => {
  it('has the LeNet layer stack, learns, and does not leak', async () => {
    const spec = parseSpec({
      kind: 'baseline-cnn',
      dataset: { source: 'builtin', name: 'mnist' },
      filters: [4, 8],
      kernel: 3,
      dense: 16,
      dropout: 0.2,
      dropout2d: 0.1,
      epochs: 4,
      batchSize: 16,
      learningRate: 0.01,
    }) as SpecOf<'baseline-cnn'>;
    const before = tf.memory().numTensors;
    const exp = await buildBaselineCnn(spec, data);
    for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
    const m = await exp.finalMetrics();
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(m.testAccuracy).toBeGreaterThan(0.9);
  });

  it('refuses non-image data', async () => {
    const spec = parseSpec({
      kind: 'baseline-cnn',
      dataset: { source: 'builtin', name: 'mnist' },
    }) as SpecOf<'baseline-cnn'>;
    await expect(buildBaselineCnn(spec, { ...data, shape: [64] })).rejects.toThrow(
      'baseline-cnn needs images (shape [h, w, c]); halves has samples of shape [64]',
    );
  });
});
