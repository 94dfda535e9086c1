import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { installWasmFixes } from '.';
import { stockKernel } from './kernels';

const VALUES = [1e-12, 1e-8, -1e-30, 1e-40, 1e-6, -1e-3, 0, 5, -7];
const SIGNS = [1, 1, -1, 1, 1, -1, 0, 1, -1];

beforeAll(async () => {
  await tf.setBackend('wasm');
  stockKernel('Sign'); // captured before the fix, for the test that shows what it fixes
  installWasmFixes();
});

async function signOn(backend: string, values: number[], dtype: 'float32' | 'int32' = 'float32') {
  await tf.setBackend(backend);
  return tf.tidy(() => Array.from(tf.sign(tf.tensor1d(values, dtype)).dataSync()));
}

describe('Sign fix', () => {
  it('gives ±1 for tiny magnitudes (input gradients of a confident net), as the cpu backend does', async () => {
    expect(await signOn('wasm', VALUES)).toEqual(SIGNS);
    expect(await signOn('cpu', VALUES)).toEqual(SIGNS);
    expect(await signOn('wasm', [3, 0, -2], 'int32')).toEqual([1, 0, -1]);
  });

  it('replaces a stock kernel that rounds |x| under ~1e-7 to 0', async () => {
    await tf.setBackend('wasm');
    const stock = tf.tidy(() => {
      const x = tf.tensor1d([1e-8, -1e-8, 1e-3]);
      const run = stockKernel('Sign').kernelFunc as unknown as (a: object) => tf.TensorInfo;
      const info = run({ inputs: { x }, backend: tf.backend(), attrs: {} });
      return tf.engine().makeTensorFromTensorInfo(info).dataSync();
    });
    expect(Array.from(stock)).toEqual([0, 0, 1]);
  });
});
