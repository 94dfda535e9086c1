/** The same batch-SOM step through the engine's Som.trainBatch (src/engine/som; it computes no QE). */
import { Som } from '../../src/engine/som';
import { makeGrid } from '../../src/shared/som-math';
import { readOne } from './nets-raw';
import { B, D, N, SIDE, SIGMA } from './som-raw';
import type { BenchCase, Tf } from './types';

export const somClass: BenchCase = {
  name: 'som-step 400×784 b256 (Som.trainBatch)',
  batch: B,
  flopsPerSample: 4 * N * D,
  ref: 'som_step_400x784_b256',
  cpuOk: true,
  async setup(tf: Tf) {
    const som = new Som(makeGrid(SIDE, SIDE, 'rect'), D);
    som.setCodebook(tf.randomUniform([N, D], 0, 1, 'float32', 1).dataSync() as Float32Array);
    const x = tf.randomUniform([B, D], 0, 1, 'float32', 2) as import('@tensorflow/tfjs-core').Tensor2D;
    return {
      step() {
        som.trainBatch(x, SIGMA);
      },
      sync: () => readOne(tf, som.codebook),
      dispose() {
        som.dispose();
        x.dispose();
      },
    };
  },
};
