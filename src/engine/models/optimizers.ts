import * as tf from '@tensorflow/tfjs-core';
import { OPTIMIZERS, pickOption, type OptimizerName } from '../../shared/options';
import { FusedAdam } from '../optim/adam';

const MAKERS: Record<OptimizerName, (lr: number) => tf.Optimizer> = {
  // tfjs's Adam (β 0.9, 0.999, ε the backend's), one fused kernel per variable on cpu and wasm.
  adam: (lr) => new FusedAdam(lr),
  sgd: (lr) => tf.train.sgd(lr),
  momentum: (lr) => tf.train.momentum(lr, 0.9),
};

export function makeOptimizer(name: string, learningRate: number): tf.Optimizer {
  return MAKERS[pickOption('optimizer', OPTIMIZERS, name)](learningRate);
}

/** A classifier spec's training fields as ClassifierExperiment takes them: epochs, batch size, optimizer, L2. */
export function trainingOf(spec: {
  epochs: number;
  batchSize: number;
  optimizer: string;
  learningRate: number;
  l2: number;
}): { epochs: number; batchSize: number; optimizer: tf.Optimizer; l2: number } {
  return {
    epochs: spec.epochs,
    batchSize: spec.batchSize,
    optimizer: makeOptimizer(spec.optimizer, spec.learningRate),
    l2: spec.l2,
  };
}
