import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { SomGate } from './som-gate';

// A 1×3 chain (codebook 0, 1, 2 on a line), σ_fwd = 2: m = exp(−d²/8) → 1, 0.8825, 0.6065 from the winner.
const gate = (thresholdAt?: 'eval') =>
  new SomGate(
    1,
    3,
    'rect',
    1,
    tf.variable(tf.tensor2d([[0], [1], [2]])),
    { sigmaFwd: 2, threshold: 0.9, thresholdAt },
    0,
  );

describe('threshold θ in training and evaluation, or at evaluation only', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('cuts the mask at θ in both modes by default', async () => {
    const g = gate();
    const x = tf.tensor2d([[0]]);
    expect(await g.mask(x, false, undefined, true)!.array()).toEqual([[1, 0, 0]]);
    expect(await g.mask(x, false, undefined, false)!.array()).toEqual([[1, 0, 0]]);
  });

  it("with thresholdAt 'eval', training masks keep the whole Gaussian", async () => {
    const g = gate('eval');
    const x = tf.tensor2d([[0]]);
    const train = (await g.mask(x, false, undefined, true)!.array()) as number[][];
    expect(train[0]!.map((v) => Number(v.toFixed(4)))).toEqual([1, 0.8825, 0.6065]);
    expect(await g.mask(x, false, undefined, false)!.array()).toEqual([[1, 0, 0]]);
  });
});
