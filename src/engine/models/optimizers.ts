import * as tf from '@tensorflow/tfjs-core';
import { OPTIMIZERS, pickOption, type OptimizerName } from '../../shared/options';

const MAKERS: Record<OptimizerName, (lr: number) => tf.Optimizer> = {
  adam: (lr) => tf.train.adam(lr),
  sgd: (lr) => tf.train.sgd(lr),
  momentum: (lr) => tf.train.momentum(lr, 0.9),
};

export function makeOptimizer(name: string, learningRate: number): tf.Optimizer {
  return MAKERS[pickOption('optimizer', OPTIMIZERS, name)](learningRate);
}
