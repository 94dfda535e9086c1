/** MLP 784-256-256-10, batch 128, Adam, softmax cross-entropy, in raw tfjs ops (fused matmul + bias + relu). */
import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { adamTrainer, glorot, MLP_CASE, oneHotLabels } from './nets-raw';
import type { BenchCase, Tf } from './types';

const SIZES = [784, 256, 256, 10],
  BATCH = MLP_CASE.batch;

export const mlpRaw: BenchCase = {
  name: 'mlp 784-256-256-10 b128 (raw ops)',
  ...MLP_CASE,
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
