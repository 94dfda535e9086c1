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

const idx = (values: number[]) => ({ data: Float32Array.from(values), shape: [values.length] });
const asInt = (t: tf.Tensor) => tf.cast(t, 'int32');

describe('GatherV2 fix matches the cpu backend', () => {
  it('rows of a matrix, repeated and out of order (the SOM neighbourhood rows)', async () => {
    expectClose(await onBoth([rand([40, 33], 1), idx([5, 0, 39, 5, 17])], (h, i) => tf.gather(h!, asInt(i!))));
  });

  it('short rows (element loop), rank-3 input, 2-D indices', async () => {
    expectClose(
      await onBoth([rand([10, 3], 2), idx([9, 1, 1, 0])], (h, i) => tf.gather(h!, tf.reshape(asInt(i!), [2, 2]))),
    );
    expectClose(await onBoth([rand([6, 4, 5], 3), idx([2, 5, 0])], (h, i) => tf.gather(h!, asInt(i!))));
  });

  it('other axes go to the stock kernel; int32 data is copied exactly', async () => {
    expectClose(await onBoth([rand([6, 7], 4), idx([6, 0, 3])], (h, i) => tf.gather(h!, asInt(i!), 1)));
    await tf.setBackend('wasm');
    const out = tf.tidy(() =>
      tf
        .gather(
          tf.tensor2d(
            [
              [1, 2],
              [3, 4],
              [5, 6],
            ],
            [3, 2],
            'int32',
          ),
          tf.tensor1d([2, 0], 'int32'),
        )
        .dataSync(),
    );
    expect(Array.from(out)).toEqual([5, 6, 1, 2]);
  });

  it('an index out of range is an error, as in the stock kernel', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.tidy(() => tf.gather(tf.zeros([3, 20]), tf.tensor1d([3], 'int32')))).toThrow(
      'GatherV2: the index value 3 is not in [0, 2]',
    );
  });
});

describe('MaxPoolGrad fix matches the cpu backend (random data in [-1, 1])', () => {
  const grad =
    (size: number | [number, number], stride: number | [number, number], pad: 'same' | 'valid') =>
    (x: tf.Tensor, dy: tf.Tensor) =>
      tf.grad((p: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(p as tf.Tensor4D, size, stride, pad), dy)))(x);

  it.each([
    ['2×2 stride 2 valid (LeNet)', [2, 8, 10, 3], 2, 2, 'valid', [2, 4, 5, 3]],
    ['3×3 stride 2 same (overlapping windows)', [2, 7, 9, 2], 3, 2, 'same', [2, 4, 5, 2]],
    ['3×2 stride 1 valid (rectangular, overlapping)', [1, 6, 5, 4], [3, 2], 1, 'valid', [1, 4, 4, 4]],
    ['2×2 stride 2 same on odd sizes', [3, 5, 7, 1], 2, 2, 'same', [3, 3, 4, 1]],
  ] as [string, number[], number | [number, number], number, 'same' | 'valid', number[]][])(
    '%s',
    async (_n, xs, size, stride, pad, ys) => {
      expectClose(await onBoth([rand(xs, 5), rand(ys, 6)], (x, dy) => grad(size, stride, pad)(x!, dy!)));
    },
  );

  // Stock wasm drops that gradient and adds it to element 0.
  it('a window of only negative numbers still passes its gradient', async () => {
    const x = { data: Float32Array.from([-3, -1, 2, 0, -2, -4, 1, 1]), shape: [1, 2, 4, 1] };
    expectClose(
      await onBoth([x, { data: Float32Array.from([10, 20]), shape: [1, 1, 2, 1] }], (p, dy) =>
        grad(2, 2, 'valid')(p!, dy!),
      ),
    );
  });

  it('ties go to the first maximum of each window, as on cpu (a ReLU output is full of zeros)', async () => {
    const x = { data: Float32Array.from([0, 0, 0, 0, 1, 1, 0, 2, 3, 3, 3, 3, 0, 5, 5, 0]), shape: [1, 4, 4, 1] };
    expectClose(await onBoth([x, rand([1, 2, 2, 1], 7)], (p, dy) => grad(2, 2, 'valid')(p!, dy!)));
  });
});

describe('gather and pool fixes leak nothing', () => {
  it('GatherV2 and MaxPoolGrad', async () => {
    const h = tf.tensor(rand([40, 33], 1).data, [40, 33]),
      i = tf.tensor1d([1, 2, 3], 'int32');
    const x = tf.tensor(rand([2, 8, 8, 3], 2).data, [2, 8, 8, 3]);
    await expectNoLeak(() => [
      tf.gather(h, i),
      tf.grad((p: tf.Tensor) => tf.sum(tf.maxPool(p as tf.Tensor4D, 2, 2, 'valid')))(x),
    ]);
    tf.dispose([h, i, x]);
  });
});
