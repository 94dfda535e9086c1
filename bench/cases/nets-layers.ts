/** Training a tfjs-layers model as runs train them (model.apply inside Adam's minimize, no read-back). */
import * as tfl from '@tensorflow/tfjs-layers';
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

/** The masks' SOM step that a masked model's training does after each batch (σ_org 1, α 0.1). */
export interface Masked {
  trainSom(sigmaOrg: number, alpha: number): void;
}

/** A sequential model of `layers` on inputs of `inShape`, trained as above, each mask's SOM stepped per batch. */
export function maskedTrainer(
  tf: Tf,
  inShape: number[],
  batch: number,
  layers: tfl.layers.Layer[],
  masks: Masked[],
): Workload {
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: inShape }));
  for (const l of layers) model.add(l);
  return layersTrainer(tf, model, inShape, batch, () => masks.forEach((m) => m.trainSom(1, 0.1)));
}
