/**
 * One named spec per seed experiment. Pure data: the CLI, the lab server and the renderer's gallery
 * all read this table. `reproduces` names the seed figure; `reference` (issue 5) adds its tolerance.
 */
import type { Preset } from './run-types';
import { clip } from './clip';
import { SCIENCE_PRESETS } from './presets-science';

const mnist = { source: 'builtin', name: 'mnist' } as const;

/** The patch-SOM presets differ only in map size (seed 000 compares 400 and 2 500 neurons). */
function patchSom(
  side: number,
  sigma: number,
  name: string,
  size: string,
  reproduces: string,
  reference: Preset['reference'],
): Preset {
  return {
    name,
    title: `Patch SOM: 9×9 MNIST patches on ${size}, reconstruction`,
    reproduces,
    reference,
    spec: {
      kind: 'patch-som',
      dataset: { ...mnist, trainLimit: 10000 },
      epochs: 1,
      batchSize: 1024,
      snapshotEvery: 25,
      patch: { size: 9, stride: 1, perImage: 16 },
      som: {
        rows: side,
        cols: side,
        topology: 'rect',
        init: 'samples',
        mode: 'batch',
        sigma: { start: sigma, end: 0.5, decay: 'exponential' },
        learningRate: { start: 0.5, end: 0.05, decay: 'exponential' },
      },
    },
  };
}

export const PRESETS: Preset[] = [
  {
    name: 'seed004-colors',
    title: 'RGB colours on a 20×20 map',
    reproduces: 'seed 004: colour SOM organises into smooth colour regions',
    reference: { figure: 'smooth colour regions (issue target: QE < 0.05, TE < 0.1)', metric: 'te', atMost: 0.1 },
    spec: {
      kind: 'som',
      dataset: { source: 'builtin', name: 'colors' },
      epochs: 40,
      batchSize: 64,
      // ~200 steps/s here: a snapshot every 80 steps is ~2.5 map frames a second, plenty to watch it organise.
      snapshotEvery: 80,
      som: {
        rows: 20,
        cols: 20,
        topology: 'rect',
        init: 'random',
        mode: 'batch',
        sigma: { start: 8, end: 0.7, decay: 'exponential' },
        learningRate: { start: 0.5, end: 0.05, decay: 'exponential' },
      },
    },
  },
  {
    name: 'seed004-mnist-som',
    title: 'MNIST on a 30×30 map',
    reproduces: 'seed 004: 30×30×784 SOM of MNIST digits',
    reference: {
      figure: 'an ordered map of digit prototypes (no number given); topographic error kept low',
      metric: 'te',
      atMost: 0.1,
    },
    spec: {
      kind: 'som',
      dataset: mnist,
      epochs: 5,
      batchSize: 512,
      snapshotEvery: 25,
      som: {
        rows: 30,
        cols: 30,
        topology: 'rect',
        init: 'pca',
        mode: 'batch',
        sigma: { start: 10, end: 1, decay: 'exponential' },
        learningRate: { start: 0.5, end: 0.05, decay: 'exponential' },
      },
    },
  },
  {
    name: 'seed000-ring-rotating-digit',
    title: 'Looped 1-D lattice orders views of a rotating digit',
    reproduces: 'seed 000: a ring SOM orders images of one object seen from different angles',
    reference: { figure: 'neighbouring angles land on neighbouring neurons', metric: 'te', atMost: 0.1 },
    spec: {
      kind: 'som',
      dataset: { source: 'builtin', name: 'rotating-digit' },
      epochs: 150,
      batchSize: 72,
      snapshotEvery: 10,
      probeCount: 72,
      som: {
        rows: 1,
        cols: 36,
        topology: 'ring',
        init: 'random',
        mode: 'online',
        sigma: { start: 6, end: 0.5, decay: 'exponential' },
        learningRate: { start: 0.5, end: 0.02, decay: 'exponential' },
      },
    },
  },
  patchSom(
    20,
    6,
    'seed000-patch-som-mnist',
    '400 neurons',
    "seed 000: digits rebuilt from their patches' winners (400 neurons)",
    { figure: 'recognisable reconstructions (no number given)', metric: 'psnr', atLeast: 15, tolerance: 2 },
  ),
  patchSom(
    50,
    12,
    'seed000-patch-som-mnist-2500',
    '2 500 neurons',
    'seed 000: more neurons, sharper reconstruction (2 500 neurons)',
    {
      figure: 'sharper than with 400 neurons (400 neurons gave PSNR ≈ 18 dB here)',
      metric: 'psnr',
      atLeast: 18.5,
      tolerance: 1,
    },
  ),
  {
    name: 'baseline-mlp-mnist',
    title: 'Baseline MLP 784-256-256-10 on MNIST',
    reproduces: 'seed 003: softmax cross-entropy baseline',
    reference: {
      figure: 'a 2-hidden-layer MLP reaches ~98 % on MNIST',
      metric: 'testAccuracy',
      atLeast: 0.97,
      tolerance: 0.01,
    },
    spec: {
      kind: 'baseline-mlp',
      dataset: mnist,
      epochs: 3,
      batchSize: 128,
      hidden: [256, 256],
      learningRate: 1e-3,
      optimizer: 'adam',
    },
  },
];

PRESETS.push(...SCIENCE_PRESETS);

export function findPreset(name: string): Preset {
  const p = PRESETS.find((x) => x.name === name);
  if (!p)
    throw new Error(`unknown preset "${clip(name)}": expected one of ${PRESETS.map((x) => `"${x.name}"`).join(', ')}`);
  return p;
}
