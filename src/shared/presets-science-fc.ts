/** Seed 000, SOM+FC variants: ReLU order, the SOM+FC comparison, the CSOM and the neuron budget. */
import type { Preset } from './run-types';
import { grid, mnist } from './presets-science-common';

export const FC_PRESETS: Preset[] = [
  {
    name: 'seed000-som-relu-order',
    title: 'SOM-ReLU vs ReLU-SOM on SOM+FC (MNIST 20k, 2 epochs)',
    reproduces: 'seed 000: SOM-ReLU slightly better than ReLU-SOM',
    spec: {
      kind: 'som-mask-mlp',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      hidden: [grid(10, 10), grid(10, 10)],
      mask: { sigmaFwd: 3 },
    },
    variants: [
      { label: 'SOM-ReLU', patch: { mask: { order: 'som-relu' } } },
      { label: 'ReLU-SOM', patch: { mask: { order: 'relu-som' } } },
    ],
    // A strict margin: a tie is not "slightly better" (and with m ≥ 0, relu(m·z) = m·relu(z): see REPRODUCTION.md).
    reference: {
      figure: 'SOM-ReLU slightly better',
      metric: 'testAccuracy',
      order: ['SOM-ReLU', 'ReLU-SOM'],
      tolerance: -0.0001,
    },
    views: ['mask', 'curves'],
  },
  {
    name: 'seed000-som-fc',
    title: 'SOM+FC: masks on both layers, the first only, or none (MNIST 20k, 2 epochs)',
    reproduces: 'seed 000: no accuracy boost from the SOM masks; a good visualisation',
    spec: {
      kind: 'som-mask-mlp',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      hidden: [grid(10, 10), grid(10, 10)],
      mask: { sigmaFwd: 8, sigmaOrg: { start: 3, end: 1 } },
    },
    variants: [
      { label: 'no SOM', patch: { hidden: [grid(10, 10, false), grid(10, 10, false)] } },
      { label: 'first layer', patch: { hidden: [grid(10, 10, true), grid(10, 10, false)] } },
      { label: 'both layers', patch: {} },
    ],
    reference: {
      figure: 'no performance boost from the SOM (the plain MLP is as good)',
      metric: 'testAccuracy',
      order: ['no SOM', 'both layers'],
      tolerance: 0.005,
      claim: 'competitive',
    },
    views: ['grid', 'winners', 'curves'],
  },
  {
    name: 'seed000-csom',
    title: 'CSOM (per-position SOM mask) vs CNN on MNIST (5k train, 2 epochs)',
    reproduces: 'seed 000: CSOM competitive with ~30 % activation strength',
    spec: {
      kind: 'csom',
      dataset: mnist(5000, 2000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 50,
      conv: [
        { rows: 4, cols: 4, kernel: 5, mask: true },
        { rows: 4, cols: 8, kernel: 5, mask: false },
      ],
      mask: { sigmaFwd: 1.2, sigmaOrg: { start: 2, end: 0.5 } },
    },
    variants: [
      { label: 'CSOM', patch: {} },
      { label: 'CNN', patch: { mask: { sigmaFwd: 'inf' } } },
    ],
    reference: {
      figure: 'competitive accuracy at ~30 % activation strength',
      metric: 'maskStrength',
      variant: 'CSOM',
      value: 0.3,
      tolerance: 0.1,
      also: {
        figure: 'competitive with the CNN',
        metric: 'testAccuracy',
        order: ['CSOM', 'CNN'],
        tolerance: 0.01,
        claim: 'competitive',
      },
    },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-budget',
    title: 'Same budget: 100 units with K active via the SOM vs K units vs dropout K/N (MLP, MNIST 20k)',
    reproduces: 'seed 000: 100 units with 5 or 30 active through the SOM vs nets of 5 or 30 units',
    spec: {
      kind: 'som-mask-mlp',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      hidden: [grid(10, 10)],
      mask: { sigmaFwd: 3, sigmaOrg: { start: 3, end: 1 } },
    },
    variants: [
      { label: 'N=100, K=30 via SOM', patch: { mask: { activeUnits: 30 } } },
      { label: '30 units', patch: { hidden: [grid(5, 6, false)] } },
      { label: 'dropout keep 0.3', patch: { hidden: [grid(10, 10, false)], dropout: 0.7 } },
      { label: 'N=100, K=5 via SOM', patch: { mask: { activeUnits: 5 } } },
      { label: '5 units', patch: { hidden: [grid(1, 5, false)] } },
      { label: 'dropout keep 0.05', patch: { hidden: [grid(10, 10, false)], dropout: 0.95 } },
    ],
    reference: {
      figure: 'curves only (no number): SOM-masked 100-unit net vs a 30-unit net',
      metric: 'testAccuracy',
      order: ['N=100, K=30 via SOM', '30 units'],
      tolerance: 0.01,
    },
    views: ['mask', 'curves'],
  },
];
