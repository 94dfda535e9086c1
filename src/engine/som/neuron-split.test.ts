import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { installWasmFixes } from '../backend/wasm-fixes';
import { relError } from '../backend/rel-error.test-helper';
import { registerSomKernels } from './kernels/register';
import { SOM_BEST, SOM_STEP } from './kernels/names';
import { naiveStep, naiveWinners, randomCase } from './kernels/naive.test-helper';
import { splitsByNeurons, winnersFrom } from './neuron-split';

beforeAll(async () => {
  await tf.setBackend('wasm');
  installWasmFixes();
  registerSomKernels();
});

describe('picking the winners from every rank', () => {
  it('takes the highest score, ties to the lower rank (by hand)', () => {
    // 2 samples, 3 ranks: [best0, best1, at0, at1] per rank.
    const all = Float32Array.of(1, 5, 0, 1, /* rank 1 */ 3, 5, 4, 6, /* rank 2 */ 3, 2, 8, 9);
    expect(Array.from(winnersFrom(all, 2, 3))).toEqual([4, 1]);
  });

  it('splits only with the fused kernels, one neuron a rank at least, batches up to a chunk', () => {
    expect(splitsByNeurons(256, 400, 2)).toBe(true);
    expect(splitsByNeurons(256, 400, 1)).toBe(false);
    expect(splitsByNeurons(256, 2, 3)).toBe(false);
    expect(splitsByNeurons(100_000, 400, 2)).toBe(false);
  });
});

describe.each(['cpu', 'wasm'])('the neuron-split kernels on %s', (backend) => {
  const c = randomCase(41, 5, 12, 3); // 25 neurons, D a multiple of 4 (wasm's SIMD rows)
  const x = () => tf.tensor2d(c.x, [c.b, c.d]);
  const block = (lo: number, hi: number) => tf.tensor2d(c.w.slice(lo * c.d, hi * c.d), [hi - lo, c.d]);

  it("SomLabBatchBest: each sample's nearest neuron of a block and its score x·w − ½‖w‖²", async () => {
    await tf.setBackend(backend);
    const [best, at] = tf.tidy(() => {
      const out = tf.engine().runKernel(SOM_BEST, { x: x(), w: block(0, c.n) }) as tf.Tensor[];
      return [out[0]!.dataSync(), out[1]!.dataSync()];
    });
    const win = naiveWinners(c);
    expect(Array.from(at!)).toEqual(Array.from(win));
    const score = (i: number, j: number) => {
      let dot = 0,
        sq = 0;
      for (let k = 0; k < c.d; k++) {
        dot += c.x[i * c.d + k]! * c.w[j * c.d + k]!;
        sq += c.w[j * c.d + k]! ** 2;
      }
      return dot - sq / 2;
    };
    for (let i = 0; i < c.b; i++) expect(best![i]).toBeCloseTo(score(i, win[i]!), 4);
  });

  it('leaves nothing on the backend (outputs disposed, intermediates freed inside the kernels)', async () => {
    await tf.setBackend(backend);
    const [xs, w, h] = [x(), block(0, c.n), tf.tensor2d(c.h, [c.n, c.n])];
    const win = tf.tensor1d(naiveWinners(c), 'int32');
    const ids = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    const before = ids();
    tf.tidy(() => {
      tf.engine().runKernel(SOM_BEST, { x: xs, w });
      tf.engine().runKernel(SOM_STEP, { x: xs, w, h, win }, { alpha: 0.5, lo: 0 });
    });
    expect(ids()).toBe(before);
    tf.dispose([xs, w, h, win]);
  });

  it('a block of neurons stepped with the winners given is those rows of the whole step', async () => {
    await tf.setBackend(backend);
    const whole = naiveStep(c, 0.6);
    for (const [lo, hi] of [
      [0, 12],
      [12, 25],
    ] as const) {
      const got = tf.tidy(() => {
        const win = tf.tensor1d(naiveWinners(c), 'int32');
        const h = tf.tensor2d(c.h, [c.n, c.n]);
        const out = tf.engine().runKernel(SOM_STEP, { x: x(), w: block(lo, hi), h, win }, { alpha: 0.6, lo });
        return (out as tf.Tensor).dataSync() as Float32Array;
      });
      expect(relError(whole.slice(lo * c.d, hi * c.d), got)).toBeLessThan(1e-5);
    }
  });
});
