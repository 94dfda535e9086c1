/** LeNet (seed 003): conv → ReLU → pool → conv → ReLU → pool → FC → FC, with 2-D dropout, dropout, L2, Glorot/He. */
import * as tfl from '@tensorflow/tfjs-layers';
import type { SpecOf } from '../../shared/spec';
import type { Dataset } from '../data/types';
import { DeviceSplit } from '../data/batches';
import { FreshDropout } from '../layers/fresh-dropout';
import { ClassifierExperiment } from './classifier';
import { addHead, kernelInit, requireImages, requireLabels } from './common';
import { trainingOf } from './optimizers';

export function buildLenet(
  shape: [number, number, number],
  nClasses: number,
  spec: SpecOf<'baseline-cnn'>,
): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: shape }));
  spec.filters.forEach((filters, i) => {
    model.add(
      tfl.layers.conv2d({
        filters,
        kernelSize: spec.kernel,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: kernelInit(spec.init, spec.seed + i),
      }),
    );
    // 2-D dropout drops whole feature maps: one Bernoulli draw per (sample, channel).
    if (spec.dropout2d > 0)
      model.add(
        new FreshDropout({ rate: spec.dropout2d, noiseShape: [null, 1, 1, filters], seed: spec.seed + 20 + i }),
      );
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
  });
  addHead(model, spec.dense, nClasses, spec);
  return model;
}

export async function buildBaselineCnn(spec: SpecOf<'baseline-cnn'>, data: Dataset): Promise<ClassifierExperiment> {
  const nClasses = requireLabels(data, spec.kind);
  const shape = requireImages(data, spec.kind);
  return new ClassifierExperiment({
    model: buildLenet(shape, nClasses, spec),
    train: new DeviceSplit(data.train, shape, spec.seed),
    test: data.test ? new DeviceSplit(data.test, shape, spec.seed) : undefined,
    nClasses,
    ...trainingOf(spec),
  });
}
