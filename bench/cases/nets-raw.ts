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

/** Waits for the queued work that wrote `t` by reading one of its values (a GPU synchronisation). */
export async function readOne(tf: Tf, t: Tensor): Promise<void> {
  const probe = tf.slice(tf.reshape(t, [-1]), 0, 1);
  await probe.data();
  probe.dispose();
}

/**
 * Adam on `loss`, no read-back inside the step (a training loop reads its loss every N steps, asynchronously);
 * `sync` reads one weight, which waits for the step on asynchronous backends.
 */
export function adamTrainer(tf: Tf, loss: () => Scalar, owned: Tensor[]): Workload {
  const opt = tf.train.adam(1e-3);
  return {
    step() {
      opt.minimize(loss, false);
    },
    sync: () => readOne(tf, owned[0]!),
    dispose() {
      opt.dispose();
      tf.dispose(owned);
    },
  };
}
