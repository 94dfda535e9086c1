/**
 * Batch-SOM step in raw tfjs ops, as a PyTorch reference step does it: 400×784 codebook on a 20×20 grid,
 * batch 256, gaussian σ = 3. Distances by one matmul, argMin, a gather of precomputed neighbourhood rows
 * (no [B, N] one-hot), W = hᵀX / Σh, and the mean QE read back (the step is done when it is read).
 */
import type { Tensor2D } from '@tensorflow/tfjs-core';
import type { BenchCase, Tf } from './types';

export const N = 400,
  D = 784,
  B = 256,
  SIDE = 20,
  SIGMA = 3;

/** The [N, N] gaussian neighbourhood over grid distances, computed once (σ is fixed in the bench). */
export function gaussianRows(side: number, sigma: number): Float32Array {
  const n = side * side,
    h = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dy = Math.floor(i / side) - Math.floor(j / side),
        dx = (i % side) - (j % side);
      h[i * n + j] = Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma));
    }
  }
  return h;
}

/** What every case of this SOM step shares: batch, FLOPs, reference figure; small enough for the cpu backend. */
export const SOM_CASE: Pick<BenchCase, 'batch' | 'flopsPerSample' | 'ref' | 'cpuOk'> = {
  batch: B,
  // xWᵀ 2·N·D and hᵀX 2·N·D per sample; norms, argMin and the division are O(N + D).
  flopsPerSample: 4 * N * D,
  ref: 'som_step_400x784_b256',
  cpuOk: true,
};

/** The step's seeded start: an [N, D] codebook and a [B, D] batch, uniform in [0, 1). */
export function somStart(tf: Tf): { codebook: Tensor2D; x: Tensor2D } {
  return {
    codebook: tf.randomUniform([N, D], 0, 1, 'float32', 1) as Tensor2D,
    x: tf.randomUniform([B, D], 0, 1, 'float32', 2) as Tensor2D,
  };
}

export const somRaw: BenchCase = {
  name: 'som-step 400×784 b256 (raw ops)',
  ...SOM_CASE,
  async setup(tf: Tf) {
    const { codebook, x } = somStart(tf);
    const w = tf.variable(codebook, false);
    const xx = tf.sum(tf.square(x), 1, true);
    const h = tf.tensor2d(gaussianRows(SIDE, SIGMA), [N, N]);
    return {
      async step() {
        const qe = tf.tidy(() => {
          // score = ‖w‖² − 2xWᵀ: ‖w‖² rides along as the bias of one fused matmul (a broadcast Add costs
          // as much as a fifth of the product on wasm). ‖x‖² does not move the winner; the QE adds it back.
          const score = tf.fused.matMul({ a: tf.mul(x, -2), b: w, transposeB: true, bias: tf.sum(tf.square(w), 1) });
          const win = tf.argMin(score, 1);
          const hw = tf.gather(h, win); // [B, N]: the neighbourhood row of each sample's winner
          const num = tf.matMul(hw, x, true, false); // [N, D]
          w.assign(tf.div(num, tf.reshape(tf.sum(hw, 0), [N, 1])));
          return tf.mean(tf.sqrt(tf.relu(tf.add(tf.min(score, 1), tf.reshape(xx, [B])))));
        });
        await qe.data();
        qe.dispose();
      },
      dispose() {
        tf.dispose([w, x, xx, h]);
      },
    };
  },
};
