/**
 * Synaptic scaling for kWTA codes (docs/SCIENCE.md §5, seed 001): track each unit's firing rate (EMA of the
 * batch-mean hard code) and scale its input weights toward the target rate s, so that no unit stays dead
 * or always on; firingEntropy reports how evenly the units share the firing.
 * Scaling multiplies a unit's incoming weights: it raises a silent unit's drive when that drive is
 * positive (as after a ReLU layer); a unit driven only negatively is pushed further down.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface SynapticScalingArgs {
  units: number;
  /** Target firing rate (the kWTA sparsity s). */
  target: number;
  /** EMA weight of the newest batch. Default 0.1. */
  rate?: number;
  /** scale = (target / rate)^gamma. Default 0.5. */
  gamma?: number;
  /** Clip of the per-step scale factor. Default [0.8, 1.25]: strong per-step gains make units take turns. */
  minScale?: number;
  maxScale?: number;
}

function check(what: string, v: number, ok: boolean, expected: string): number {
  if (!ok) throw new Error(`SynapticScaling: ${what} must be ${expected}, received ${v}`);
  return v;
}

export class SynapticScaling {
  readonly target: number;
  private readonly o: Required<Omit<SynapticScalingArgs, 'units' | 'target'>>;
  private rates: tf.Tensor1D;

  constructor(args: SynapticScalingArgs) {
    check('units', args.units, Number.isInteger(args.units) && args.units >= 1, 'an integer ≥ 1');
    this.target = check('target', args.target, args.target > 0 && args.target < 1, 'in (0, 1)');
    const o = {
      rate: args.rate ?? 0.1,
      gamma: args.gamma ?? 0.5,
      minScale: args.minScale ?? 0.8,
      maxScale: args.maxScale ?? 1.25,
    };
    check('rate', o.rate, o.rate > 0 && o.rate <= 1, 'in (0, 1]');
    check('gamma', o.gamma, o.gamma >= 0, '≥ 0');
    check('minScale', o.minScale, o.minScale > 0 && o.minScale <= 1, 'in (0, 1]');
    check('maxScale', o.maxScale, o.maxScale >= 1, '≥ 1');
    this.o = o;
    // Start at the target: no scaling until the data says otherwise.
    this.rates = tf.keep(tf.fill([args.units], this.target)) as tf.Tensor1D;
  }

  /** Folds one batch in: a hard code [B, N] or batch-mean rates [N]. */
  update(code: tf.Tensor): void {
    const next = tf.tidy(() => {
      const batch = code.rank === 1 ? code : tf.mean(tf.reshape(code, [-1, code.shape.at(-1)!]), 0);
      if (batch.shape[0] !== this.rates.shape[0])
        throw new Error(`SynapticScaling.update: expected ${this.rates.shape[0]} units, received ${batch.shape[0]}`);
      return tf.add(tf.mul(this.rates, 1 - this.o.rate), tf.mul(batch, this.o.rate)) as tf.Tensor1D;
    });
    this.rates.dispose();
    this.rates = tf.keep(next);
  }

  /** Per-unit factors (target / rate)^γ, clipped to [minScale, maxScale]. */
  scales(): tf.Tensor1D {
    return tf.tidy(() => {
      const ratio = tf.div(this.target, tf.maximum(this.rates, 1e-6));
      return tf.clipByValue(tf.pow(ratio, this.o.gamma), this.o.minScale, this.o.maxScale) as tf.Tensor1D;
    });
  }

  async firingRates(): Promise<Float32Array> {
    return (await this.rates.data()) as Float32Array;
  }

  dispose(): void {
    this.rates.dispose();
  }
}

/** kernel [D, N] ← kernel ⊙ scales[None, :]: scales each unit's incoming weights. */
export function applySynapticScaling(kernel: tf.Variable, scales: tf.Tensor1D): void {
  const n = kernel.shape.at(-1);
  if (scales.shape[0] !== n)
    throw new Error(`applySynapticScaling: expected ${n} scales (one per kernel column), received ${scales.shape[0]}`);
  tf.tidy(() => kernel.assign(tf.mul(kernel, scales)));
}

// Pure arithmetic on rates: it lives with the other code statistics.
export { firingEntropy } from '../analysis/codes';
