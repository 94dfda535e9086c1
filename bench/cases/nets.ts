/** The MLP and LeNet workloads, and their SOM-masked twins, trained exactly as runs train them. */
import * as tfl from '@tensorflow/tfjs-layers';
import { buildMlp } from '../../src/engine/models/baseline-mlp';
import { buildLenet } from '../../src/engine/models/baseline-cnn';
import { parseSpec } from '../../src/shared/validate';
import type { SpecOf } from '../../src/shared/spec';
import { SomMaskConv, SomMaskDense } from '../../src/engine/layers/mask';
import type { BenchCase } from './types';

type Tf = typeof import('@tensorflow/tfjs-core');

function trainer(tf: Tf, model: tfl.LayersModel, inShape: number[], batch: number, after?: () => void) {
  const x = tf.randomUniform([batch, ...inShape], 0, 1, 'float32', 3);
  const y = tf.oneHot(tf.tensor1d(Int32Array.from({ length: batch }, (_, i) => i % 10), 'int32'), 10);
  model.apply(x, { training: false }); // build the weights before the optimiser looks for them
  const opt = tf.train.adam(1e-3);
  return {
    async step() {
      const loss = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as import('@tensorflow/tfjs-core').Tensor) as import('@tensorflow/tfjs-core').Scalar, true);
      after?.();
      await loss!.data(); // the loss read-back each step, as a training loop that logs it would
      loss!.dispose();
    },
    dispose() { model.dispose(); opt.dispose(); tf.dispose([x, y]); },
  };
}

const MLP_FLOPS = 6 * (784 * 256 + 256 * 256 + 256 * 10);
// conv1: 28·28·16·25 MACs, conv2: 14·14·32·16·25, dense 1568·128 + 128·10; ×2 for FLOPs, ×3 for fwd+bwd.
const CNN_FLOPS = 6 * (28 * 28 * 16 * 25 + 14 * 14 * 32 * 16 * 25 + 1568 * 128 + 128 * 10);

export const mlp: BenchCase = {
  name: 'mlp 784-256-256-10 b128', batch: 128, flopsPerSample: MLP_FLOPS,
  async setup(tf) { return trainer(tf, buildMlp(784, [256, 256], 10, { activation: 'relu', dropout: 0, init: 'glorot', seed: 0 }), [784], 128); },
};

export const somMaskMlp: BenchCase = {
  name: 'som-mask mlp 784-256(16×16)-256(16×16)-10 b128', batch: 128,
  // + SOM distances in forward (2·D·N per layer) + Kohonen step (≈ 4·D·N per layer)
  flopsPerSample: MLP_FLOPS + 6 * (784 * 256 + 256 * 256),
  async setup(tf) {
    const model = tfl.sequential();
    model.add(tfl.layers.inputLayer({ inputShape: [784] }));
    const masks = [new SomMaskDense({ rows: 16, cols: 16, sigmaFwd: 3, name: 'fc1' }), new SomMaskDense({ rows: 16, cols: 16, sigmaFwd: 3, name: 'fc2' })];
    for (const m of masks) model.add(m);
    model.add(tfl.layers.dense({ units: 10 }));
    return trainer(tf, model, [784], 128, () => masks.forEach((m) => m.trainSom(1, 0.1)));
  },
};

const lenetSpec = parseSpec({ kind: 'baseline-cnn', dataset: { source: 'builtin', name: 'mnist' }, filters: [16, 32], kernel: 5, dense: 128 }) as SpecOf<'baseline-cnn'>;

export const cnn: BenchCase = {
  name: 'cnn lenet b64', batch: 64, flopsPerSample: CNN_FLOPS,
  async setup(tf) { return trainer(tf, buildLenet([28, 28, 1], 10, lenetSpec), [28, 28, 1], 64); },
};

export const somMaskCnn: BenchCase = {
  name: 'som-mask cnn lenet(4×4, 4×8 channels) b64', batch: 64,
  flopsPerSample: CNN_FLOPS + 6 * (784 * 16 + 14 * 14 * 16 * 32),
  async setup(tf) {
    const model = tfl.sequential();
    model.add(tfl.layers.inputLayer({ inputShape: [28, 28, 1] }));
    const masks = [new SomMaskConv({ rows: 4, cols: 4, kernelSize: 5, sigmaFwd: 2, name: 'conv1' }), new SomMaskConv({ rows: 4, cols: 8, kernelSize: 5, sigmaFwd: 2, name: 'conv2' })];
    model.add(masks[0]!); model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(masks[1]!); model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tfl.layers.flatten()); model.add(tfl.layers.dense({ units: 128, activation: 'relu' })); model.add(tfl.layers.dense({ units: 10 }));
    return trainer(tf, model, [28, 28, 1], 64, () => masks.forEach((m) => m.trainSom(1, 0.1)));
  },
};
