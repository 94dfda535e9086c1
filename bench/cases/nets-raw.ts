/** Shared pieces of the raw-op network cases: seeded Glorot weights, fixed labels, an Adam step. */
import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import type { Tf, Workload } from './types';

export function glorot(tf: Tf, shape: number[], fanIn: number, fanOut: number, seed: number): Variable {
  const lim = Math.sqrt(6 / (fanIn + fanOut));
  return tf.variable(tf.randomUniform(shape, -lim, lim, 'float32', seed));
}

export function oneHotLabels(tf: Tf, batch: number, classes: number): Tensor {
  return tf.tidy(() =>
    tf.oneHot(
      tf.tensor1d(
        Int32Array.from({ length: batch }, (_, i) => i % classes),
        'int32',
      ),
      classes,
    ),
  );
}

/**
 * Adam on `loss` with the loss read back each step (a step is done when its loss is read; on wasm and cpu
 * this costs nothing, on GPU backends it is the synchronisation a training loop pays when it logs).
 */
export function adamTrainer(tf: Tf, loss: () => Scalar, owned: Tensor[]): Workload {
  const opt = tf.train.adam(1e-3);
  return {
    async step() {
      const cost = opt.minimize(loss, true)!;
      await cost.data();
      cost.dispose();
    },
    dispose() {
      opt.dispose();
      tf.dispose(owned);
    },
  };
}
