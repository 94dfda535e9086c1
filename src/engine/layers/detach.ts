/**
 * tfjs has no stopGradient: `constantOf(x, fn)` runs fn(x) as one custom op whose gradient w.r.t. x is
 * zero. The ops inside are not taped, so backprop skips them entirely (argMin's zero gradient would
 * otherwise still cost a full distance matmul on the way back).
 */
import * as tf from '@tensorflow/tfjs-core';

export function constantOf<T extends tf.Tensor>(x: tf.Tensor, fn: (x: tf.Tensor) => T): T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    return { value: fn(input), gradFunc: () => tf.zerosLike(input) };
  });
  return op(x) as T;
}
