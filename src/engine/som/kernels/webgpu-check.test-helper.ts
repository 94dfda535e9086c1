/** webgpu check (child process, see webgpu.test.ts): the fused SOM kernels against the float64 loop. */
import * as tf from '@tensorflow/tfjs-core';
import { childMain } from '../../backend/webgpu-checks/child-main.test-helper';
import { countStep } from '../../backend/counters';
import { batchBlend, batchSums, CHUNK } from '../batch';
import { naiveStep, naiveSums, randomCase } from './naive.test-helper';
import { relError } from '../../backend/rel-error.test-helper';

const CASES: [number, number, number, number][] = [
  // b, side, d, seed: sizes off the 64-wide tiles and 16-deep steps, one map of 400 × 784 as the bench's
  [37, 5, 11, 1],
  [300, 9, 70, 2],
  [256, 20, 784, 3],
  [CHUNK + 100, 4, 5, 4],
];

await childMain(async () => {
  const errors: Record<string, number[]> = {};
  for (const [b, side, d, seed] of CASES) {
    const c = randomCase(b, side, d, seed);
    const x = tf.tensor2d(c.x, [c.b, c.d]),
      w = tf.tensor2d(c.w, [c.n, c.d]),
      h = tf.tensor2d(c.h, [c.n, c.n]);
    const step = tf.tidy(() => batchBlend(w, x, h, 0.7));
    const [num, den] = tf.tidy(() => batchSums(w, tf.slice(x, 0, Math.min(b, CHUNK)), h));
    const head = { ...c, b: Math.min(b, CHUNK), x: c.x.subarray(0, Math.min(b, CHUNK) * d) };
    const ref = naiveSums(head);
    errors[`${b}x${side * side}x${d}`] = [
      relError(naiveStep(c, 0.7), await step.data()),
      relError(ref.num, await num!.data()),
      relError(ref.den, await den!.data()),
    ];
    tf.dispose([x, w, h, step, num!, den!]);
  }
  const c = randomCase(64, 4, 8, 5);
  const [x, w, h] = [tf.tensor2d(c.x, [64, 8]), tf.tensor2d(c.w, [16, 8]), tf.tensor2d(c.h, [16, 16])];
  const before = tf.memory().numTensors;
  const { counts } = await countStep(() => tf.dispose(tf.tidy(() => batchBlend(w, x, h, 1))));
  return { errors, counts, leaked: tf.memory().numTensors - before };
});
