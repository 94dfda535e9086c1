/**
 * Kwta, k-winners-take-all (docs/SCIENCE.md §5, seed 001 "Embedder SDR"): k = ⌈s·N⌉ winners per sample over
 * the last axis. Training (soft): τ halfway between the k-th and (k+1)-th largest value, output
 * sigmoid(hardness·(a − τ)), τ a constant of the backward pass (tfjs has no TopK gradient). Evaluation:
 * exactly k ones per sample (the top-k indices), else 0. Training passes also keep the batch-mean hard
 * firing per unit for SynapticScaling (kwta-scaling.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { constantOf } from './detach';
import { oneTensor, singleShape, type LayerArgs } from './shapes';

export interface KwtaArgs extends LayerArgs {
  /** Fraction s of active units, 0 < s < 1. */
  sparsity: number;
  /** Slope of the soft (training) output. Default 10. */
  hardness?: number;
}

export const kwtaK = (sparsity: number, n: number): number => Math.ceil(sparsity * n);

/** Ones at the first k of each row's top indices [B, ≥k], in a [B, n] of zeros. */
function onesAt(indices: tf.Tensor2D, k: number, n: number): tf.Tensor2D {
  const b = indices.shape[0];
  const top = tf.slice(indices, [0, 0], [b, k]);
  const rows = tf.tile(tf.reshape(tf.range(0, b, 1, 'int32'), [b, 1]), [1, k]);
  return tf.scatterND(tf.reshape(tf.stack([rows, top], 2), [b * k, 2]), tf.ones([b * k]), [b, n]) as tf.Tensor2D;
}

/** Exactly k ones per row of a [B, N]: scattered at the top-k indices, so ties cannot add winners. */
export function kwtaHard(a: tf.Tensor2D, k: number): tf.Tensor2D {
  return tf.tidy(() => onesAt(tf.topk(a, k).indices as tf.Tensor2D, k, a.shape[1]));
}

/** τ per row [B, 1] (mean of the k-th and (k+1)-th largest values) and the hard code, from one top-k. */
export function kwtaThreshold(a: tf.Tensor2D, k: number): { tau: tf.Tensor2D; hard: tf.Tensor2D } {
  return tf.tidy(() => {
    const { values, indices } = tf.topk(a, k + 1);
    return {
      tau: tf.mean(tf.slice(values, [0, k - 1], [-1, 2]), 1, true) as tf.Tensor2D,
      hard: onesAt(indices as tf.Tensor2D, k, a.shape[1]),
    };
  });
}

export class Kwta extends tfl.layers.Layer {
  static className = 'Kwta';
  readonly sparsity: number;
  readonly hardness: number;
  private k = 0;
  private batchRates: tf.Tensor1D | null = null;

  constructor(args: KwtaArgs) {
    super(args);
    if (typeof args.sparsity !== 'number' || !(args.sparsity > 0 && args.sparsity < 1))
      throw new Error(`Kwta: sparsity must be in (0, 1), received ${String(args.sparsity)}`);
    const hardness = args.hardness ?? 10;
    if (typeof hardness !== 'number' || !(hardness > 0 && Number.isFinite(hardness)))
      throw new Error(`Kwta: hardness must be a finite number > 0, received ${String(hardness)}`);
    this.sparsity = args.sparsity;
    this.hardness = hardness;
  }

  /** Winners per sample (known once built). */
  get winners(): number {
    return this.k;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const s = singleShape('Kwta', inputShape),
      n = s.at(-1);
    if (s.length < 2 || n == null)
      throw new Error(
        `Kwta needs inputs [batch, ..., units] with a known unit count, received shape [${s.join(', ')}]`,
      );
    const k = kwtaK(this.sparsity, n);
    if (k >= n)
      throw new Error(
        `Kwta: sparsity ${this.sparsity} of ${n} units gives k = ${k}; expected k < ${n} (a (k+1)-th value is needed)`,
      );
    this.k = k;
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return singleShape('Kwta', inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const a = oneTensor('Kwta', inputs),
        n = a.shape.at(-1)!;
      const flat = tf.reshape(a, [-1, n]) as tf.Tensor2D;
      if (kwargs?.training !== true) return tf.reshape(kwtaHard(flat, this.k), a.shape);
      const tau = constantOf(flat, (t) => {
        const { tau: value, hard } = kwtaThreshold(t as tf.Tensor2D, this.k);
        this.batchRates?.dispose();
        this.batchRates = tf.keep(tf.mean(hard, 0) as tf.Tensor1D);
        return value;
      });
      return tf.reshape(tf.sigmoid(tf.mul(tf.sub(flat, tau), this.hardness)), a.shape);
    });
  }

  /** Mean hard firing per unit [N] of the last training batch (ownership passes to the caller). */
  takeBatchRates(): tf.Tensor1D | null {
    const r = this.batchRates;
    this.batchRates = null;
    return r;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { sparsity: this.sparsity, hardness: this.hardness, ...super.getConfig() };
  }

  protected override disposeWeights(): number {
    this.batchRates?.dispose();
    this.batchRates = null;
    return super.disposeWeights();
  }
}

tf.serialization.registerClass(Kwta);
