/** LeNet with both convolutions SOM-masked per channel (4×4 and 4×8 maps), one Kohonen step per batch. */
import * as tfl from '@tensorflow/tfjs-layers';
import { SomMaskConv } from '../../src/engine/layers/mask';
import { maskedTrainer } from './nets-layers';
import { CNN_MACS } from './nets-raw';
import type { BenchCase } from './types';

export const somMaskCnn: BenchCase = {
  name: 'som-mask cnn lenet(4×4, 4×8 channels) b64',
  batch: 64,
  flopsPerSample: 6 * CNN_MACS + 6 * (784 * 16 + 14 * 14 * 16 * 32),
  async setup(tf) {
    const conv1 = new SomMaskConv({ rows: 4, cols: 4, kernelSize: 5, sigmaFwd: 2, name: 'conv1' });
    const conv2 = new SomMaskConv({ rows: 4, cols: 8, kernelSize: 5, sigmaFwd: 2, name: 'conv2' });
    const pool = () => tfl.layers.maxPooling2d({ poolSize: 2 });
    const head = [tfl.layers.flatten(), tfl.layers.dense({ units: 128, activation: 'relu' })];
    const layers = [conv1, pool(), conv2, pool(), ...head, tfl.layers.dense({ units: 10 })];
    return maskedTrainer(tf, [28, 28, 1], 64, layers, [conv1, conv2]);
  },
};
