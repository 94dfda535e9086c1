import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // registers the gradients (tfjs-core alone does not in Node)
import { beforeAll, describe, expect, it } from 'vitest';
import { countStep } from './counters';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('countStep', () => {
  it('counts each kernel the ops dispatch and each read-back with its bytes', async () => {
    const a = tf.tensor1d([1, 2, 3]),
      b = tf.tensor1d([4, 5, 6]);
    const { result, counts } = await countStep(async () => {
      const c = tf.mul(tf.add(a, b), 2); // Add, then Multiply (the scalar 2 is an upload, not a kernel)
      const sync = c.dataSync(); // 3 float32 = 12 bytes
      const later = await tf.sum(c).data(); // Sum, then 4 bytes
      return [Array.from(sync), later[0]];
    });
    expect(result).toEqual([[10, 14, 18], 42]);
    expect(counts.byKernel).toEqual({ Add: 1, Multiply: 1, Sum: 1 });
    expect(counts.kernels).toBe(3);
    expect(counts.reads).toBe(2);
    expect(counts.bytesRead).toBe(16);
    tf.dispose([a, b]);
  });

  it('counts gradient kernels too, and leaves the engine unhooked afterwards', async () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    const { counts } = await countStep(() => {
      tf.dispose(tf.variableGrads(() => tf.sum(tf.square(v)) as tf.Scalar, [v]).grads);
    });
    // Square + Sum forward; the gradient of Sum and of Square dispatch more (at least one each).
    expect(counts.byKernel.Square).toBe(1);
    expect(counts.kernels).toBeGreaterThan(3);
    expect(counts.reads).toBe(0);
    expect(Object.hasOwn(tf.engine(), 'runKernel')).toBe(false);
    const { counts: after } = await countStep(() => tf.dispose(tf.neg(v)));
    expect(after.kernels).toBe(1);
    v.dispose();
  });

  it('refuses to nest and still unhooks when the counted function throws', async () => {
    await expect(
      countStep(async () => {
        await countStep(() => 0);
      }),
    ).rejects.toThrow(/do not nest/);
    await expect(
      countStep(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(Object.hasOwn(tf.engine(), 'read')).toBe(false);
  });
});
