/** Training a tfjs-layers model as runs train them (model.apply inside Adam's minimize, no read-back). */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';
import { oneHotLabels, readOne } from './nets-raw';
import type { Tf, Workload } from './types';

export function layersTrainer(
  tf: Tf,
  model: tfl.LayersModel,
  inShape: number[],
  batch: number,
  after?: () => void,
): Workload {
  const x = tf.randomUniform([batch, ...inShape], 0, 1, 'float32', 3);
  const y = oneHotLabels(tf, batch, 10);
  tf.dispose(model.apply(x, { training: false }) as Tensor); // builds the weights before the optimiser looks for them
  const opt = tf.train.adam(1e-3);
  return {
    step() {
      opt.minimize(
        () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as Tensor) as Scalar,
        false,
      );
      after?.();
    },
    sync: () => readOne(tf, model.trainableWeights[0]!.read()),
    dispose() {
      model.dispose();
      opt.dispose();
      tf.dispose([x, y]);
    },
  };
}

export const MLP_MACS = 784 * 256 + 256 * 256 + 256 * 10;
export const CNN_MACS = 28 * 28 * 16 * 25 + 14 * 14 * 32 * 16 * 25 + 1568 * 128 + 128 * 10;
