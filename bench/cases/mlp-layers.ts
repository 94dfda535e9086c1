/** The MLP of mlp-raw built by the engine's buildMlp (tfjs-layers), trained as runs train it. */
import { buildMlp } from '../../src/engine/models/baseline-mlp';
import { layersTrainer } from './nets-layers';
import { MLP_CASE } from './nets-raw';
import type { BenchCase } from './types';

export const mlpLayers: BenchCase = {
  name: 'mlp 784-256-256-10 b128 (layers)',
  ...MLP_CASE,
  async setup(tf) {
    return layersTrainer(
      tf,
      buildMlp(784, [256, 256], 10, { activation: 'relu', dropout: 0, init: 'glorot', seed: 0 }),
      [784],
      MLP_CASE.batch,
    );
  },
};
