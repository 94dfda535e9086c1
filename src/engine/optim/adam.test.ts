import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countStep } from '../backend/counters';
import { installWasmFixes } from '../backend/wasm-fixes';
import { mulberry32 } from '../../shared/random';
import { FusedAdam } from './adam';
import { ADAM_STEP } from './adam-kernels';
import { simdLoops } from '../backend/simd/simd';

beforeAll(async () => {
  await tf.setBackend('wasm');
  installWasmFixes();
});

const SHAPES = [[7, 5], [5], [3, 2, 2]];

/** Variables (fresh names) and a gradient per step per variable, seeded. */
function problem(steps: number, seed: number) {
  const r = mulberry32(seed);
  const rand = (n: number, s = 1) => Float32Array.from({ length: n }, () => (r() - 0.5) * s);
  const init = SHAPES.map((s) => rand(tf.util.sizeFromShape(s)));
  const grads = Array.from({ length: steps }, () => SHAPES.map((s) => rand(tf.util.sizeFromShape(s), 4)));
  return { init, grads };
}

/** Trains with `opt`; returns every value and moment after the steps. */
async function train(opt: tf.Optimizer, p: ReturnType<typeof problem>, between?: (step: number) => void) {
  const vars = p.init.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i]), true));
  p.grads.forEach((gs, step) => {
    between?.(step);
    const grads = gs.map((g, i) => ({ name: vars[i]!.name, tensor: tf.tensor(g, SHAPES[i]) }));
    opt.applyGradients(grads);
    tf.dispose(grads.map((g) => g.tensor));
  });
  const weights = await opt.getWeights();
  const out = {
    values: vars.map((v) => Array.from(v.dataSync())),
    moments: weights.slice(1).map((w) => Array.from(w.tensor.dataSync())),
    names: weights.map((w) => w.name.replace(/^.*?\//, '')),
  };
  tf.dispose(vars);
  opt.dispose();
  return out;
}

const maxDiff = (a: number[][], b: number[][]) =>
  Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i]![j]!))));

describe.each(['cpu', 'wasm'])('FusedAdam on %s', (backend) => {
  it("matches tfjs's AdamOptimizer over 12 steps (values, both moments, saved weight names)", async () => {
    await tf.setBackend(backend);
    const p = problem(12, 3);
    const ref = await train(tf.train.adam(0.01), p);
    const got = await train(new FusedAdam(0.01), p);
    // float32 rounding per op (tfjs) against once per output (fused): within a few ulps of values of order 1.
    expect(maxDiff(ref.values, got.values)).toBeLessThan(2e-6);
    expect(maxDiff(ref.moments, got.moments)).toBeLessThan(2e-6);
    expect(got.names).toEqual(ref.names);
    expect(
      maxDiff(
        ref.values,
        p.init.map((v) => Array.from(v)),
      ),
    ).toBeGreaterThan(0.05); // it did train
  });

  it('updates each variable with one kernel and reads nothing back', async () => {
    await tf.setBackend(backend);
    const vars = SHAPES.map((s) => tf.variable(tf.ones(s)));
    const grads = vars.map((v) => ({ name: v.name, tensor: tf.onesLike(v) }));
    const opt = new FusedAdam(0.1);
    opt.applyGradients(grads); // creates the moments
    const before = tf.memory().numTensors;
    const { counts } = await countStep(() => opt.applyGradients(grads));
    expect(counts.byKernel).toEqual({ [ADAM_STEP]: SHAPES.length });
    expect(counts.reads).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...vars, ...grads.map((g) => g.tensor)]);
    opt.dispose();
  });
});

describe('the wasm SIMD loop', () => {
  it('is what the wasm kernel runs here (the tests above cover it and the JS tail of n mod 4 floats)', async () => {
    await tf.setBackend('wasm');
    const memory = (tf.backend() as unknown as { wasm: { asm: { memory: WebAssembly.Memory } } }).wasm.asm.memory;
    expect(memory).toBeInstanceOf(WebAssembly.Memory);
    expect(simdLoops(memory)).not.toBeNull();
  });
});

describe('FusedAdam where the backend has no fused kernel', () => {
  it("hands over to tfjs's path mid-run with the right β powers (same result as tfjs throughout)", async () => {
    await tf.setBackend('cpu');
    const p = problem(6, 4);
    const ref = await train(tf.train.adam(0.01), p);
    const kernel = tf.getKernel(ADAM_STEP, 'cpu')!;
    try {
      const got = await train(new FusedAdam(0.01), p, (step) => step === 3 && tf.unregisterKernel(ADAM_STEP, 'cpu'));
      expect(maxDiff(ref.values, got.values)).toBeLessThan(2e-6);
    } finally {
      if (!tf.getKernel(ADAM_STEP, 'cpu')) tf.registerKernel(kernel);
    }
  });

  it('names the input whose shape does not match', async () => {
    await tf.setBackend('cpu');
    const [a, b] = [tf.zeros([2, 2]), tf.zeros([3])];
    expect(() => tf.engine().runKernel(ADAM_STEP, { value: a, m: a, v: a, grad: b }, {})).toThrow(
      /grad is float32 \[3\]; expected float32 \[2,2\]/,
    );
    tf.dispose([a, b]);
  });
});
