/** Baseline MLP (seed 003): dense layers with Glorot/He init, dropout, L2 — softmax cross-entropy on logits. */
import * as tfl from '@tensorflow/tfjs-layers';
import type { SpecOf } from '../../shared/spec';
import type { Dataset } from '../data/types';
import { sampleSize } from '../data/types';
import { DeviceSplit } from '../data/batches';
import { ClassifierExperiment } from './classifier';
import { kernelInit, requireLabels } from './common';
import { trainingOf } from './optimizers';
import { FreshDropout } from '../layers/fresh-dropout';

export function buildMlp(
  inputSize: number,
  hidden: number[],
  nClasses: number,
  o: { activation: string; dropout: number; init: 'glorot' | 'he'; seed: number },
): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [inputSize] }));
  hidden.forEach((units, i) => {
    model.add(
      tfl.layers.dense({
        units,
        activation: o.activation as 'relu',
        kernelInitializer: kernelInit(o.init, o.seed + i),
      }),
    );
    if (o.dropout > 0) model.add(new FreshDropout({ rate: o.dropout, seed: o.seed + 100 + i }));
  });
  model.add(tfl.layers.dense({ units: nClasses, kernelInitializer: kernelInit('glorot', o.seed + hidden.length) }));
  return model;
}

export async function buildBaselineMlp(spec: SpecOf<'baseline-mlp'>, data: Dataset): Promise<ClassifierExperiment> {
  const nClasses = requireLabels(data, 'baseline-mlp');
  const d = sampleSize(data.shape);
  const flat = [d];
  return new ClassifierExperiment({
    model: buildMlp(d, spec.hidden, nClasses, spec),
    train: new DeviceSplit(data.train, flat, spec.seed),
    test: data.test ? new DeviceSplit(data.test, flat, spec.seed) : undefined,
    nClasses,
    ...trainingOf(spec),
  });
}
