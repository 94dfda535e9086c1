/**
 * Unit health for the lattice views, one computation for every layer that has on/off units: from a 0/1
 * activity [B, N] of labelled samples (a mask layer's "mask above its active level", a kWTA code, which
 * ReLU units fire), the fraction of samples each unit fires for, overall and per class. Dead and always-on
 * are read off these rates by src/shared/map/firing.ts.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface Firing {
  /** [N]: fraction of samples the unit fires for. */
  firing: Float32Array;
  /** [N × classes]: fraction of each class's samples the unit fires for (unit-major). */
  firingByClass?: Float32Array;
}

/**
 * Rates of `on` [B, N] (0/1 values); per class only when labels [B] (in 0..nClasses−1; others count for no
 * class) come with nClasses > 0. A class with no sample has rate 0 for every unit. Does not dispose `on`.
 */
export async function unitFiring(on: tf.Tensor2D, labels: Int32Array, nClasses: number): Promise<Firing> {
  const mean = tf.mean(on, 0);
  const firing = new Float32Array(await mean.data());
  mean.dispose();
  if (nClasses <= 0 || labels.length !== on.shape[0]) return { firing };
  const byClass = tf.tidy(() => {
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), nClasses) as tf.Tensor2D; // [B, C]
    const counts = tf.maximum(tf.sum(oneHot, 0), 1); // [C]
    return tf.div(tf.matMul(on, oneHot, true, false), counts); // [N, C]
  });
  const firingByClass = new Float32Array(await byClass.data());
  byClass.dispose();
  return { firing, firingByClass };
}
