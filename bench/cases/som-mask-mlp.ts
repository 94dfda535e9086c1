/** The MLP with both hidden layers SOM-masked (16×16 maps), each map trained by one Kohonen step per batch. */
import * as tfl from '@tensorflow/tfjs-layers';
import { SomMaskDense } from '../../src/engine/layers/mask';
import { maskedTrainer } from './nets-layers';
import { MLP_MACS } from './nets-raw';
import type { BenchCase } from './types';

export const somMaskMlp: BenchCase = {
  name: 'som-mask mlp 784-256(16×16)-256(16×16)-10 b128',
  batch: 128,
  // + SOM distances in the forward pass (2·D·N per layer) and the Kohonen step (≈ 4·D·N per layer)
  flopsPerSample: 6 * MLP_MACS + 6 * (784 * 256 + 256 * 256),
  async setup(tf) {
    const masks = [
      new SomMaskDense({ rows: 16, cols: 16, sigmaFwd: 3, name: 'fc1' }),
      new SomMaskDense({ rows: 16, cols: 16, sigmaFwd: 3, name: 'fc2' }),
    ];
    return maskedTrainer(tf, [784], 128, [...masks, tfl.layers.dense({ units: 10 })], masks);
  },
};
