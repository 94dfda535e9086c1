/**
 * The batch Kohonen step as tensor ops, with no read-back: scores, argMin, a gather of cached
 * neighbourhood rows and W ← (1 − α)W + α·hᵀX / Σh. Callers run it inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Rows per chunk: a [CHUNK, N] neighbourhood block for N = 900 is 15 MB. */
export const CHUNK = 4096;
/** Σh at or below this counts as "no sample pulls this neuron": it keeps its vector (bubble, mexican-hat, underflow). */
const EPS = 1e-12;

/** ‖w‖² − 2xWᵀ [B, N]: the squared distance less ‖x‖², which does not move the winner. */
export function scores(x: tf.Tensor2D, w: tf.Tensor2D, wsq: tf.Tensor = tf.sum(tf.square(w), 1)): tf.Tensor2D {
  return tf.sub(wsq, tf.mul(tf.matMul(x, w, false, true), 2));
}

/** The new codebook after one batch step on `x` with neighbourhood matrix `h` [N, N] and blend α ∈ [0, 1]. */
export function batchBlend(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return x.shape[0] <= CHUNK ? blendOne(w, x, h, alpha) : blendChunked(w, x, h, alpha);
}

/**
 * One chunk. The neighbourhood rows are divided by Σh before the product, so besides the two matmuls the only
 * [N, D] work is product + W·(1 − α·ok): a broadcast division or tf.where over [N, D] costs as much as a fifth
 * of the step on wasm. ok = 0 where Σh ≤ ε, and there W·1 keeps the old row.
 */
function blendOne(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const hw = tf.gather(h, tf.argMin(scores(x, w), 1)); // [B, N]: h(j*(i), j)
  const den = tf.sum(hw, 0, true); // [1, N]
  const ok = tf.cast(tf.greater(den, EPS), 'float32');
  const pulled = tf.matMul(tf.mul(hw, tf.div(tf.mul(ok, alpha), tf.maximum(den, EPS))), x, true, false);
  return tf.add(pulled, tf.mul(w, tf.reshape(tf.sub(1, tf.mul(ok, alpha)), [-1, 1])));
}

/** Many chunks: Σ hᵀX and Σh accumulate chunk by chunk, each chunk's [m, N] rows freed before the next. */
function blendChunked(w: tf.Tensor2D, x: tf.Tensor2D, h: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const wsq = tf.sum(tf.square(w), 1);
  let acc: [tf.Tensor2D, tf.Tensor2D] | null = null;
  for (let s = 0; s < x.shape[0]; s += CHUNK) {
    const m = Math.min(CHUNK, x.shape[0] - s);
    const next: [tf.Tensor2D, tf.Tensor2D] = tf.tidy(() => {
      const xc = tf.slice(x, [s, 0], [m, x.shape[1]]);
      const hw = tf.gather(h, tf.argMin(scores(xc, w, wsq), 1)) as tf.Tensor2D;
      const num = tf.matMul(hw, xc, true, false) as tf.Tensor2D,
        den = tf.reshape(tf.sum(hw, 0), [-1, 1]) as tf.Tensor2D;
      return acc ? [tf.add(acc[0], num) as tf.Tensor2D, tf.add(acc[1], den) as tf.Tensor2D] : [num, den];
    });
    if (acc) tf.dispose(acc);
    acc = next;
  }
  const [num, den] = acc!;
  const ok = tf.cast(tf.greater(den, EPS), 'float32');
  return tf.add(tf.mul(num, tf.div(tf.mul(ok, alpha), tf.maximum(den, EPS))), tf.mul(w, tf.sub(1, tf.mul(ok, alpha))));
}
