/**
 * Soft SOM on the 2-class spiral (seed 002): a pure NN, a Kohonen SOM as preprocessing (its codebook fixed
 * inside a SoftSom that maps p to grid coordinates) before the same NN, or a SoftSom interposed between
 * NN layers and trained end to end. The decision boundary over the input plane is streamed as a 64×64 panel and saved.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { SomSnapshot } from '../../shared/run-types';
import type { SpecOf } from '../../shared/spec';
import { sampleSize, type Dataset } from '../data/types';
import { SoftSom } from '../layers';
import { INIT_ROWS } from '../som';
import { kernelInit, requireLabels } from './common';
import { DeviceSplit } from '../data/batches';
import { ClassifierExperiment } from './classifier';
import type { SavedFile } from '../train/experiment';
import { trainingOf } from './optimizers';
import { boundarySnapshot, EXTENT, latticeSnapshot, plane, RES } from './soft-som-views';

export async function buildSoftSom(spec: SpecOf<'soft-som'>, data: Dataset): Promise<ClassifierExperiment> {
  const nClasses = requireLabels(data, spec.kind);
  const d = sampleSize(data.shape),
    o = spec.softSom;
  if (d !== 2)
    throw new Error(
      `soft-som draws its decision boundary over a plane: it needs 2-D inputs (the spirals); ` +
        `${data.name} has ${d} features`,
    );
  const dense = (units: number, i: number, activation?: 'relu' | 'tanh') =>
    tfl.layers.dense({ units, activation, kernelInitializer: kernelInit(spec.init, spec.seed + i) });
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [d] }));
  const train = new DeviceSplit(data.train, [d], spec.seed);
  // Fixed locations for the preprocessing SOM (a Kohonen map), gradient-trained ones for the interposed.
  const soft =
    o.variant === 'pure-nn'
      ? null
      : new SoftSom({
          rows: o.rows,
          cols: o.cols,
          beta: o.beta,
          trainableLocations: o.variant === 'som-interposed',
          seed: spec.seed,
          name: 'softsom',
        });
  if (soft && o.variant === 'som-preprocess') {
    model.add(soft);
    tf.tidy(() => {
      soft.apply(tf.zeros([1, d]));
    }); // builds the locations
    // The preprocessing SOM is a plain Kohonen map of the inputs, trained before the network.
    const head = train.head(INIT_ROWS);
    await soft.initSom(head, 'random');
    head.dispose();
    const T = 300;
    for (let t = 0; t < T; t++) {
      const { x, y } = train.batch(train.batchIndices(t, 0, 256));
      soft.trainSom(x, Math.max(0.5, (o.rows / 2) * Math.pow(0.5 / (o.rows / 2), t / (T - 1))), 0.5);
      tf.dispose([x, y]);
    }
  }
  // The pure NN's MLP throughout: after the preprocessing SOM it sees grid coordinates instead of the plane.
  const first = dense(o.hidden, 1, 'tanh');
  model.add(first);
  if (soft && o.variant === 'som-interposed') model.add(soft);
  model.add(dense(o.hidden, 2, 'relu'));
  model.add(dense(nClasses, 3));
  const grid = plane();
  return new ClassifierExperiment({
    model,
    train,
    test: data.test ? new DeviceSplit(data.test, [d], spec.seed) : undefined,
    nClasses,
    ...trainingOf(spec),
    hooks: {
      async snapshots(_exp, step): Promise<SomSnapshot[]> {
        const b = await boundarySnapshot(model, grid, step);
        // The interposed SOM reads the first hidden layer; the preprocessing one reads the plane itself.
        return soft ? [b, await latticeSnapshot(soft, o.variant === 'som-interposed' ? first : null, grid, step)] : [b];
      },
      async save(): Promise<SavedFile[]> {
        const b = await boundarySnapshot(model, grid, -1);
        const probs = Array.from(b.codebook, (v) => Math.round(v * 1e4) / 1e4);
        const json = {
          rows: RES,
          cols: RES,
          extent: [-EXTENT, EXTENT],
          variant: o.variant,
          classOneProbability: probs,
        };
        return [{ name: 'boundary.json', data: JSON.stringify(json) }];
      },
      dispose: () => grid.dispose(),
    },
  });
}
