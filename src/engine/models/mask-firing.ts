/**
 * Mask health per unit, for the lattice views: on the evaluation samples, how often each unit's mask is
 * above the active level (firing), overall and per class. A unit that never fires is dead, one that always
 * fires is always on; the per-class rates show which digits each part of the grid serves.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SomGate } from '../layers/mask/som-gate';
import { activeLevel } from '../layers/mask/mask-table';

export interface Firing {
  /** [N]: fraction of samples the unit fires for. */
  firing: Float32Array;
  /** [N × classes]: fraction of each class's samples the unit fires for (unit-major). */
  firingByClass?: Float32Array;
}

/**
 * Firing of the gate's units for SOM rows [B, D] of labelled samples (labels may be empty); undefined for an
 * unmasked layer (σ_fwd = ∞, a CNN baseline that only organises its SOM): it has no mask to fire.
 */
export async function maskFiring(
  gate: SomGate,
  rows: tf.Tensor2D,
  labels: Int32Array,
  nClasses: number,
): Promise<Firing | undefined> {
  if (!gate.enabled) return undefined;
  const on = tf.tidy(() => {
    const m = gate.mask(rows, false)!;
    return tf.cast(tf.greater(m, activeLevel(gate.opts.threshold)), 'float32') as tf.Tensor2D;
  });
  const firing = new Float32Array(await tf.tidy(() => tf.mean(on, 0)).data());
  if (nClasses <= 0 || labels.length !== rows.shape[0]) {
    on.dispose();
    return { firing };
  }
  const byClass = tf.tidy(() => {
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), nClasses) as tf.Tensor2D; // [B, C]
    const counts = tf.maximum(tf.sum(oneHot, 0), 1); // [C]
    return tf.div(tf.matMul(on, oneHot, true, false), counts); // [N, C]
  });
  const firingByClass = new Float32Array(await byClass.data());
  tf.dispose([on, byClass]);
  return { firing, firingByClass };
}
