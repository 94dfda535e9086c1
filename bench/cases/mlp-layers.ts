/** The MLP of mlp-raw built by the engine's buildMlp (tfjs-layers), trained as runs train it. */
import { buildMlp } from '../../src/engine/models/baseline-mlp';
import { layersTrainer, MLP_MACS } from './nets-layers';
import type { BenchCase } from './types';

export const mlpLayers: BenchCase = {
  name: 'mlp 784-256-256-10 b128 (layers)',
  batch: 128,
  flopsPerSample: 6 * MLP_MACS,
  ref: 'mlp_784_256_256_10_b128',
  async setup(tf) {
    return layersTrainer(
      tf,
      buildMlp(784, [256, 256], 10, { activation: 'relu', dropout: 0, init: 'glorot', seed: 0 }),
      [784],
      128,
    );
  },
};
