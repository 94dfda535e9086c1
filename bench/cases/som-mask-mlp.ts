/** The MLP with both hidden layers SOM-masked (16×16 maps), each map trained by one Kohonen step per batch. */
import * as tfl from '@tensorflow/tfjs-layers';
import { SomMaskDense } from '../../src/engine/layers/mask';
import { layersTrainer, MLP_MACS } from './nets-layers';
import type { BenchCase } from './types';

export const somMaskMlp: BenchCase = {
  name: 'som-mask mlp 784-256(16×16)-256(16×16)-10 b128',
  batch: 128,
  // + SOM distances in the forward pass (2·D·N per layer) and the Kohonen step (≈ 4·D·N per layer)
  flopsPerSample: 6 * MLP_MACS + 6 * (784 * 256 + 256 * 256),
  async setup(tf) {
    const model = tfl.sequential();
    model.add(tfl.layers.inputLayer({ inputShape: [784] }));
    const masks = [
      new SomMaskDense({ rows: 16, cols: 16, sigmaFwd: 3, name: 'fc1' }),
      new SomMaskDense({ rows: 16, cols: 16, sigmaFwd: 3, name: 'fc2' }),
    ];
    for (const m of masks) model.add(m);
    model.add(tfl.layers.dense({ units: 10 }));
    return layersTrainer(tf, model, [784], 128, () => masks.forEach((m) => m.trainSom(1, 0.1)));
  },
};
