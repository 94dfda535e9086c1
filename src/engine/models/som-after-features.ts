/**
 * SOM after FC/conv features (seed 004): a small classifier is trained first (784 → 256 → 10, or a conv net),
 * then a 30×30 SOM clusters its 256-d hidden features; `features: 'none'` is the SOM on raw pixels. Class
 * separation is measured by purity and NMI of the SOM's winners on the test split.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { SpecOf } from '../../shared/spec';
import { nmi, purity } from '../analysis';
import { sampleSize, type Dataset, type Split } from '../data/types';
import { kernelInit, requireImages, requireLabels } from './common';
import { DeviceSplit } from '../data/batches';
import { ClassifierExperiment } from './classifier';
import { makeOptimizer } from './optimizers';
import { SomExperiment } from './som-experiment';
import { passRows, winnersOver } from './som-source';

function featureNet(
  spec: SpecOf<'som-after-features'>,
  data: Dataset,
  nClasses: number,
): { model: tfl.Sequential; shape: number[] } {
  const model = tfl.sequential();
  const init = (i: number) => kernelInit(spec.init, spec.seed + i);
  if (spec.features === 'conv') {
    const shape = requireImages(data, spec.kind);
    model.add(
      tfl.layers.conv2d({
        inputShape: shape,
        filters: 8,
        kernelSize: 5,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: init(0),
      }),
    );
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tfl.layers.flatten());
    model.add(
      tfl.layers.dense({ units: spec.featureSize, activation: 'relu', kernelInitializer: init(1), name: 'features' }),
    );
    model.add(tfl.layers.dense({ units: nClasses, kernelInitializer: init(2) }));
    return { model, shape };
  }
  const d = sampleSize(data.shape);
  model.add(
    tfl.layers.dense({
      inputShape: [d],
      units: spec.featureSize,
      activation: 'relu',
      kernelInitializer: init(1),
      name: 'features',
    }),
  );
  model.add(tfl.layers.dense({ units: nClasses, kernelInitializer: init(2) }));
  return { model, shape: [d] };
}

async function features(model: tfl.LayersModel, split: Split, shape: number[], size: number): Promise<Split> {
  const head = tfl.model({ inputs: model.inputs, outputs: model.getLayer('features').output as tfl.SymbolicTensor });
  const x = new Float32Array(split.count * size),
    per = sampleSize(shape);
  for (let s = 0; s < split.count; s += 1000) {
    const n = Math.min(1000, split.count - s);
    const f = tf.tidy(
      () => head.predict(tf.tensor(split.x.subarray(s * per, (s + n) * per), [n, ...shape])) as tf.Tensor,
    );
    x.set((await f.data()) as Float32Array, s * size);
    f.dispose();
  }
  return { x, y: split.y, count: split.count };
}

export async function buildSomAfterFeatures(spec: SpecOf<'som-after-features'>, data: Dataset): Promise<SomExperiment> {
  const nClasses = requireLabels(data, spec.kind);
  let train: Split = data.train,
    test: Split | undefined = data.test,
    shape = data.shape;
  if (spec.features !== 'none') {
    const net = featureNet(spec, data, nClasses);
    const cls = new ClassifierExperiment({
      model: net.model,
      train: new DeviceSplit(data.train, net.shape, spec.seed),
      nClasses,
      epochs: spec.featureEpochs,
      batchSize: 128,
      optimizer: makeOptimizer(spec.optimizer, spec.learningRate),
      l2: spec.l2,
      readEvery: 1_000_000,
    });
    for (let i = 0; i < cls.totalSteps; i++) await cls.step(i, Math.floor(i / cls.stepsPerEpoch));
    train = await features(net.model, data.train, net.shape, spec.featureSize);
    test = data.test ? await features(net.model, data.test, net.shape, spec.featureSize) : undefined;
    shape = [spec.featureSize];
    cls.dispose();
  }
  const held = test ?? train;
  const separation = async (exp: SomExperiment) => {
    const x = passRows(held.x, held.count, sampleSize(shape));
    const win = await winnersOver(exp.som, x.parts);
    x.dispose();
    return { purity: purity(win, held.y), nmi: nmi(win, held.y) };
  };
  return SomExperiment.create(spec, { ...data, shape }, train, shape, {
    evaluate: separation,
    finalMetrics: separation,
  });
}
