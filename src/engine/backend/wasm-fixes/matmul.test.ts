import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { installWasmFixes } from '.';
import { expectClose, expectNoLeak, onBoth, rand } from './cpu-vs-wasm.test-helper';

beforeAll(async () => {
  await tf.setBackend('wasm');
  installWasmFixes();
});

const T = [false, true];
const combos = T.flatMap((ta) => T.map((tb) => [ta, tb] as [boolean, boolean]));
const shapeA = (ta: boolean, m: number, k: number, batch: number[] = []) => [...batch, ...(ta ? [k, m] : [m, k])];
const shapeB = (tb: boolean, k: number, n: number, batch: number[] = []) => [...batch, ...(tb ? [n, k] : [k, n])];

describe('BatchMatMul fix matches the cpu backend', () => {
  it.each(combos)('rank 2, transposeA=%s transposeB=%s, shared axis past one 48-wide block', async (ta, tb) => {
    const a = rand(shapeA(ta, 13, 100), 1),
      b = rand(shapeB(tb, 100, 7), 2);
    expectClose(await onBoth([a, b], (x, y) => tf.matMul(x!, y!, ta, tb)));
  });

  it.each(combos)('rank 3 batch 3, transposeA=%s transposeB=%s', async (ta, tb) => {
    const a = rand(shapeA(ta, 5, 60, [3]), 3),
      b = rand(shapeB(tb, 60, 4, [3]), 4);
    expectClose(await onBoth([a, b], (x, y) => tf.matMul(x!, y!, ta, tb)));
  });

  it('A·Bᵀ with a small A and a large B (computed as (B·Aᵀ)ᵀ)', async () => {
    const a = rand([3, 50], 21),
      b = rand([40, 50], 22);
    expectClose(await onBoth([a, b], (x, y) => tf.matMul(x!, y!, false, true)));
  });

  it('the gradients of a transposed product (which use transposed products themselves)', async () => {
    const a = rand([9, 70], 5),
      b = rand([11, 70], 6);
    expectClose(
      await onBoth([a, b], (x, y) =>
        tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.square(tf.matMul(p, q, false, true))))([x!, y!]),
      ),
      1e-5,
    );
  });
});

describe('_FusedMatMul fix matches the cpu backend (stock wasm gets these wrong)', () => {
  it.each(combos)('rank 2 + bias + relu, transposeA=%s transposeB=%s', async (ta, tb) => {
    const a = rand(shapeA(ta, 16, 100), 7),
      b = rand(shapeB(tb, 100, 12), 8),
      bias = rand([12], 9);
    expectClose(
      await onBoth([a, b, bias], (x, y, z) =>
        tf.fused.matMul({ a: x!, b: y!, transposeA: ta, transposeB: tb, bias: z!, activation: 'relu' }),
      ),
    );
  });

  it.each(combos)('rank 3 batch 2 + bias + relu, transposeA=%s transposeB=%s', async (ta, tb) => {
    const a = rand(shapeA(ta, 6, 64, [2]), 10),
      b = rand(shapeB(tb, 64, 5, [2]), 11),
      bias = rand([5], 12);
    expectClose(
      await onBoth([a, b, bias], (x, y, z) =>
        tf.fused.matMul({ a: x!, b: y!, transposeA: ta, transposeB: tb, bias: z!, activation: 'relu' }),
      ),
    );
  });

  it.each(['linear', 'relu', 'relu6', 'sigmoid', 'elu', 'leakyrelu'] as const)(
    'rank 3 batch 2, transposeB, activation %s without bias',
    async (act) => {
      const a = rand([2, 6, 64], 13),
        b = rand([2, 5, 64], 14);
      expectClose(await onBoth([a, b], (x, y) => tf.fused.matMul({ a: x!, b: y!, transposeB: true, activation: act })));
    },
  );

  it('rank 2 with a broadcast scalar bias (XNNPACK would read 12 values from a 1-value buffer)', async () => {
    const a = rand([8, 30], 15),
      b = rand([30, 12], 16),
      bias = rand([1], 17);
    expectClose(await onBoth([a, b, bias], (x, y, z) => tf.fused.matMul({ a: x!, b: y!, bias: z! })));
  });

  it('a dense layer gradient through fused matMul + bias + relu', async () => {
    const x = rand([10, 50], 18),
      w = rand([50, 20], 19),
      bias = rand([20], 20);
    const loss = (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) =>
      tf.sum(tf.square(tf.fused.matMul({ a: p as tf.Tensor2D, b: q as tf.Tensor2D, bias: r, activation: 'relu' })));
    expectClose(await onBoth([x, w, bias], (a, b, c) => tf.grads(loss)([a!, b!, c!])));
  });
});

describe('matmul fixes leak nothing (engine tensors and wasm buffers)', () => {
  it.each(combos)('BatchMatMul transposeA=%s transposeB=%s', async (ta, tb) => {
    const a = tf.tensor(rand(shapeA(ta, 4, 6), 1).data, shapeA(ta, 4, 6)),
      b = tf.tensor(rand(shapeB(tb, 6, 3), 2).data, shapeB(tb, 6, 3));
    await expectNoLeak(() => tf.matMul(a, b, ta, tb));
    tf.dispose([a, b]);
  });

  it('BatchMatMul computed as (B·Aᵀ)ᵀ', async () => {
    const a = tf.tensor(rand([3, 50], 1).data, [3, 50]),
      b = tf.tensor(rand([40, 50], 2).data, [40, 50]);
    await expectNoLeak(() => tf.matMul(a, b, false, true));
    tf.dispose([a, b]);
  });

  it('_FusedMatMul rank 2 transposed and rank 3 decomposed', async () => {
    const a = tf.tensor(rand([2, 6, 4], 1).data, [2, 6, 4]),
      b = tf.tensor(rand([2, 3, 4], 2).data, [2, 3, 4]),
      bias = tf.ones([3]);
    await expectNoLeak(() => [
      tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'relu' }),
      tf.fused.matMul({
        a: tf.reshape(a, [12, 4]) as tf.Tensor2D,
        b: tf.reshape(b, [6, 4]) as tf.Tensor2D,
        transposeB: true,
        bias: tf.ones([6]),
        activation: 'relu',
      }),
    ]);
    expect(tf.getBackend()).toBe('wasm');
    tf.dispose([a, b, bias]);
  });
});

describe('installing', () => {
  it('every fix is registered, and installing again changes nothing (no fix captured as "stock")', async () => {
    const { wasmFixesInstalled, WASM_FIXES } = await import('.');
    expect(wasmFixesInstalled()).toBe(true);
    const before = Object.keys(WASM_FIXES).map((k) => tf.getKernel(k, 'wasm')!.kernelFunc);
    installWasmFixes();
    expect(Object.keys(WASM_FIXES).map((k) => tf.getKernel(k, 'wasm')!.kernelFunc)).toEqual(before);
    await tf.setBackend('wasm');
    expect(
      Array.from(tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3, 4]]), false, true).dataSync())),
    ).toEqual([11]);
  });
});
