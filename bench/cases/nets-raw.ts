/**
 * Shared pieces of the network cases: each network's size and reference, seeded Glorot weights, fixed labels,
 * an Adam step.
 */
import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import type { BenchCase, Tf, Workload } from './types';

/** Multiply-adds per sample of the MLP 784-256-256-10. */
export const MLP_MACS = 784 * 256 + 256 * 256 + 256 * 10;
/** LeNet's: conv1 28·28·16·25, conv2 14·14·32·(16·25), dense 1568·128 + 128·10. */
export const CNN_MACS = 28 * 28 * 16 * 25 + 14 * 14 * 32 * 16 * 25 + 1568 * 128 + 128 * 10;

type NetFields = Pick<BenchCase, 'batch' | 'flopsPerSample' | 'ref'>;
// 2 FLOPs per MAC, ×3 for forward, dx and dW (LeNet's conv1 needs no dx: a slight over-count).
/** What the raw-op and the layers case of the MLP share: batch 128, its FLOPs and its reference figure. */
export const MLP_CASE: NetFields = { batch: 128, flopsPerSample: 6 * MLP_MACS, ref: 'mlp_784_256_256_10_b128' };
/** The same for LeNet, batch 64. */
export const CNN_CASE: NetFields = { batch: 64, flopsPerSample: 6 * CNN_MACS, ref: 'cnn_lenet_b64' };

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
