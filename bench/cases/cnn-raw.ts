/**
 * LeNet-like CNN in raw tfjs ops, batch 64, Adam: conv5×5×16 same → relu → maxpool2 → conv5×5×32 same →
 * relu → maxpool2 → dense128 → dense10, softmax cross-entropy.
 */
import type { Scalar, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { adamTrainer, CNN_CASE, glorot, oneHotLabels } from './nets-raw';
import type { BenchCase, Tf } from './types';

const BATCH = CNN_CASE.batch;

export const cnnRaw: BenchCase = {
  name: 'cnn lenet b64 (raw ops)',
  ...CNN_CASE,
  async setup(tf: Tf) {
    const k1 = glorot(tf, [5, 5, 1, 16], 25, 400, 20),
      k2 = glorot(tf, [5, 5, 16, 32], 400, 800, 21);
    const w3 = glorot(tf, [1568, 128], 1568, 128, 22),
      w4 = glorot(tf, [128, 10], 128, 10, 23);
    const [b1, b2, b3, b4] = [16, 32, 128, 10].map((n) => tf.variable(tf.zeros([n])));
    const x = tf.randomUniform([BATCH, 28, 28, 1], 0, 1, 'float32', 3) as Tensor4D;
    const y = oneHotLabels(tf, BATCH, 10);
    const loss = (): Scalar => {
      const c1 = tf.maxPool(
        tf.fused.conv2d({ x, filter: k1 as Tensor4D, strides: 1, pad: 'same', bias: b1, activation: 'relu' }),
        2,
        2,
        'valid',
      );
      const c2 = tf.maxPool(
        tf.fused.conv2d({ x: c1, filter: k2 as Tensor4D, strides: 1, pad: 'same', bias: b2, activation: 'relu' }),
        2,
        2,
        'valid',
      );
      const f = tf.reshape(c2, [BATCH, 1568]) as Tensor2D;
      const h = tf.fused.matMul({ a: f, b: w3 as Tensor2D, bias: b3, activation: 'relu' });
      return tf.losses.softmaxCrossEntropy(y, tf.fused.matMul({ a: h, b: w4 as Tensor2D, bias: b4 }));
    };
    return adamTrainer(tf, loss, [k1, k2, w3, w4, b1!, b2!, b3!, b4!, x, y]);
  },
};
