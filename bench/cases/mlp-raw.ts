/** MLP 784-256-256-10, batch 128, Adam, softmax cross-entropy, in raw tfjs ops (fused matmul + bias + relu). */
import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { adamTrainer, glorot, oneHotLabels } from './nets-raw';
import type { BenchCase, Tf } from './types';

const SIZES = [784, 256, 256, 10],
  BATCH = 128;
const MACS = SIZES.slice(1).reduce((s, n, i) => s + SIZES[i]! * n, 0);

export const mlpRaw: BenchCase = {
  name: 'mlp 784-256-256-10 b128 (raw ops)',
  batch: BATCH,
  // 2 FLOPs per MAC, ×3 for forward, dx and dW.
  flopsPerSample: 6 * MACS,
  ref: 'mlp_784_256_256_10_b128',
  async setup(tf: Tf) {
    const ws = SIZES.slice(1).map((n, i) => glorot(tf, [SIZES[i]!, n], SIZES[i]!, n, 10 + i));
    const bs = SIZES.slice(1).map((n) => tf.variable(tf.zeros([n])));
    const x = tf.randomUniform([BATCH, SIZES[0]!], 0, 1, 'float32', 3);
    const y = oneHotLabels(tf, BATCH, 10);
    const loss = (): Scalar => {
      let h: Tensor = x;
      ws.forEach((w, i) => {
        h = tf.fused.matMul({
          a: h as Tensor2D,
          b: w as Tensor2D,
          bias: bs[i],
          activation: i < ws.length - 1 ? 'relu' : 'linear',
        });
      });
      return tf.losses.softmaxCrossEntropy(y, h);
    };
    return adamTrainer(tf, loss, [...ws, ...bs, x, y]);
  },
};
