/** LeNet with both convolutions SOM-masked per channel (4×4 and 4×8 maps), one Kohonen step per batch. */
import * as tfl from '@tensorflow/tfjs-layers';
import { SomMaskConv } from '../../src/engine/layers/mask';
import { CNN_MACS, layersTrainer } from './nets-layers';
import type { BenchCase } from './types';

export const somMaskCnn: BenchCase = {
  name: 'som-mask cnn lenet(4×4, 4×8 channels) b64',
  batch: 64,
  flopsPerSample: 6 * CNN_MACS + 6 * (784 * 16 + 14 * 14 * 16 * 32),
  async setup(tf) {
    const model = tfl.sequential();
    model.add(tfl.layers.inputLayer({ inputShape: [28, 28, 1] }));
    const masks = [
      new SomMaskConv({ rows: 4, cols: 4, kernelSize: 5, sigmaFwd: 2, name: 'conv1' }),
      new SomMaskConv({ rows: 4, cols: 8, kernelSize: 5, sigmaFwd: 2, name: 'conv2' }),
    ];
    model.add(masks[0]!);
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(masks[1]!);
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tfl.layers.flatten());
    model.add(tfl.layers.dense({ units: 128, activation: 'relu' }));
    model.add(tfl.layers.dense({ units: 10 }));
    return layersTrainer(tf, model, [28, 28, 1], 64, () => masks.forEach((m) => m.trainSom(1, 0.1)));
  },
};
