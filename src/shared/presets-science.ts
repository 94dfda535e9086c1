/**
 * Presets for the SOM-in-network experiments (SCIENCE.md §3–§8), sized to run on two CPU cores in
 * minutes: MNIST subsets and few epochs (each preset says so in its title). A bigger machine can raise
 * trainLimit/epochs in the form; the seed figure and its tolerance stay the same.
 */
import type { Preset } from './api';

const mnist = (trainLimit: number, testLimit = 5000) => ({ source: 'builtin', name: 'mnist', trainLimit, testLimit }) as const;
const grid = (rows: number, cols: number, mask = true) => ({ rows, cols, mask });
const lenetConv = [{ rows: 4, cols: 4, kernel: 5, mask: true }, { rows: 4, cols: 8, kernel: 5, mask: true }];

export const SCIENCE_PRESETS: Preset[] = [
  {
    name: 'seed000-som-cnn', title: 'SOM+CNN vs CNN on MNIST (20k train, 2 epochs)',
    reproduces: 'seed 000: SOM-CNN 99.02 % vs CNN 98.76 %',
    spec: { kind: 'som-mask-cnn', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, conv: lenetConv, mask: { sigmaFwd: 3, sigmaOrg: { start: 2, end: 0.5 } } },
    variants: [{ label: 'SOM-CNN', patch: {} }, { label: 'CNN', patch: { mask: { sigmaFwd: 'inf' } } }],
    reference: { figure: '99.02 % (SOM-CNN) vs 98.76 % (CNN)', metric: 'testAccuracy', order: ['SOM-CNN', 'CNN'], tolerance: 0.001 },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-threshold-mask', title: 'Threshold mask θ = 0 / 0.5 / 0.9 on the MNIST CNN (20k train, 2 epochs)',
    reproduces: 'seed 000: ~5 % of CNN units active at ~98.9 %',
    spec: { kind: 'som-mask-cnn', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, conv: lenetConv, mask: { sigmaFwd: 2, sigmaOrg: { start: 2, end: 0.5 } } },
    variants: [{ label: 'θ=0', patch: { mask: { threshold: 0 } } }, { label: 'θ=0.5', patch: { mask: { threshold: 0.5 } } }, { label: 'θ=0.9', patch: { mask: { threshold: 0.9 } } }],
    reference: {
      figure: '~5 % of units active (θ = 0.9) at ~98.9 %', metric: 'activeFraction', variant: 'θ=0.9', atMost: 0.1,
      also: { figure: '~98.9 % accuracy at θ = 0.9', metric: 'testAccuracy', variant: 'θ=0.9', atLeast: 0.985, tolerance: 0.01 },
    },
    views: ['mask', 'curves'],
  },
  {
    name: 'seed000-sigma-sweep', title: 'σ sweep ∞ / 50 / 20 / 5 on SOM+FC (MNIST: no CIFAR folder built in; 20k train, 2 epochs)',
    reproduces: 'seed 000: CIFAR-10 accuracy ordered σ = ∞ > 50 > 20 > 5',
    spec: { kind: 'som-mask-mlp', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, hidden: [grid(20, 20), grid(20, 20)] },
    variants: ['inf', 50, 20, 5].map((s) => ({ label: `σ=${s === 'inf' ? '∞' : s}`, patch: { mask: { sigmaFwd: s, sigmaOrg: s === 'inf' ? { start: 1, end: 1 } : { start: s, end: s } } } })),
    reference: { figure: 'accuracy ordered ∞ > 50 > 20 > 5', metric: 'testAccuracy', order: ['σ=∞', 'σ=50', 'σ=20', 'σ=5'], tolerance: 0.002 },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-dual-sigma', title: 'σ_org vs σ_fwd split on SOM+FC (MNIST 20k, 2 epochs)',
    reproduces: 'seed 000: a small σ_org organises, a large σ_fwd keeps the accuracy',
    spec: { kind: 'som-mask-mlp', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, hidden: [grid(10, 10), grid(10, 10)] },
    variants: [
      { label: 'σ_org 1, σ_fwd 8', patch: { mask: { sigmaOrg: { start: 3, end: 1 }, sigmaFwd: 8 } } },
      { label: 'σ_org 1, σ_fwd 1', patch: { mask: { sigmaOrg: { start: 3, end: 1 }, sigmaFwd: 1 } } },
    ],
    reference: { figure: 'the two-σ split beats a single small σ', metric: 'testAccuracy', order: ['σ_org 1, σ_fwd 8', 'σ_org 1, σ_fwd 1'], tolerance: 0.002 },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-som-relu-order', title: 'SOM-ReLU vs ReLU-SOM on SOM+FC (MNIST 20k, 2 epochs)',
    reproduces: 'seed 000: SOM-ReLU slightly better than ReLU-SOM',
    spec: { kind: 'som-mask-mlp', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, hidden: [grid(10, 10), grid(10, 10)], mask: { sigmaFwd: 3 } },
    variants: [{ label: 'SOM-ReLU', patch: { mask: { order: 'som-relu' } } }, { label: 'ReLU-SOM', patch: { mask: { order: 'relu-som' } } }],
    // A strict margin: a tie is not "slightly better" (and with m ≥ 0, relu(m·z) = m·relu(z): see REPRODUCTION.md).
    reference: { figure: 'SOM-ReLU slightly better', metric: 'testAccuracy', order: ['SOM-ReLU', 'ReLU-SOM'], tolerance: -0.0001 },
    views: ['mask', 'curves'],
  },
  {
    name: 'seed000-som-fc', title: 'SOM+FC: masks on both layers, the first only, or none (MNIST 20k, 2 epochs)',
    reproduces: 'seed 000: no accuracy boost from the SOM masks; a good visualisation',
    spec: { kind: 'som-mask-mlp', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, hidden: [grid(10, 10), grid(10, 10)], mask: { sigmaFwd: 8, sigmaOrg: { start: 3, end: 1 } } },
    variants: [
      { label: 'no SOM', patch: { hidden: [grid(10, 10, false), grid(10, 10, false)] } },
      { label: 'first layer', patch: { hidden: [grid(10, 10, true), grid(10, 10, false)] } },
      { label: 'both layers', patch: {} },
    ],
    reference: { figure: 'no performance boost from the SOM (the plain MLP is as good)', metric: 'testAccuracy', order: ['no SOM', 'both layers'], tolerance: 0.005 },
    views: ['grid', 'winners', 'curves'],
  },
  {
    name: 'seed000-csom', title: 'CSOM (per-position SOM mask) vs CNN on MNIST (5k train, 2 epochs)',
    reproduces: 'seed 000: CSOM competitive with ~30 % activation strength',
    spec: { kind: 'csom', dataset: mnist(5000, 2000), epochs: 2, batchSize: 64, snapshotEvery: 50, conv: [{ rows: 4, cols: 4, kernel: 5, mask: true }, { rows: 4, cols: 8, kernel: 5, mask: false }], mask: { sigmaFwd: 1.2, sigmaOrg: { start: 2, end: 0.5 } } },
    variants: [{ label: 'CSOM', patch: {} }, { label: 'CNN', patch: { mask: { sigmaFwd: 'inf' } } }],
    reference: {
      figure: 'competitive accuracy at ~30 % activation strength', metric: 'maskStrength', variant: 'CSOM', value: 0.3, tolerance: 0.1,
      also: { figure: 'competitive with the CNN', metric: 'testAccuracy', order: ['CSOM', 'CNN'], tolerance: 0.01 },
    },
    views: ['grid', 'mask', 'curves'],
  },
  {
    name: 'seed000-budget', title: 'Same budget: 100 units with K active via the SOM vs K units vs dropout K/N (MLP, MNIST 20k)',
    reproduces: 'seed 000: 100 units with 5 or 30 active through the SOM vs nets of 5 or 30 units',
    spec: { kind: 'som-mask-mlp', dataset: mnist(20000), epochs: 2, batchSize: 64, snapshotEvery: 100, hidden: [grid(10, 10)], mask: { sigmaFwd: 3, sigmaOrg: { start: 3, end: 1 } } },
    variants: [
      { label: 'N=100, K=30 via SOM', patch: { mask: { activeUnits: 30 } } },
      { label: '30 units', patch: { hidden: [grid(5, 6, false)] } },
      { label: 'dropout keep 0.3', patch: { hidden: [grid(10, 10, false)], dropout: 0.7 } },
      { label: 'N=100, K=5 via SOM', patch: { mask: { activeUnits: 5 } } },
      { label: '5 units', patch: { hidden: [grid(1, 5, false)] } },
      { label: 'dropout keep 0.05', patch: { hidden: [grid(10, 10, false)], dropout: 0.95 } },
    ],
    reference: { figure: 'curves only (no number): SOM-masked 100-unit net vs a 30-unit net', metric: 'testAccuracy', order: ['N=100, K=30 via SOM', '30 units'], tolerance: 0.01 },
    views: ['mask', 'curves'],
  },
  {
    name: 'seed001-kwta-triplet', title: 'MLP_kWTA 784-64-512, sparsity 0.05: triplet loss on binary codes vs softmax (MNIST 20k)',
    reproduces: 'seed 001: kWTA with triplet loss competitive with softmax',
    spec: { kind: 'kwta-mlp', dataset: mnist(20000), epochs: 3, batchSize: 128, snapshotEvery: 100, kwta: { sparsity: 0.05, margin: 4, synapticScaling: false } },
    variants: [
      { label: 'kWTA + triplet', patch: { kwta: { loss: 'triplet' } } },
      { label: 'softmax', patch: { kwta: { loss: 'softmax' } } },
      // The seed's claim about scaling: firing entropy goes up (see docs/REPRODUCTION.md).
      { label: 'kWTA + triplet + synaptic scaling', patch: { kwta: { loss: 'triplet', synapticScaling: true } } },
    ],
    reference: { figure: 'kWTA + triplet loss competitive with softmax', metric: 'testAccuracy', order: ['kWTA + triplet', 'softmax'], tolerance: 0.03 },
    views: ['sdr', 'curves'],
  },
  {
    name: 'seed002-soft-som-spiral', title: 'Differentiable soft SOM on the 2-class spiral: pure NN, SOM preprocessing, SOM interposed',
    reproduces: 'seed 002: decision boundaries of the three networks on the spiral',
    spec: { kind: 'soft-som', dataset: { source: 'builtin', name: 'spirals' }, epochs: 60, batchSize: 64, snapshotEvery: 100, learningRate: 0.01 },
    variants: [{ label: 'pure NN', patch: { softSom: { variant: 'pure-nn' } } }, { label: 'SOM preprocessing', patch: { softSom: { variant: 'som-preprocess' } } }, { label: 'SOM interposed', patch: { softSom: { variant: 'som-interposed' } } }],
    reference: { figure: 'the interposed soft SOM trains end to end and separates the spiral', metric: 'testAccuracy', variant: 'SOM interposed', atLeast: 0.9, tolerance: 0.05 },
    views: ['boundary', 'curves'],
  },
  {
    name: 'seed004-som-after-fc', title: 'A 30×30 SOM on FC features (784 → 256) vs on raw pixels (MNIST 20k)',
    reproduces: 'seed 004: SOM after FC layers separates classes better than on raw input',
    spec: { kind: 'som-after-features', dataset: mnist(20000), epochs: 3, batchSize: 256, snapshotEvery: 50, features: 'fc', featureEpochs: 2, som: { rows: 30, cols: 30, init: 'pca', sigma: { start: 10, end: 1 } } },
    variants: [{ label: 'FC features', patch: { features: 'fc' } }, { label: 'raw pixels', patch: { features: 'none' } }],
    reference: { figure: 'better class separation after FC features', metric: 'purity', order: ['FC features', 'raw pixels'], tolerance: 0.01 },
    views: ['grid', 'curves'],
  },
  {
    name: 'seed000-stacked-som', title: 'Stacked patch SOM: layer 2 on the grid of layer-1 winner coordinates (MNIST 10k)',
    reproduces: 'seed 000: the stacked patch SOM clusters digits poorly',
    spec: { kind: 'stacked-som', dataset: mnist(10000, 2000), epochs: 3, batchSize: 256, snapshotEvery: 50 },
    reference: { figure: 'clusters the digits poorly', metric: 'purity', atMost: 0.6 },
    views: ['grid'],
  },
  {
    name: 'seed003-lenet', title: 'LeNet with dropout, 2-D dropout, L2 and He init (MNIST 20k, 2 epochs)',
    reproduces: 'seed 003: the baseline CNN recipe',
    spec: { kind: 'baseline-cnn', dataset: mnist(20000), epochs: 2, batchSize: 64, dropout: 0.5, dropout2d: 0.1, l2: 1e-5, init: 'he' },
    reference: { figure: 'a standard LeNet reaches ~99 % on MNIST', metric: 'testAccuracy', atLeast: 0.98, tolerance: 0.01 },
    views: ['curves'],
  },
];
