/**
 * The SOM-as-a-mask networks of seed 000 (docs/SCIENCE.md §4): SOM+FC (som-mask-mlp), SOM+CNN (som-mask-cnn)
 * and CSOM (csom). Layers without a mask (mask: false, or σ_fwd = ∞) are the same layers ungated, so the
 * plain nets and the budget baselines come from the same builders. A σ_fwd = ∞ layer marked `mask: true`
 * still organises its SOM (never gating), so a SOM-CNN and its CNN baseline show their maps side by side.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { SpecOf } from '../../shared/spec';
import type { MaskConfig } from '../../shared/spec-nets';
import { sampleSize, type Dataset } from '../data/types';
import { Csom, SomMaskConv, SomMaskDense, type SomMaskArgs } from '../layers/mask';
import { FreshDropout } from '../layers/fresh-dropout';
import { addHead, requireImages, requireLabels } from './common';
import { DeviceSplit } from '../data/batches';
import { ClassifierExperiment } from './classifier';
import { trainingOf } from './optimizers';
import { pickProbes } from './probes';
import { somMaskHooks, type MaskedLayerView } from './som-mask-hooks';

const EVAL = 500;

function maskArgs(
  m: MaskConfig,
  grid: { rows: number; cols: number; mask: boolean },
  seed: number,
  name: string,
): SomMaskArgs {
  return {
    name,
    rows: grid.rows,
    cols: grid.cols,
    topology: m.topology,
    seed,
    sigmaFwd: grid.mask ? m.sigmaFwd : 'inf',
    threshold: m.threshold,
    ...(m.thresholdAt ? { thresholdAt: m.thresholdAt } : {}),
    order: m.order,
    ...(grid.mask && m.activeUnits !== undefined ? { activeUnits: m.activeUnits } : {}),
  };
}

type MaskSpec = SpecOf<'som-mask-mlp'> | SpecOf<'som-mask-cnn'> | SpecOf<'csom'>;

async function finish(
  spec: MaskSpec,
  data: Dataset,
  model: tfl.Sequential,
  views: MaskedLayerView[],
  shape: number[],
): Promise<ClassifierExperiment> {
  const nClasses = requireLabels(data, spec.kind);
  const train = new DeviceSplit(data.train, shape, spec.seed);
  const test = data.test ? new DeviceSplit(data.test, shape, spec.seed) : undefined;
  const nEval = Math.min(EVAL, (test ?? train).count);
  const src = test ?? train;
  const evalX = src.head(nEval),
    evalY = src.labels.slice(0, nEval);
  // The same number of probes from every class, wherever they sit in the split (not the first files).
  const { x: probeX, y: probeY } = tf.tidy(() => pickProbes(src, spec.probeCount));
  // Start each SOM from samples of what it sees (random uniform codebooks would leave most units dead).
  const sample = train.head(2000);
  for (const v of views)
    if (v.layer.learns) {
      const seen: tf.Tensor2D[] = [];
      tf.tidy(() => {
        let h: tf.Tensor = sample;
        for (const l of model.layers) {
          if (l.getClassName() === 'InputLayer') continue;
          if (l === v.layer) {
            seen.push(tf.keep(v.layer.somInput(h)));
            break;
          }
          h = l.apply(h, { training: false }) as tf.Tensor;
        }
      });
      await v.layer.somGate.som.initFrom(seen[0]!, 'samples');
      seen[0]!.dispose();
    }
  sample.dispose();
  const exp = new ClassifierExperiment({
    model,
    train,
    test,
    nClasses,
    ...trainingOf(spec),
    hooks: somMaskHooks({ model, views, mask: spec.mask, evalX, evalY, probeX, probeY, nClasses }),
  });
  const dispose = exp.dispose.bind(exp);
  exp.dispose = () => {
    tf.dispose([evalX, probeX]);
    dispose();
  };
  return exp;
}

export async function buildSomMaskMlp(spec: SpecOf<'som-mask-mlp'>, data: Dataset): Promise<ClassifierExperiment> {
  const d = sampleSize(data.shape);
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [d] }));
  const views: MaskedLayerView[] = [];
  let prevShape = data.shape;
  spec.hidden.forEach((g, i) => {
    const layer = new SomMaskDense(maskArgs(spec.mask, g, spec.seed + i, `fc${i + 1}`));
    layer.organise = g.mask;
    model.add(layer);
    views.push({ layer, shape: prevShape });
    prevShape = [g.rows, g.cols, 1];
    if (spec.dropout > 0) model.add(new FreshDropout({ rate: spec.dropout, seed: spec.seed + 40 + i }));
  });
  model.add(
    tfl.layers.dense({
      units: requireLabels(data, spec.kind),
      kernelInitializer: tfl.initializers.glorotUniform({ seed: spec.seed + 90 }),
    }),
  );
  return finish(spec, data, model, views, [d]);
}

function buildConvNet(
  spec: SpecOf<'som-mask-cnn'> | SpecOf<'csom'>,
  data: Dataset,
  Layer: typeof SomMaskConv | typeof Csom,
): Promise<ClassifierExperiment> {
  const shape = requireImages(data, spec.kind);
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: shape }));
  const views: MaskedLayerView[] = [];
  let [h, w, c] = shape;
  spec.conv.forEach((g, i) => {
    const layer = new Layer({ ...maskArgs(spec.mask, g, spec.seed + i, `conv${i + 1}`), kernelSize: g.kernel });
    layer.organise = g.mask;
    model.add(layer);
    views.push({ layer, shape: Layer === Csom ? [g.kernel, g.kernel, c] : [h, w, c] });
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    [h, w, c] = [Math.floor(h / 2), Math.floor(w / 2), g.rows * g.cols];
  });
  addHead(model, spec.dense, requireLabels(data, spec.kind), spec);
  return finish(spec, data, model, views, shape);
}

export const buildSomMaskCnn = (spec: SpecOf<'som-mask-cnn'>, data: Dataset) => buildConvNet(spec, data, SomMaskConv);
export const buildCsom = (spec: SpecOf<'csom'>, data: Dataset) => buildConvNet(spec, data, Csom);
