/**
 * Peak trainer memory of a spec, estimated from the spec and the dataset's shape alone (pure: no tfjs, no
 * files), so a host can refuse a spec before a trainer starts and a dataset preview can show the figure.
 * Every part names the spec field it grows with. The formulas follow what the engine allocates:
 *
 * - dataset: train + test rows × features as float32, twice (the loaded arrays and their copy on the backend;
 *   under a limit, the full set as loaded plus the subset twice);
 * - SOM tables: codebook N×F three times (codebook, update, sums); the grid distances and the neighbourhood
 *   matrix N×N three times (grid table, neighbourhood array, its tensor);
 * - SOM batch matrices: four [m, N] float32 blocks (scores, xWᵀ, gathered neighbourhood rows, scaled rows),
 *   m = min(batch, CHUNK) since bigger batches are summed chunk by chunk (engine/som/batch.ts);
 * - networks: parameters × (weights + gradients + optimiser slots: adam 2, momentum 1, sgd 0), and activations
 *   batch × Σ layer widths × 3 (forward outputs kept for the backward pass, their gradients, one temporary).
 */
import type { ExperimentSpec, SpecOf } from '../spec';
import { netParts, type Widths } from './estimate-nets';
import { F32, fmt, somParts, type MemoryPart } from './parts';

export type { MemoryPart } from './parts';

/** What the estimate needs to know about the data: rows after the spec's limits are applied here. */
export interface DataShape {
  trainRows: number;
  testRows: number;
  /** Per-sample shape: [28, 28, 1] for MNIST, [3] for colours, [F] for a CSV. */
  sample: readonly number[];
  /** Number of classes (10 when unknown). */
  classes?: number;
  /** The rows stay in the project's dataset cache on disk and stream in batches (a big table, batch SOM). */
  streamed?: boolean;
}

/** Only the batch SOM trains from rows on disk (a big table stays in the cache); every other kind loads them. */
export const streamsFromCache = (spec: ExperimentSpec): boolean => spec.kind === 'som' && spec.som.mode === 'batch';

/** Rows of a streamed table held at once: a batch, the next one read ahead, and the evaluation chunk. */
const STREAMED_ROWS = 2 * 4096 + 16384;

export interface MemoryEstimate {
  /** Sum of the parts. */
  bytes: number;
  /** Biggest first. */
  parts: MemoryPart[];
}

const features = (d: DataShape): number => d.sample.reduce((a, b) => a * b, 1);
const neurons = (s: { rows: number; cols: number }): number => s.rows * s.cols;

/** Train and test rows once the spec's trainLimit / testLimit are applied. */
export function limitedRows(spec: ExperimentSpec, d: DataShape): { train: number; test: number } {
  const { trainLimit, testLimit } = spec.dataset;
  return { train: Math.min(d.trainRows, trainLimit ?? Infinity), test: Math.min(d.testRows, testLimit ?? Infinity) };
}

export function datasetPart(spec: ExperimentSpec, d: DataShape, perRow = features(d)): MemoryPart {
  const { train, test } = limitedRows(spec, d);
  if (d.streamed && streamsFromCache(spec) && train === d.trainRows)
    return {
      field: 'dataset',
      what: `${fmt(train)} labels; rows × ${fmt(perRow)} floats stream from the dataset cache`,
      bytes: (train + test) * 4 + STREAMED_ROWS * perRow * F32 * 2,
    };
  const all = d.trainRows + d.testRows,
    used = train + test;
  // A limit keeps the full set loaded (built-ins are cached) beside the subset and its copy on the backend.
  const rows = used < all ? all + 2 * used : 2 * all;
  return {
    field: used < all ? 'dataset.trainLimit' : 'dataset',
    what: `${fmt(used)} of ${fmt(all)} rows × ${fmt(perRow)} floats, loaded and on the backend`,
    bytes: rows * perRow * F32,
  };
}

function somKindParts(spec: SpecOf<'som'> | SpecOf<'patch-som'>, d: DataShape): MemoryPart[] {
  const n = neurons(spec.som),
    field = 'som.rows × som.cols';
  if (spec.kind === 'som')
    return [datasetPart(spec, d), ...somParts(field, n, features(d), spec.batchSize, spec.som.mode === 'online')];
  // A patch SOM trains on patches: each training image gives perImage (or every) k×k×c patch.
  const [h = 1, w = 1, c = 1] = d.sample;
  const { size: k, stride, perImage } = spec.patch;
  const grid = Math.max(0, Math.floor((h - k) / stride) + 1) * Math.max(0, Math.floor((w - k) / stride) + 1);
  const per = Math.min(perImage ?? grid, grid),
    dim = k * k * c;
  const { train } = limitedRows(spec, d);
  return [
    datasetPart(spec, d),
    { field: 'patch', what: `${fmt(train * per)} patches × ${fmt(dim)} floats`, bytes: 2 * train * per * dim * F32 },
    ...somParts(field, n, dim, spec.batchSize),
  ];
}

/** The estimate for a spec on data of this shape. */
export function estimateSpecMemory(spec: ExperimentSpec, d: DataShape): MemoryEstimate {
  const classes = d.classes ?? 10;
  const inputs: Widths = { sample: d.sample, features: features(d), classes };
  let parts: MemoryPart[];
  switch (spec.kind) {
    case 'som':
    case 'patch-som':
      parts = somKindParts(spec, d);
      break;
    case 'som-after-features':
      parts = [
        datasetPart(spec, d),
        ...netParts(spec, inputs),
        ...somParts('som.rows × som.cols', neurons(spec.som), spec.featureSize, spec.batchSize),
      ];
      break;
    case 'stacked-som': {
      const { patch, stride, layer1, layer2 } = spec.stacked;
      const [h = 1, w = 1] = d.sample;
      const cells = (Math.floor((h - patch) / stride) + 1) * (Math.floor((w - patch) / stride) + 1);
      const { train } = limitedRows(spec, d);
      parts = [
        datasetPart(spec, d),
        { field: 'stacked.patch', what: `layer-1 patches`, bytes: 2 * train * cells * patch * patch * F32 },
        ...somParts('stacked.layer1', neurons(layer1), patch * patch, spec.batchSize),
        ...somParts('stacked.layer2', neurons(layer2), 2 * cells, spec.batchSize),
      ];
      break;
    }
    default:
      parts = [datasetPart(spec, d), ...netParts(spec, inputs)];
  }
  parts.sort((a, b) => b.bytes - a.bytes);
  return { bytes: parts.reduce((s, p) => s + p.bytes, 0), parts };
}

/** The spec field whose parts add up to the most bytes, with that sum. */
export function biggestField(e: MemoryEstimate): { field: string; bytes: number; what: string } {
  const byField = new Map<string, number>();
  for (const p of e.parts) byField.set(p.field, (byField.get(p.field) ?? 0) + p.bytes);
  const [field, bytes] = [...byField].sort((a, b) => b[1] - a[1])[0] ?? ['spec', 0];
  const what = e.parts.find((p) => p.field === field)?.what ?? '';
  return { field, bytes, what };
}
