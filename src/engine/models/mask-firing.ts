/**
 * Mask health per unit, for the lattice views: on the evaluation samples, how often each unit's mask is
 * above the active level (firing), overall and per class (computed by ./unit-firing, as for kWTA codes).
 * A unit that never fires is dead, one that always fires is always on; the per-class rates show which
 * digits each part of the grid serves.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SomGate } from '../layers/mask/som-gate';
import { activeLevel } from '../layers/mask/mask-table';
import { unitFiring, type Firing } from './unit-firing';

export type { Firing } from './unit-firing';

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
  try {
    return await unitFiring(on, labels, nClasses);
  } finally {
    on.dispose();
  }
}
