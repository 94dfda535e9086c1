/**
 * The batch Kohonen step with no read-back: W ← (1 − α)W + α·hᵀX / Σh, where row i of h is the neighbourhood
 * row of sample i's winner. On cpu, wasm and webgpu it is one fused kernel (kernels/); elsewhere it is composed
 * of tensor ops: scores, argMin, a gather of cached neighbourhood rows and two matmuls. Callers run it inside
 * tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SOM_STEP, SOM_SUMS } from './kernels/names';
import { registerSomKernels } from './kernels/register';

/** Rows per chunk: a [CHUNK, N] score block for N = 900 is 15 MB. */
export const CHUNK = 4096;
/**
 * Σh at or below this counts as "no sample pulls this neuron": it keeps its vector (bubble, mexican-hat,
 * underflow).
 */
const EPS = 1e-12;

registerSomKernels();

export const fused = (name: string): boolean => tf.getKernel(name, tf.getBackend()) !== undefined;

/** ‖w‖² − 2xWᵀ [B, N]: the squared distance less ‖x‖², which does not move the winner. */
export function scores(x: tf.Tensor2D, w: tf.Tensor2D, wsq: tf.Tensor = tf.sum(tf.square(w), 1)): tf.Tensor2D {
  return tf.sub(wsq, tf.mul(tf.matMul(x, w, false, true), 2));
}

/** The new codebook after one batch step on `x` with neighbourhood matrix `h` [N, N] and blend α ∈ [0, 1]. */
export function batchBlend(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D, alpha: number): tf.Tensor2D {
  if (x.shape[0] <= CHUNK) {
    if (fused(SOM_STEP)) return tf.engine().runKernel(SOM_STEP, { x, w, h }, { alpha }) as tf.Tensor2D;
    return blendOne(w, x, h, alpha);
  }
  const [num, den] = chunkedSums(w, x, h);
  return blendSums(w, num, den, alpha);
}

/** Σ hᵀX [N, D] and Σh [N] of one batch (no chunking: the caller keeps it under CHUNK rows). */
export function batchSums(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor1D] {
  if (fused(SOM_SUMS)) return tf.engine().runKernel(SOM_SUMS, { x, w, h }) as [tf.Tensor2D, tf.Tensor1D];
  const hw = tf.gather(h, tf.argMin(scores(x, w), 1)); // [B, N]: h(j*(i), j)
  return [tf.matMul(hw, x, true, false), tf.sum(hw, 0)];
}

/** W' = α·num/den + (1 − α)·W where den > ε; rows with den ≤ ε keep W. */
export function blendSums(w: tf.Tensor2D, num: tf.Tensor2D, den: tf.Tensor1D, alpha: number): tf.Tensor2D {
  const d = tf.reshape(den, [-1, 1]);
  const ok = tf.cast(tf.greater(d, EPS), 'float32');
  return tf.add(tf.mul(num, tf.div(tf.mul(ok, alpha), tf.maximum(d, EPS))), tf.mul(w, tf.sub(1, tf.mul(ok, alpha))));
}

/**
 * One chunk, composed of ops. The neighbourhood rows are divided by Σh before the product, so besides the two
 * matmuls the only [N, D] work is product + W·(1 − α·ok): a broadcast division or tf.where over [N, D] costs as
 * much as a fifth of the step on wasm. ok = 0 where Σh ≤ ε, and there W·1 keeps the old row.
 */
function blendOne(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const hw = tf.gather(h, tf.argMin(scores(x, w), 1)); // [B, N]: h(j*(i), j)
  const den = tf.sum(hw, 0, true); // [1, N]
  const ok = tf.cast(tf.greater(den, EPS), 'float32');
  const pulled = tf.matMul(tf.mul(hw, tf.div(tf.mul(ok, alpha), tf.maximum(den, EPS))), x, true, false);
  return tf.add(pulled, tf.mul(w, tf.reshape(tf.sub(1, tf.mul(ok, alpha)), [-1, 1])));
}

/** Σ hᵀX [N, D] and Σh [N] of any number of rows (zeros for none: a data-parallel share may be empty). */
export function sumsOf(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor1D] {
  if (x.shape[0] === 0) return [tf.zerosLike(w), tf.zeros([w.shape[0]])];
  return x.shape[0] <= CHUNK ? batchSums(w, x, h) : chunkedSums(w, x, h);
}

/** Σ hᵀX and Σh accumulated chunk by chunk, each chunk's [m, N] work freed before the next. */
function chunkedSums(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor1D] {
  let acc: [tf.Tensor2D, tf.Tensor1D] | null = null;
  for (let s = 0; s < x.shape[0]; s += CHUNK) {
    const m = Math.min(CHUNK, x.shape[0] - s);
    const next: [tf.Tensor2D, tf.Tensor1D] = tf.tidy(() => {
      const [num, den] = batchSums(w, tf.slice(x, [s, 0], [m, x.shape[1]]), h);
      return acc ? [tf.add(acc[0], num), tf.add(acc[1], den)] : [num, den];
    });
    if (acc) tf.dispose(acc);
    acc = next;
  }
  return acc!;
}
