/**
 * MLP_kWTA (seed 001): 784 → 64 (ReLU) → 512 → kWTA(s). `triplet`: triplet loss on the (soft) codes;
 * accuracy by the nearest class-mean binary code. `softmax`: the same net with ReLU in place of kWTA and
 * a softmax head (the seed's comparison). Synaptic scaling keeps units from dying or saturating.
 * Both variants report the code statistics of their 512-unit layer on a fixed evaluation subset (for
 * softmax the code is which ReLU units fire): firing entropy, dead / always-on units, the information
 * plane per epoch (codes binned by k-means), the mean SDR per class (panel 'sdr' and model/sdr.json), and
 * with every snapshot the code's health on a grid (layer 'code': firing, dead, always-on, per class).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SomSnapshot } from '../../shared/run-types';
import type { SpecOf } from '../../shared/spec';
import { classOverlaps, firingRates, firingSummary, infoPlaneKMeans } from '../analysis';
import { sampleSize, type Dataset } from '../data/types';
import { SynapticScaling, applySynapticScaling } from '../layers';
import { requireLabels } from './common';
import { DeviceSplit } from '../data/batches';
import { ClassifierExperiment } from './classifier';
import type { SavedFile } from '../train/experiment';
import { trainingOf } from './optimizers';
import { currentReducer, sharedMean } from '../parallel/reduce';
import { buildNet, codeOf, tripletLoss } from './kwta-mlp-net';
import { unitFiring, type Firing } from './unit-firing';
import { classMajor, codeSnapshot } from './code-snapshot';

export { tripletLoss } from './kwta-mlp-net';

const EVAL = 2000;
const IP_BINS = 20;

export async function buildKwtaMlp(spec: SpecOf<'kwta-mlp'>, data: Dataset): Promise<ClassifierExperiment> {
  const nClasses = requireLabels(data, spec.kind);
  const k = spec.kwta,
    d = sampleSize(data.shape),
    triplet = k.loss === 'triplet',
    N = k.codeSize;
  const { model, code, kwta } = buildNet(spec, d, nClasses);
  const train = new DeviceSplit(data.train, [d], spec.seed);
  const test = data.test ? new DeviceSplit(data.test, [d], spec.seed) : undefined;
  const src = test ?? train,
    nEval = Math.min(EVAL, src.count);
  const evalX = src.head(nEval),
    evalY = src.labels.slice(0, nEval);
  // Scaling compounds step after step (integral control) while the EMA rate lags: a per-step gain above
  // ~0.2 % overshoots, units take turns being always on and the weights blow up (MNIST 20k, 3 epochs, at the
  // layer's default ±25 %: NaN loss, 26 always-on units). ±0.2 % with a 20-step EMA: 375 → 271 dead units.
  const scaling =
    triplet && k.synapticScaling
      ? new SynapticScaling({ units: N, target: k.sparsity, rate: 0.05, minScale: 0.998, maxScale: 1.002 })
      : null;
  let means: tf.Tensor2D | null = null;
  let sdr: Float32Array | null = null;

  /** The code of the evaluation subset and its firing (one computation with mask layers: ./unit-firing). */
  async function codeFiring(): Promise<{ codes: Float32Array; fired: Firing }> {
    const c = codeOf(model, evalX, triplet) as tf.Tensor2D;
    try {
      return { codes: (await c.data()) as Float32Array, fired: await unitFiring(c, evalY, nClasses) };
    } finally {
      c.dispose();
    }
  }

  /** Class overlaps of the k most frequent units per class (k = the code's active count). */
  const overlaps = (m: Float32Array) =>
    classOverlaps(m, nClasses, N, Math.max(1, Math.round(firingSummary(firingRates(m, nClasses, N)).sparsity * N)));

  const exp = new ClassifierExperiment({
    model,
    train,
    test,
    nClasses,
    ...trainingOf(spec),
    ...(triplet
      ? {
          loss: tripletLoss(k.margin),
          // Nearest class-mean code (refreshed before each evaluation); before the first, no prediction.
          predict: (codes: tf.Tensor) =>
            (means
              ? tf.argMin(tf.sub(tf.sum(tf.square(means), 1), tf.mul(2, tf.matMul(codes, means, false, true))), 1)
              : tf.fill([codes.shape[0]!], -1, 'int32')) as tf.Tensor1D,
        }
      : {}),
    hooks: {
      afterStep(e) {
        const own = kwta.takeBatchRates();
        if (!own) return;
        const rates = currentReducer().size === 1 ? own : sharedMean(own, e.share);
        if (scaling) {
          scaling.update(rates);
          const scales = scaling.scales();
          applySynapticScaling(code.trainableWeights[0]!.read() as tf.Variable, scales);
          scales.dispose();
        }
        rates.dispose();
      },
      async evaluate(): Promise<Record<string, number>> {
        const { codes, fired } = await codeFiring();
        sdr = classMajor(fired.firingByClass!, N, nClasses);
        if (triplet) {
          means?.dispose();
          means = tf.keep(tf.tensor2d(sdr, [nClasses, N]));
        }
        const f = firingSummary(fired.firing);
        // Codes quantised into 20 k-means bins (the seed's estimator): with one bin per unit state every one
        // of the distinct 512-bit codes is its own bin, and the plane sits at (log2 n, H(Y)) all run long.
        const { ixt, ity } = infoPlaneKMeans(codes, nEval, N, evalY, IP_BINS, spec.seed);
        return {
          ixt,
          ity,
          firingEntropy: f.entropy,
          deadUnits: f.dead,
          alwaysOnUnits: f.alwaysOn,
          sparsity: f.sparsity,
        };
      },
      async snapshots(_exp, step): Promise<SomSnapshot[]> {
        // Live: the code's firing now, not at the last evaluation.
        const code = codeSnapshot(step, 'code', (await codeFiring()).fired, nEval);
        if (!sdr) return [code];
        // Classes × neurons heat map, drawn by the grid view's U-matrix mode.
        return [
          code,
          {
            step,
            layer: 'sdr',
            rows: nClasses,
            cols: N,
            topology: 'rect',
            shape: [1],
            codebook: sdr,
            hits: sdr,
            umatrix: sdr,
          },
        ];
      },
      async finalMetrics(): Promise<Record<string, number>> {
        if (!sdr) return {};
        const o = overlaps(sdr);
        let off = 0;
        for (let a = 0; a < nClasses; a++) for (let b = 0; b < nClasses; b++) if (a !== b) off += o[a * nClasses + b]!;
        return { meanClassOverlap: off / (nClasses * (nClasses - 1)) };
      },
    },
  });
  const saveModel = exp.save.bind(exp),
    dispose = exp.dispose.bind(exp);
  exp.save = async (): Promise<SavedFile[]> => {
    const files = await saveModel();
    if (!sdr) return files;
    // Row-major [rows][n] arrays, 4 decimals (float32 digits beyond that are noise).
    const rows = (a: ArrayLike<number>, n: number) =>
      Array.from({ length: a.length / n }, (_, r) =>
        Array.from({ length: n }, (_, j) => Math.round(a[r * n + j]! * 1e4) / 1e4),
      );
    const json = {
      classes: data.classes,
      codeSize: N,
      loss: k.loss,
      samples: nEval,
      meanSdr: rows(sdr, N),
      overlap: rows(overlaps(sdr), nClasses),
    };
    return [...files, { name: 'sdr.json', data: JSON.stringify(json) }];
  };
  exp.dispose = () => {
    evalX.dispose();
    means?.dispose();
    scaling?.dispose();
    dispose();
  };
  return exp;
}
