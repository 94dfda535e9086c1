import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { constantOf } from './detach';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const kthLargest = (t: tf.Tensor): tf.Tensor => tf.slice(tf.topk(t, 2).values, [0, 1], [-1, 1]);

describe('constantOf', () => {
  it('returns fn(x) and passes no gradient through it, even for ops without one (TopK)', () => {
    const x = tf.tensor2d([
      [3, 1, 2],
      [0, 5, 4],
    ]);
    // Without constantOf the tape would need TopK's gradient, which tfjs does not have.
    expect(() => tf.grad((a: tf.Tensor) => tf.sum(tf.mul(a, kthLargest(a))))(x)).toThrow(/TopK/);
    const f = (a: tf.Tensor): tf.Tensor => tf.sum(tf.mul(a, constantOf(a, kthLargest)));
    expect(f(x).dataSync()[0]).toBe(2 * 6 + 4 * 9);
    // d/da Σ a·c = c, the constant broadcast along each row.
    expect(tf.grad(f)(x).arraySync()).toEqual([
      [2, 2, 2],
      [4, 4, 4],
    ]);
  });

  it('leaves no tensors behind', () => {
    const x = tf.tensor2d([[3, 1, 2]]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose(tf.grad((a: tf.Tensor) => tf.sum(tf.mul(a, constantOf(a, kthLargest))))(x));
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
