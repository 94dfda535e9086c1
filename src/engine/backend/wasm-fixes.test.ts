import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random';
import { installWasmFixes } from './wasm-fixes';

beforeAll(async () => {
  await tf.setBackend('wasm');
  installWasmFixes();
});

function rand(shape: number[], seed: number): { data: Float32Array; shape: number[] } {
  const r = mulberry32(seed);
  return { data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r() * 2 - 1), shape };
}

/** Runs `f` on cpu and on wasm with the same inputs; returns both results as flat arrays. */
async function both(inputs: { data: Float32Array; shape: number[] }[], f: (...t: tf.Tensor[]) => tf.Tensor | tf.Tensor[]): Promise<[Float32Array[], Float32Array[]]> {
  const out: Float32Array[][] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    const res = tf.tidy(() => {
      const r = f(...inputs.map((i) => tf.tensor(i.data, i.shape)));
      return (Array.isArray(r) ? r : [r]).map((t) => t.dataSync() as Float32Array);
    });
    out.push(res);
  }
  await tf.setBackend('wasm');
  return [out[0]!, out[1]!];
}

function expectClose(a: Float32Array[], b: Float32Array[], tol = 1e-4): void {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => {
    expect(b[i]!.length).toBe(x.length);
    let worst = 0;
    for (let k = 0; k < x.length; k++) worst = Math.max(worst, Math.abs(x[k]! - b[i]![k]!) / (1 + Math.abs(x[k]!)));
    expect(worst).toBeLessThan(tol);
  });
}

describe('wasm matmul fixes match the cpu backend', () => {
  it.each([[false, false], [true, false], [false, true], [true, true]])('matMul transposeA=%s transposeB=%s', async (ta, tb) => {
    const a = rand(ta ? [7, 5] : [5, 7], 1), b = rand(tb ? [3, 7] : [7, 3], 2);
    expectClose(...(await both([a, b], (x, y) => tf.matMul(x!, y!, ta, tb))));
  });

  it.each([[false, false], [true, false], [false, true], [true, true]])('fused matMul + bias + relu, transposeA=%s transposeB=%s, rank 3', async (ta, tb) => {
    const a = rand(ta ? [2, 6, 4] : [2, 4, 6], 3), b = rand(tb ? [2, 5, 6] : [2, 6, 5], 4), bias = rand([5], 5);
    expectClose(...(await both([a, b, bias], (x, y, z) => tf.fused.matMul({ a: x!, b: y!, transposeA: ta, transposeB: tb, bias: z!, activation: 'relu' }))));
  });

  it('fused matMul rank 2 with transposeB and bias (the case stock wasm gets wrong)', async () => {
    const a = rand([8, 16], 6), b = rand([4, 16], 7), bias = rand([4], 8);
    expectClose(...(await both([a, b, bias], (x, y, z) => tf.fused.matMul({ a: x!, b: y!, transposeB: true, bias: z!, activation: 'relu' }))));
  });
});

describe('wasm conv gradient fixes match the cpu backend', () => {
  const cases: [string, number[], number[], number, 'same' | 'valid'][] = [
    ['3×3 same stride 1', [2, 8, 8, 3], [3, 3, 3, 4], 1, 'same'],
    ['5×5 same stride 1', [3, 12, 10, 2], [5, 5, 2, 6], 1, 'same'],
    ['3×3 valid stride 1', [2, 9, 7, 3], [3, 3, 3, 2], 1, 'valid'],
    ['3×3 same stride 2', [2, 9, 8, 3], [3, 3, 3, 4], 2, 'same'],
    ['4×3 valid stride 2', [2, 11, 9, 2], [4, 3, 2, 3], 2, 'valid'],
  ];
  it.each(cases)('dx and dW: %s', async (_n, xs, ws, stride, pad) => {
    const x = rand(xs, 9), w = rand(ws, 10);
    const grads = (xt: tf.Tensor, wt: tf.Tensor) => {
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad))));
      return g([xt, wt]);
    };
    expectClose(...(await both([x, w], (a, b) => grads(a!, b!))), 1e-3);
  });

  it('a conv-net training step leaks no tensors', async () => {
    const x = tf.randomUniform([2, 8, 8, 1]);
    const w = tf.variable(tf.randomUniform([3, 3, 1, 4]));
    const opt = tf.train.sgd(0.01);
    opt.minimize(() => tf.sum(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same')) as tf.Scalar);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) opt.minimize(() => tf.sum(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same')) as tf.Scalar);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w]); opt.dispose();
  });
});
