/**
 * MLP_kWTA (seed 001): 784 → 64 (ReLU) → 512 → kWTA(s). `triplet`: batch-hard triplet loss on the (soft)
 * codes; accuracy by the nearest class-mean binary code. `softmax`: the same net with ReLU in place of
 * kWTA and a softmax head (the seed's comparison). Synaptic scaling keeps units from dying or saturating.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { SomSnapshot } from '../../shared/events';
import type { SpecOf } from '../../shared/spec';
import { classOverlaps, firingRates, infoPlane, meanSdrPerClass } from '../analysis';
import { sampleSize, type Dataset } from '../data/types';
import { Kwta, SynapticScaling, applySynapticScaling, constantOf, firingEntropy } from '../layers';
import { kernelInit, requireLabels } from './baseline-mlp';
import { DeviceSplit } from './batches';
import { ClassifierExperiment, type LossFn } from './classifier';
import { makeOptimizer } from './optimizers';

const EVAL = 2000;

/**
 * Triplet loss on squared code distances, every (anchor, negative) pair of the batch against the anchor's
 * mean positive distance, averaged over the pairs that still violate the margin. (Batch-hard collapses
 * early from a random start; the full [B, B, B] batch-all tensor is slow on wasm.)
 */
export function tripletLoss(margin: number): LossFn {
  return (codes, y) => tf.tidy(() => {
    const sq = tf.sum(tf.square(codes), 1, true);
    const d = tf.relu(tf.add(tf.sub(sq, tf.mul(2, tf.matMul(codes, codes, false, true))), tf.transpose(sq)));
    const same = tf.cast(tf.equal(tf.expandDims(y, 1), tf.expandDims(y, 0)), 'float32');
    const pos = tf.sub(same, tf.eye(y.shape[0])); // a ≠ p, same class
    const meanPos = tf.div(tf.sum(tf.mul(d, pos), 1, true), tf.add(tf.sum(pos, 1, true), 1e-6));
    const l = tf.mul(tf.relu(tf.add(tf.sub(meanPos, d), margin)), tf.sub(1, same));
    const active = constantOf(l, (v) => tf.sum(tf.cast(tf.greater(v, 1e-9), 'float32')));
    return tf.div(tf.sum(l), tf.add(active, 1)) as tf.Scalar;
  });
}

export async function buildKwtaMlp(spec: SpecOf<'kwta-mlp'>, data: Dataset): Promise<ClassifierExperiment> {
  const nClasses = requireLabels(data, spec.kind);
  const k = spec.kwta, d = sampleSize(data.shape), triplet = k.loss === 'triplet';
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [d] }));
  model.add(tfl.layers.dense({ units: k.hidden, activation: 'relu', kernelInitializer: kernelInit(spec.init, spec.seed) }));
  const code = tfl.layers.dense({ units: k.codeSize, kernelInitializer: kernelInit(spec.init, spec.seed + 1), name: 'code' });
  model.add(code);
  const kwta = new Kwta({ sparsity: k.sparsity, hardness: k.hardness, name: 'kwta' });
  if (triplet) model.add(kwta);
  else { model.add(tfl.layers.reLU()); model.add(tfl.layers.dense({ units: nClasses, kernelInitializer: kernelInit('glorot', spec.seed + 2) })); }

  const train = new DeviceSplit(data.train, [d], spec.seed);
  const test = data.test ? new DeviceSplit(data.test, [d], spec.seed) : undefined;
  const src = test ?? train, nEval = Math.min(EVAL, src.count);
  const evalX = tf.slice(src.x, 0, nEval), evalY = src.labels.slice(0, nEval);
  const scaling = triplet && k.synapticScaling ? new SynapticScaling({ units: k.codeSize, target: k.sparsity }) : null;
  let means: tf.Tensor2D | null = null;
  let last: { codes: Float32Array; sdr: Float32Array } | null = null;

  /** Hard codes of the evaluation subset (kWTA in evaluation mode). */
  async function evalCodes(): Promise<Float32Array> {
    const c = tf.tidy(() => model.apply(evalX, { training: false }) as tf.Tensor);
    const v = (await c.data()) as Float32Array;
    c.dispose();
    return v;
  }

  const exp = new ClassifierExperiment({
    model, train, test, nClasses, epochs: spec.epochs, batchSize: spec.batchSize,
    optimizer: makeOptimizer(spec.optimizer, spec.learningRate), l2: spec.l2,
    ...(triplet ? {
      loss: tripletLoss(k.margin),
      // Nearest class-mean code (refreshed before each evaluation); before the first, no prediction.
      predict: (codes: tf.Tensor) => (means ? tf.argMin(tf.sub(tf.sum(tf.square(means), 1), tf.mul(2, tf.matMul(codes, means, false, true))), 1) : tf.fill([codes.shape[0]!], -1, 'int32')) as tf.Tensor1D,
    } : {}),
    hooks: {
      afterStep() {
        const rates = kwta.takeBatchRates();
        if (!rates) return;
        if (scaling) {
          scaling.update(rates);
          const scales = scaling.scales();
          applySynapticScaling(code.trainableWeights[0]!.read() as tf.Variable, scales);
          scales.dispose();
        }
        rates.dispose();
      },
      async evaluate(): Promise<Record<string, number>> {
        if (!triplet) return {};
        const codes = await evalCodes();
        const sdr = meanSdrPerClass(codes, evalY, k.codeSize, nClasses);
        last = { codes, sdr };
        means?.dispose();
        means = tf.keep(tf.tensor2d(sdr, [nClasses, k.codeSize]));
        const rates = firingRates(codes, nEval, k.codeSize);
        const { ixt, ity } = infoPlane(codes, nEval, k.codeSize, evalY, 2);
        return { ixt, ity, firingEntropy: firingEntropy(rates), deadUnits: rates.filter((r) => r === 0).length, sparsity: rates.reduce((a, r) => a + r, 0) / k.codeSize };
      },
      async snapshots(step): Promise<SomSnapshot[]> {
        if (!triplet || !last) return [];
        // Neurons × classes heat map, drawn by the grid view's U-matrix mode.
        return [{ step, layer: 'sdr', rows: nClasses, cols: k.codeSize, topology: 'rect', shape: [1], codebook: last.sdr, hits: last.sdr, umatrix: last.sdr }];
      },
      async finalMetrics(): Promise<Record<string, number>> {
        if (!triplet || !last) return {};
        const overlap = classOverlaps(last.sdr, nClasses, k.codeSize, Math.ceil(k.sparsity * k.codeSize));
        let off = 0;
        for (let a = 0; a < nClasses; a++) for (let b = 0; b < nClasses; b++) if (a !== b) off += overlap[a * nClasses + b]!;
        return { meanClassOverlap: off / (nClasses * (nClasses - 1)) };
      },
    },
  });
  const dispose = exp.dispose.bind(exp);
  exp.dispose = () => { evalX.dispose(); means?.dispose(); scaling?.dispose(); dispose(); };
  return exp;
}
