/**
 * The MLP_kWTA network itself: the triplet loss on its codes, the layer stack of both variants and the binary
 * code read-out. The experiment around it (evaluation, code statistics, saved files) is in ./kwta-mlp.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { SpecOf } from '../../shared/spec';
import { Kwta, constantOf } from '../layers';
import type { LossFn } from './classifier';
import { kernelInit } from './common';

/**
 * Triplet loss on squared code distances, every (anchor, negative) pair of the batch against the anchor's
 * mean positive distance, averaged over the pairs that still violate the margin. (Batch-hard collapses
 * early from a random start; the full [B, B, B] batch-all tensor is slow on wasm.)
 */
export function tripletLoss(margin: number): LossFn {
  return (codes, y) =>
    tf.tidy(() => {
      const sq = tf.sum(tf.square(codes), 1, true);
      const d = tf.relu(tf.add(tf.sub(sq, tf.mul(2, tf.matMul(codes, codes, false, true))), tf.transpose(sq)));
      const same = tf.cast(tf.equal(tf.expandDims(y, 1), tf.expandDims(y, 0)), 'float32');
      const pos = tf.sub(same, tf.eye(y.shape[0])); // a ≠ p, same class
      const nPos = tf.sum(pos, 1, true);
      const meanPos = tf.div(tf.sum(tf.mul(d, pos), 1, true), tf.add(nPos, 1e-6));
      // An anchor alone in its class within the batch has no triplet.
      const l = tf.mul(
        tf.relu(tf.add(tf.sub(meanPos, d), margin)),
        tf.mul(tf.sub(1, same), tf.cast(tf.greater(nPos, 0), 'float32')),
      );
      const active = constantOf(l, (v) => tf.sum(tf.cast(tf.greater(v, 1e-9), 'float32')));
      return tf.div(tf.sum(l), tf.add(active, 1)) as tf.Scalar;
    });
}

export function buildNet(
  spec: SpecOf<'kwta-mlp'>,
  d: number,
  nClasses: number,
): { model: tfl.Sequential; code: tfl.layers.Layer; kwta: Kwta } {
  const k = spec.kwta;
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [d] }));
  model.add(
    tfl.layers.dense({ units: k.hidden, activation: 'relu', kernelInitializer: kernelInit(spec.init, spec.seed) }),
  );
  const code = tfl.layers.dense({
    units: k.codeSize,
    kernelInitializer: kernelInit(spec.init, spec.seed + 1),
    name: 'code',
  });
  model.add(code);
  const kwta = new Kwta({ sparsity: k.sparsity, hardness: k.hardness, name: 'kwta' });
  if (k.loss === 'triplet') model.add(kwta);
  else {
    model.add(tfl.layers.reLU({ name: 'code_relu' }));
    model.add(tfl.layers.dense({ units: nClasses, kernelInitializer: kernelInit('glorot', spec.seed + 2) }));
  }
  return { model, code, kwta };
}

/** Binary code of x: the hard kWTA output, or which ReLU units fire in the softmax net. */
export function codeOf(model: tfl.Sequential, x: tf.Tensor, triplet: boolean): tf.Tensor {
  return tf.tidy(() => {
    let t = x;
    for (const layer of model.layers) {
      if (layer.getClassName() === 'InputLayer') continue;
      t = layer.apply(t, { training: false }) as tf.Tensor;
      if (layer.name === 'kwta' || layer.name === 'code_relu') break;
    }
    return triplet ? t : tf.cast(tf.greater(t, 0), 'float32');
  });
}
