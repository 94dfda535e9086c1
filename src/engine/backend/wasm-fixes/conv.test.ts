import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, it } from 'vitest';
import { installWasmFixes } from '.';
import { expectClose, expectNoLeak, onBoth, rand } from './cpu-vs-wasm.test-helper';

beforeAll(async () => {
  await tf.setBackend('wasm');
  installWasmFixes();
});

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
// [name, x shape, filter shape, stride, padding]: batch > 1, rectangular images and kernels, every padding kind.
const CASES: [string, number[], number[], number | [number, number], Pad][] = [
  ['3×3 same stride 1', [2, 8, 8, 3], [3, 3, 3, 4], 1, 'same'],
  ['5×5 same stride 1, rectangular image', [3, 12, 10, 2], [5, 5, 2, 6], 1, 'same'],
  ['3×3 valid stride 1', [2, 9, 7, 3], [3, 3, 3, 2], 1, 'valid'],
  ['4×2 same stride 1 (even kernel: uneven padding)', [2, 7, 9, 2], [4, 2, 2, 3], 1, 'same'],
  ['3×3 same stride 2', [2, 9, 8, 3], [3, 3, 3, 4], 2, 'same'],
  ['4×3 valid stride 2', [2, 11, 9, 2], [4, 3, 2, 3], 2, 'valid'],
  ['3×3 valid stride [2, 1]', [2, 10, 9, 2], [3, 3, 2, 3], [2, 1], 'valid'],
  [
    '3×3 explicit padding stride 1',
    [2, 8, 7, 2],
    [3, 3, 2, 3],
    1,
    [
      [0, 0],
      [1, 2],
      [0, 1],
      [0, 0],
    ],
  ],
  [
    '5×5 explicit padding stride 2',
    [2, 11, 10, 1],
    [5, 5, 1, 4],
    2,
    [
      [0, 0],
      [2, 1],
      [1, 2],
      [0, 0],
    ],
  ],
  ['3×3 numeric padding 1 stride 1', [2, 6, 6, 2], [3, 3, 2, 2], 1, 1],
];

const convLoss = (stride: number | [number, number], pad: Pad) => (x: tf.Tensor, w: tf.Tensor) =>
  tf.sum(
    tf.square(
      tf.conv2d(
        x as tf.Tensor4D,
        w as tf.Tensor4D,
        stride,
        pad as 'same',
        'NHWC',
        1,
        typeof pad === 'number' ? 'floor' : undefined,
      ),
    ),
  );

describe('Conv2DBackpropFilter / Conv2DBackpropInput fixes match the cpu backend', () => {
  it.each(CASES)('dx and dW: %s', async (_n, xs, ws, stride, pad) => {
    const x = rand(xs, 1),
      w = rand(ws, 2);
    expectClose(await onBoth([x, w], (a, b) => tf.grads(convLoss(stride, pad))([a!, b!])));
  });

  it('dx of a strided conv (stock kernel behind the fix) with the dy the engine passes', async () => {
    const dy = rand([2, 4, 4, 3], 3),
      w = rand([3, 3, 2, 3], 4);
    expectClose(
      await onBoth([dy, w], (d, f) => tf.conv2dTranspose(d as tf.Tensor4D, f as tf.Tensor4D, [2, 8, 8, 2], 2, 'same')),
    );
  });

  it('the gradients of a small conv-net loss match within 1e-4 relative', async () => {
    // conv 3×3×4 same + bias + relu → maxpool 2 → conv 3×3×6 stride 2 valid + relu → dense 5 → softmax CE
    const inputs = [
      rand([3, 12, 10, 2], 5),
      rand([3, 3, 2, 4], 6),
      rand([4], 7),
      rand([3, 3, 4, 6], 8),
      rand([24, 5], 9),
    ];
    const labels = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 3, 4], 'int32'), 5));
    const loss = (x: tf.Tensor, k1: tf.Tensor, b1: tf.Tensor, k2: tf.Tensor, w3: tf.Tensor) => {
      const c1 = tf.maxPool(
        tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, k1 as tf.Tensor4D, 1, 'same'), b1)) as tf.Tensor4D,
        2,
        2,
        'valid',
      );
      const c2 = tf.relu(tf.conv2d(c1, k2 as tf.Tensor4D, 2, 'valid')); // [3, 2, 2, 6]
      return tf.losses.softmaxCrossEntropy(labels, tf.matMul(tf.reshape(c2, [3, 24]), w3));
    };
    expectClose(await onBoth(inputs, (...t) => tf.grads(loss)(t)), 1e-4);
    labels.dispose();
  });
});

describe('conv fixes leak nothing (engine tensors and wasm buffers)', () => {
  it.each(CASES.filter((_c, i) => i % 2 === 0))('dx and dW: %s', async (_n, xs, ws, stride, pad) => {
    const x = tf.tensor(rand(xs, 1).data, xs),
      w = tf.tensor(rand(ws, 2).data, ws);
    await expectNoLeak(() => tf.grads(convLoss(stride, pad))([x, w]));
    tf.dispose([x, w]);
  });
});
