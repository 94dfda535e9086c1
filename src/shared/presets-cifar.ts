/**
 * The CIFAR-10 variants of seed 000 and 004, for `somlab reproduce --full --cifar DIR`: DIR is the folder
 * of binary batches (data_batch_1.bin … data_batch_5.bin, test_batch.bin) unpacked from
 * cifar-10-binary.tar.gz. Not in PRESETS: they need a folder no install ships.
 */
import type { Preset } from './run-types';

const som = (side: number, sigma: number) =>
  ({
    rows: side,
    cols: side,
    topology: 'rect',
    init: 'samples',
    mode: 'batch',
    sigma: { start: sigma, end: 0.5, decay: 'exponential' },
    learningRate: { start: 0.5, end: 0.05, decay: 'exponential' },
  }) as const;

function patchSom(name: string, side: number, sigma: number, dir: string, reference: Preset['reference']): Preset {
  return {
    name,
    title: `Patch SOM: 4×4 CIFAR-10 patches on ${side * side} neurons, reconstruction`,
    reproduces: `seed 000: CIFAR frogs rebuilt from 4×4 patches (${side * side} neurons), blurrier than MNIST`,
    reference,
    spec: {
      kind: 'patch-som',
      dataset: { source: 'folder', path: dir },
      epochs: 1,
      batchSize: 1024,
      snapshotEvery: 25,
      patch: { size: 4, stride: 1, perImage: 16 },
      som: som(side, sigma),
    },
  };
}

export function cifarPresets(dir: string): Preset[] {
  const cifar = { source: 'folder', path: dir } as const;
  return [
    {
      name: 'cifar-sigma-sweep',
      title: 'σ sweep ∞ / 50 / 20 / 5 on SOM+FC, CIFAR-10',
      reproduces: 'seed 000: CIFAR-10 accuracy ordered σ = ∞ > 50 > 20 > 5',
      spec: {
        kind: 'som-mask-mlp',
        dataset: cifar,
        epochs: 10,
        batchSize: 64,
        snapshotEvery: 200,
        hidden: [
          { rows: 20, cols: 20, mask: true },
          { rows: 20, cols: 20, mask: true },
        ],
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
    },
    patchSom('cifar-patch-som-400', 20, 6, dir, {
      figure: 'recognisable, blurrier than MNIST (no number given)',
      metric: 'psnr',
      atLeast: 15,
      tolerance: 2,
    }),
    patchSom('cifar-patch-som-2500', 50, 12, dir, {
      figure: 'sharper than with 400 neurons ("the color is more distinguishable")',
      metric: 'psnr',
      atLeast: 18,
      tolerance: 2,
    }),
    {
      name: 'cifar-som-after-conv',
      title: 'A 30×30 SOM on conv features vs on raw pixels, CIFAR-10',
      reproduces: 'seed 004: SOM after conv layers separates classes better than on raw input',
      spec: {
        kind: 'som-after-features',
        dataset: cifar,
        epochs: 3,
        batchSize: 256,
        snapshotEvery: 50,
        features: 'conv',
        featureEpochs: 5,
        som: { rows: 30, cols: 30, init: 'pca', sigma: { start: 10, end: 1 } },
      },
      variants: [
        { label: 'conv features', patch: { features: 'conv' } },
        { label: 'raw pixels', patch: { features: 'none' } },
      ],
      reference: {
        figure: 'better class separation after conv features',
        metric: 'purity',
        order: ['conv features', 'raw pixels'],
        tolerance: 0.01,
      },
    },
  ];
}
