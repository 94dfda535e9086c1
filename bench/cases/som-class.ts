/** The same batch-SOM step through the engine's Som.trainBatch (src/engine/som; it computes no QE). */
import { Som } from '../../src/engine/som';
import { makeGrid } from '../../src/shared/som-math';
import { readOne } from './nets-raw';
import { D, SIDE, SIGMA, SOM_CASE, somStart } from './som-raw';
import type { BenchCase, Tf } from './types';

export const somClass: BenchCase = {
  name: 'som-step 400×784 b256 (Som.trainBatch)',
  ...SOM_CASE,
  async setup(tf: Tf) {
    const som = new Som(makeGrid(SIDE, SIDE, 'rect'), D);
    const { codebook, x } = somStart(tf);
    som.setCodebook(codebook.dataSync() as Float32Array);
    codebook.dispose();
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
