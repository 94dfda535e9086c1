/** Seed 000, SOM-masked nets: the SOM+CNN comparison, the threshold mask and the σ studies. */
import type { Preset } from './run-types';
import { grid, lenetConv, mnist } from './presets-science-common';

export const MASK_PRESETS: Preset[] = [
  {
    name: 'seed000-som-cnn',
    title: 'SOM+CNN vs CNN on MNIST (20k train, 2 epochs)',
    reproduces: 'seed 000: SOM-CNN 99.02 % vs CNN 98.76 %',
    spec: {
      kind: 'som-mask-cnn',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      conv: lenetConv,
      mask: { sigmaFwd: 3, sigmaOrg: { start: 2, end: 0.5 } },
    },
    variants: [
      { label: 'SOM-CNN', patch: {} },
      { label: 'CNN', patch: { mask: { sigmaFwd: 'inf' } } },
    ],
    reference: {
      figure: '99.02 % (SOM-CNN) vs 98.76 % (CNN)',
      metric: 'testAccuracy',
      order: ['SOM-CNN', 'CNN'],
      tolerance: 0.001,
    },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-threshold-mask',
    title: 'Threshold mask θ = 0 / 0.5 / 0.9 on the MNIST CNN (20k train, 2 epochs)',
    reproduces: 'seed 000: ~5 % of CNN units active at ~98.9 %',
    spec: {
      kind: 'som-mask-cnn',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      conv: lenetConv,
      mask: { sigmaFwd: 2, sigmaOrg: { start: 2, end: 0.5 } },
    },
    variants: [
      { label: 'θ=0', patch: { mask: { threshold: 0 } } },
      { label: 'θ=0.5', patch: { mask: { threshold: 0.5 } } },
      { label: 'θ=0.9', patch: { mask: { threshold: 0.9 } } },
    ],
    reference: {
      figure: '~5 % of units active (θ = 0.9) at ~98.9 %',
      metric: 'activeFraction',
      variant: 'θ=0.9',
      atMost: 0.1,
      also: {
        figure: '~98.9 % accuracy at θ = 0.9',
        metric: 'testAccuracy',
        variant: 'θ=0.9',
        atLeast: 0.985,
        tolerance: 0.01,
      },
    },
    views: ['mask', 'curves'],
  },
  {
    name: 'seed000-sigma-sweep',
    title: 'σ sweep ∞ / 50 / 20 / 5 on SOM+FC (MNIST: no CIFAR folder built in; 20k train, 2 epochs)',
    reproduces: 'seed 000: CIFAR-10 accuracy ordered σ = ∞ > 50 > 20 > 5',
    spec: {
      kind: 'som-mask-mlp',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      hidden: [grid(20, 20), grid(20, 20)],
    },
    variants: ['inf', 50, 20, 5].map((s) => ({
      label: `σ=${s === 'inf' ? '∞' : s}`,
      patch: { mask: { sigmaFwd: s, sigmaOrg: s === 'inf' ? { start: 1, end: 1 } : { start: s, end: s } } },
    })),
    reference: {
      figure: 'accuracy ordered ∞ > 50 > 20 > 5',
      metric: 'testAccuracy',
      order: ['σ=∞', 'σ=50', 'σ=20', 'σ=5'],
      tolerance: 0.002,
    },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-dual-sigma',
    title: 'σ_org vs σ_fwd split on SOM+FC (MNIST 20k, 2 epochs)',
    reproduces: 'seed 000: a small σ_org organises, a large σ_fwd keeps the accuracy',
    spec: {
      kind: 'som-mask-mlp',
      dataset: mnist(20000),
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 100,
      hidden: [grid(10, 10), grid(10, 10)],
    },
    variants: [
      { label: 'σ_org 1, σ_fwd 8', patch: { mask: { sigmaOrg: { start: 3, end: 1 }, sigmaFwd: 8 } } },
      { label: 'σ_org 1, σ_fwd 1', patch: { mask: { sigmaOrg: { start: 3, end: 1 }, sigmaFwd: 1 } } },
    ],
    reference: {
      figure: 'the two-σ split beats a single small σ',
      metric: 'testAccuracy',
      order: ['σ_org 1, σ_fwd 8', 'σ_org 1, σ_fwd 1'],
      tolerance: 0.002,
    },
    views: ['grid', 'mask', 'curves'],
  },
];
