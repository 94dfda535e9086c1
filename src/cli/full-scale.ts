/**
 * The seeds' scale for `somlab reproduce --full`: every preset on the whole dataset (MNIST 60k/10k) for a
 * fixed number of epochs, seed by seed. The seeds never state their epochs, so each net trains for the
 * epochs in FULL_EPOCHS; the report then shows the epoch of best test accuracy, so a net still improving at
 * its last epoch is visible (rule: a plateau is best epoch < last epoch). Presets run in FULL_ORDER: the
 * claims that rest on small margins first, the cheap MLP ones before the CNNs (so some land within a
 * session), then the rest.
 */
import type { Preset } from '../shared/run-types';
import type { ExperimentSpecInput } from '../shared/spec';
import { deepMerge, expandPreset, type Variant } from '../shared/sweep';

export const FULL_ORDER = [
  'seed000-som-relu-order',
  'seed001-kwta-triplet',
  'seed000-sigma-sweep',
  'seed000-budget',
  'seed000-som-cnn',
  'seed000-threshold-mask',
  'seed000-dual-sigma',
  'seed000-som-fc',
  'baseline-mlp-mnist',
  'seed003-lenet',
  'seed002-soft-som-spiral',
  'seed004-colors',
  'seed000-ring-rotating-digit',
  'seed004-mnist-som',
  'seed004-som-after-fc',
  'seed000-stacked-som',
  'seed000-patch-som-mnist',
  'seed000-patch-som-mnist-2500',
  'seed000-csom',
] as const;

/** Epochs at full scale; presets not listed keep their own (SOM presets already use the whole set). */
export const FULL_EPOCHS: Record<string, number> = {
  'seed000-som-cnn': 10,
  'seed000-som-relu-order': 10,
  'seed001-kwta-triplet': 10,
  'seed000-budget': 10,
  'seed000-sigma-sweep': 10,
  'seed000-dual-sigma': 10,
  'seed000-som-fc': 10,
  'baseline-mlp-mnist': 10,
  'seed004-som-after-fc': 5,
  'seed000-csom': 5,
  'seed000-threshold-mask': 10,
  'seed003-lenet': 10,
};

/** Orders presets by FULL_ORDER; presets it does not name (new ones, CIFAR) follow in their own order. */
export function fullOrder(presets: readonly Preset[]): Preset[] {
  const rank = (p: Preset): number => {
    const i = (FULL_ORDER as readonly string[]).indexOf(p.name);
    return i < 0 ? FULL_ORDER.length : i;
  };
  return presets
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}

/** Image sets (MNIST 60k, CIFAR 50k) keep about two SOM snapshots per epoch, not hundreds of megabytes. */
const BIG_TRAIN_SET = 60_000;

/** One variant at full scale for one seed: no train/test limits, the full epochs, the given seed. */
export function fullSpec(p: Preset, spec: ExperimentSpecInput, seed: number): ExperimentSpecInput {
  const s = spec as ExperimentSpecInput & { dataset: Record<string, unknown>; featureEpochs?: number };
  const { trainLimit: _t, testLimit: _e, ...dataset } = s.dataset;
  const epochs = FULL_EPOCHS[p.name];
  const big = dataset.name === 'mnist' || dataset.source === 'folder';
  const every = Math.max(s.snapshotEvery ?? 50, Math.ceil(BIG_TRAIN_SET / (s.batchSize ?? 128) / 2));
  const out = {
    ...s,
    dataset,
    seed,
    ...(epochs ? { epochs } : {}),
    ...(big ? { snapshotEvery: every } : {}),
  } as ExperimentSpecInput;
  if ('featureEpochs' in s && epochs) return deepMerge(out, { featureEpochs: epochs });
  return out;
}

/** Every variant of a preset at full scale for `seed`. */
export function fullVariants(p: Preset, seed: number): Variant[] {
  return expandPreset(p).map((v) => ({ ...v, spec: fullSpec(p, v.spec, seed) }));
}
