/** For the mask-layer tests: tensors alive after one warm-up step and after `n` more (gradient + Kohonen). */
import * as tf from '@tensorflow/tfjs-core';
import type { SomMaskBase } from './som-mask-base';

export function tensorsAcrossSteps(
  layer: SomMaskBase,
  x: tf.Tensor,
  n: number,
  lr = 0.01,
): { before: number; after: number } {
  layer.apply(x); // build the weights before the optimiser looks for them
  const opt = tf.train.sgd(lr);
  const step = (): void => {
    opt.minimize(() => tf.sum(layer.apply(x, { training: true }) as tf.Tensor) as tf.Scalar);
    layer.trainSom(1, 0.5);
  };
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < n; i++) step();
  const after = tf.memory().numTensors;
  opt.dispose();
  return { before, after };
}
