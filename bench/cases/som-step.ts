/** Batch-SOM step through the shipping Som.trainBatch: 400×784 codebook on a 20×20 grid, batch 256, σ = 3. */
import { makeGrid, Som } from '../../src/engine/som';
import type { BenchCase } from './types';

const N = 400, D = 784, B = 256;

export const somStep: BenchCase = {
  name: 'som-step 400×784 b256',
  batch: B,
  // distances 2·B·N·D, update matmul hᵀX 2·B·N·D, gather/normalise ~N·D
  flopsPerSample: 4 * N * D,
  async setup(tf) {
    const som = new Som(makeGrid(20, 20, 'rect'), D);
    som.setCodebook(tf.randomUniform([N, D], 0, 1, 'float32', 1).dataSync() as Float32Array);
    const x = tf.randomUniform([B, D], 0, 1, 'float32', 2) as import('@tensorflow/tfjs-core').Tensor2D;
    return {
      // A QE read-back per step, as the reference does: the step is only done when its result is read.
      async step() { som.trainBatch(x, 3); await som.codebook.data(); },
      dispose() { som.dispose(); x.dispose(); },
    };
  },
};
