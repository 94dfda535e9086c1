/**
 * The map views of the fake trainer: a SOM run's snapshot and winner trace at a step, built with the shared
 * SOM math from a seeded codebook and seeded winners (no training: a test double, not a SOM); its previews.
 */
import { EVENTS_VERSION as v, type RunEvent } from '../../../shared/events';
import { mulberry32 } from '../../../shared/random';
import type { RunId } from '../../../shared/run-types';
import type { DatasetPreview } from '../../../shared/api';
import { datasetLabel, type DatasetRef, type ExperimentSpec } from '../../../shared/spec';
import { classMapOf, hitsOf, makeGrid, uMatrixOf } from '../../../shared/som-math';

/** Per-sample shapes of the built-in datasets, as the engine loads them. */
export const SHAPES: Record<string, number[]> = {
  colors: [3],
  spirals: [2],
  mnist: [28, 28, 1],
  'rotating-digit': [28, 28, 1],
};
/** Samples the engine's SOM experiment measures its views on (the first ones of the training set). */
const EVAL_SAMPLES = 2000;

const codebookShape = (spec: Extract<ExperimentSpec, { kind: 'som' | 'patch-som' }>): number[] =>
  spec.kind === 'patch-som'
    ? [spec.patch.size, spec.patch.size, 1]
    : spec.dataset.source === 'builtin'
      ? (SHAPES[spec.dataset.name] ?? [3])
      : [3];

/** A snapshot and (with probes) a winner trace for SOM kinds over `trainCount` samples; nothing for networks. */
export function somViews(spec: ExperimentSpec, runId: RunId, step: number, trainCount: number): RunEvent[] {
  if (spec.kind !== 'som' && spec.kind !== 'patch-som') return [];
  const g = makeGrid(spec.som.rows, spec.som.cols, spec.som.topology);
  const shape = codebookShape(spec),
    dim = shape.reduce((a, b) => a * b, 1);
  const rand = mulberry32(spec.seed * 7919 + step);
  const codebook = Float32Array.from({ length: g.n * dim }, () => rand());
  const nEval = Math.min(EVAL_SAMPLES, trainCount);
  const winners = Int32Array.from({ length: nEval }, () => Math.floor(rand() * g.n));
  const labels = Int32Array.from(winners, (w) => w % 10);
  const snapshot = {
    step,
    layer: 'som',
    rows: g.rows,
    cols: g.cols,
    topology: g.topology,
    shape,
    codebook,
    hits: hitsOf(winners, g.n),
    umatrix: uMatrixOf(codebook, dim, g),
    classMap: classMapOf(winners, labels, g.n, 10),
  };
  const events: RunEvent[] = [{ type: 'som-snapshot', v, runId, snapshot }];
  const probes = Math.min(spec.probeCount, nEval);
  if (probes > 0)
    events.push({
      type: 'winners',
      v,
      runId,
      step,
      layer: 'som',
      winners: winners.slice(0, probes),
      labels: labels.slice(0, probes),
    });
  return events;
}

/** The fake's datasets:preview: a missing or bad folder is refused as the loaders would. */
export function preview(ref: DatasetRef): DatasetPreview {
  if (ref.source === 'folder' && /missing|bad/.test(ref.path))
    throw new Error(`${ref.path}: no dataset found (expected IDX files, CIFAR-10 batches, class folders or a CSV)`);
  const builtin = ref.source === 'builtin';
  return {
    name: datasetLabel(ref),
    format: builtin ? 'builtin' : 'imagefolder',
    source: ref.source === 'folder' ? ref.path : `${ref.source}:${datasetLabel(ref)}`,
    shape: builtin ? (SHAPES[ref.name] ?? [3]) : ref.source === 'inline' ? [2] : [28, 28, 1],
    classes: [],
    trainCount: 60000,
    testCount: 10000,
    warnings: [],
    samples: [],
  };
}
