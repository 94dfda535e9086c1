/** Seeds 001–004 and the other seed 000 models: kWTA, soft SOM, SOM after features, stacked SOM, LeNet. */
import type { Preset } from './run-types';
import { mnist } from './presets-science-common';

export const MODEL_PRESETS: Preset[] = [
  {
    name: 'seed001-kwta-triplet',
    title: 'MLP_kWTA 784-64-512, sparsity 0.05: triplet loss on binary codes vs softmax (MNIST 20k)',
    reproduces: 'seed 001: kWTA with triplet loss competitive with softmax',
    spec: {
      kind: 'kwta-mlp',
      dataset: mnist(20000),
      epochs: 3,
      batchSize: 128,
      snapshotEvery: 100,
      kwta: { sparsity: 0.05, margin: 4, synapticScaling: false },
    },
    variants: [
      { label: 'kWTA + triplet', patch: { kwta: { loss: 'triplet' } } },
      { label: 'softmax', patch: { kwta: { loss: 'softmax' } } },
      // The seed's claim about scaling: firing entropy goes up (see docs/REPRODUCTION.md).
      { label: 'kWTA + triplet + synaptic scaling', patch: { kwta: { loss: 'triplet', synapticScaling: true } } },
    ],
    reference: {
      figure: 'kWTA + triplet loss competitive with softmax',
      metric: 'testAccuracy',
      order: ['kWTA + triplet', 'softmax'],
      tolerance: 0.03,
      claim: 'competitive',
    },
    views: ['sdr', 'curves'],
  },
  {
    name: 'seed002-soft-som-spiral',
    title: 'Differentiable soft SOM on the 2-class spiral: pure NN, SOM preprocessing, SOM interposed',
    reproduces: 'seed 002: decision boundaries of the three networks on the spiral',
    spec: {
      kind: 'soft-som',
      dataset: { source: 'builtin', name: 'spirals' },
      epochs: 60,
      batchSize: 64,
      snapshotEvery: 100,
      learningRate: 0.01,
    },
    variants: [
      { label: 'pure NN', patch: { softSom: { variant: 'pure-nn' } } },
      { label: 'SOM preprocessing', patch: { softSom: { variant: 'som-preprocess' } } },
      { label: 'SOM interposed', patch: { softSom: { variant: 'som-interposed' } } },
    ],
    reference: {
      figure: 'the interposed soft SOM trains end to end and separates the spiral',
      metric: 'testAccuracy',
      variant: 'SOM interposed',
      atLeast: 0.9,
      tolerance: 0.05,
    },
    views: ['boundary', 'curves'],
  },
  {
    name: 'seed004-som-after-fc',
    title: 'A 30×30 SOM on FC features (784 → 256) vs on raw pixels (MNIST 20k)',
    reproduces: 'seed 004: SOM after FC layers separates classes better than on raw input',
    spec: {
      kind: 'som-after-features',
      dataset: mnist(20000),
      epochs: 3,
      batchSize: 256,
      snapshotEvery: 50,
      features: 'fc',
      featureEpochs: 2,
      som: { rows: 30, cols: 30, init: 'pca', sigma: { start: 10, end: 1 } },
    },
    variants: [
      { label: 'FC features', patch: { features: 'fc' } },
      { label: 'raw pixels', patch: { features: 'none' } },
    ],
    reference: {
      figure: 'better class separation after FC features',
      metric: 'purity',
      order: ['FC features', 'raw pixels'],
      tolerance: 0.01,
    },
    views: ['grid', 'curves'],
  },
  {
    name: 'seed000-stacked-som',
    title: 'Stacked patch SOM: layer 2 on the grid of layer-1 winner coordinates (MNIST 10k)',
    reproduces: 'seed 000: the stacked patch SOM clusters digits poorly',
    spec: { kind: 'stacked-som', dataset: mnist(10000, 2000), epochs: 3, batchSize: 256, snapshotEvery: 50 },
    reference: { figure: 'clusters the digits poorly', metric: 'purity', atMost: 0.6 },
    views: ['grid'],
  },
  {
    name: 'seed003-lenet',
    title: 'LeNet with dropout, 2-D dropout, L2 and He init (MNIST 20k, 2 epochs)',
    reproduces: 'seed 003: the baseline CNN recipe',
    spec: {
      kind: 'baseline-cnn',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      dropout: 0.5,
      dropout2d: 0.1,
      l2: 1e-5,
      init: 'he',
    },
    reference: {
      figure: 'a standard LeNet reaches ~99 % on MNIST',
      metric: 'testAccuracy',
      atLeast: 0.98,
      tolerance: 0.01,
    },
    views: ['curves'],
  },
];
