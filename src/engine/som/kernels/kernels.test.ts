import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countStep } from '../../backend/counters';
import { installWasmFixes } from '../../backend/wasm-fixes';
import { batchBlend, batchSums, blendSums, CHUNK } from '../batch';
import { naiveStep, naiveSums, naiveWinners, randomCase, type StepCase } from './naive.test-helper';
import { relError } from '../../backend/rel-error.test-helper';
import { SOM_STEP } from './names';

beforeAll(async () => {
  await tf.setBackend('wasm');
  installWasmFixes();
});

const BACKENDS = ['cpu', 'wasm'];
const tensors = (c: StepCase) => ({
  x: tf.tensor2d(c.x, [c.b, c.d]),
  w: tf.tensor2d(c.w, [c.n, c.d]),
  h: tf.tensor2d(c.h, [c.n, c.n]),
});

async function fusedStep(backend: string, c: StepCase, alpha: number): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const { x, w, h } = tensors(c);
    return batchBlend(w, x, h, alpha).dataSync() as Float32Array;
  });
}

describe.each(BACKENDS)('the fused batch-SOM kernels on %s match the textbook loop', (backend) => {
  it('one step, α = 1 (the plain batch rule) and α = 0.3 (a blend)', async () => {
    const c = randomCase(37, 5, 11, 1);
    for (const alpha of [1, 0.3]) {
      // float32 sums of at most 37 terms against float64: 1e-5 of the largest weight.
      expect(relError(naiveStep(c, alpha), await fusedStep(backend, c, alpha))).toBeLessThan(1e-5);
    }
  });

  it('neurons no sample pulls (truncated neighbourhood) keep their vector exactly', async () => {
    const c = randomCase(3, 6, 4, 2, 0.7, 1); // 3 samples reach at most 3 · 5 of the 36 neurons
    const { den } = naiveSums(c);
    const got = await fusedStep(backend, c, 1);
    const kept = [...den.keys()].filter((j) => den[j] === 0);
    expect(kept.length).toBeGreaterThan(10);
    for (const j of kept)
      expect(Array.from(got.slice(j * c.d, (j + 1) * c.d))).toEqual(Array.from(c.w.slice(j * 4, j * 4 + 4)));
    expect(relError(naiveStep(c, 1), got)).toBeLessThan(1e-5);
  });

  it('the sums kernel gives Σ hᵀX and Σh, and blending them gives the step', async () => {
    const c = randomCase(50, 4, 9, 3);
    await tf.setBackend(backend);
    const [num, den, step] = tf.tidy(() => {
      const { x, w, h } = tensors(c);
      const [nu, de] = batchSums(w, x, h);
      return [nu.dataSync(), de.dataSync(), blendSums(w, nu, de, 0.5).dataSync()];
    });
    const ref = naiveSums(c);
    expect(relError(ref.num, num!)).toBeLessThan(1e-5);
    expect(relError(ref.den, den!)).toBeLessThan(1e-5);
    expect(relError(naiveStep(c, 0.5), step!)).toBeLessThan(1e-5);
  });

  it('chained steps (the second reads the norms the first wrote) match chained textbook steps', async () => {
    const c = randomCase(60, 5, 8, 6); // D a multiple of 4: wasm's SIMD row loops
    await tf.setBackend(backend);
    const got = tf.tidy(() => {
      const { x, w, h } = tensors(c);
      const w1 = batchBlend(w, tf.slice(x, 0, 30), h, 0.8);
      return batchBlend(w1, tf.slice(x, 30, 30), h, 0.5).dataSync() as Float32Array;
    });
    const half = (from: number, w: Float32Array): StepCase => ({
      ...c,
      b: 30,
      w,
      x: c.x.slice(from * 8, (from + 30) * 8),
    });
    const w1 = Float32Array.from(naiveStep(half(0, c.w), 0.8));
    expect(relError(naiveStep(half(30, w1), 0.5), got)).toBeLessThan(1e-5);
  });

  it('many samples on few winners (grouped by winner) give the textbook step', async () => {
    const c = randomCase(200, 3, 5, 7);
    for (let i = 0; i < c.b; i++) for (let k = 0; k < c.d; k++) c.x[i * c.d + k] = (i % 3) + 0.01 * k; // 3 points
    expect(new Set(naiveWinners(c)).size).toBeLessThanOrEqual(3);
    expect(relError(naiveStep(c, 1), await fusedStep(backend, c, 1))).toBeLessThan(1e-5);
  });

  it('a batch over CHUNK rows goes chunk by chunk to the same result', async () => {
    const c = randomCase(CHUNK + 300, 3, 3, 4);
    expect(relError(naiveStep(c, 1), await fusedStep(backend, c, 1))).toBeLessThan(1e-4);
  });

  it('is one kernel with no read-back, and leaks nothing', async () => {
    const c = randomCase(16, 3, 5, 5);
    await tf.setBackend(backend);
    const { x, w, h } = tensors(c);
    const before = tf.memory().numTensors;
    const { counts } = await countStep(() => tf.tidy(() => tf.keep(batchBlend(w, x, h, 1))).dispose());
    expect(counts.byKernel).toEqual({ [SOM_STEP]: 1 });
    expect(counts.reads).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, h]);
  });
});

describe('fused kernels agree with the winners of the full distance', () => {
  it('naive winners pick the nearest codebook vector (the reference itself, by hand)', () => {
    const c: StepCase = {
      b: 2,
      n: 3,
      d: 1,
      x: Float32Array.of(0.1, 1.9),
      w: Float32Array.of(0, 1, 2),
      h: new Float32Array(9),
    };
    expect(Array.from(naiveWinners(c))).toEqual([0, 2]);
  });
});
