/** Datasets: built-ins and folders (detected by content), with limits and allowed-root checks. */
import type { DatasetLimits, DatasetPreview } from '../../shared/api';
import { datasetPart } from '../../shared/admission/estimate';
import type { DatasetRef, ExperimentSpec } from '../../shared/spec';
import { shapeOfData } from './shape';
import { BUILTIN_DATASETS, pickOption, type BuiltinDataset } from '../../shared/options';
import { loadColors } from './builtin/colors';
import { loadMnist } from './builtin/mnist';
import { loadRotatingDigit } from './builtin/rotating-digit';
import { loadSpirals } from './builtin/spirals';
import { loadFolder } from './folder';
import { loadInline } from './inline';
import { loadFolderCached, type CacheOptions } from './cache';
import { applyLimits } from './limit';
import { resolveDatasetFolder } from './roots';
import { sampleSize, type Dataset } from './types';

export { DatasetError, type Dataset, type Split } from './types';
export { loadFolder } from './folder';
export { loadFolderCached, STREAM_ABOVE } from './cache';

const BUILTINS: Record<BuiltinDataset, () => Dataset> = {
  mnist: loadMnist,
  colors: loadColors,
  spirals: loadSpirals,
  'rotating-digit': loadRotatingDigit,
};

export function loadBuiltin(name: string): Dataset {
  return BUILTINS[pickOption('built-in dataset', BUILTIN_DATASETS, name)]();
}

export interface LoadOptions extends Partial<CacheOptions> {
  allowedRoots?: string[];
  seed?: number;
}

/** A folder goes through the project's cache when `cacheRoot` is given (cache/index.ts), else is read whole. */
export async function loadDataset(ref: DatasetRef, opts: LoadOptions = {}): Promise<Dataset> {
  if (ref.source === 'builtin')
    return applyLimits(loadBuiltin(ref.name), ref.trainLimit, ref.testLimit, opts.seed ?? 0);
  if (ref.source === 'inline') return applyLimits(loadInline(ref), ref.trainLimit, ref.testLimit, opts.seed ?? 0);
  const root = await resolveDatasetFolder(ref.path, opts.allowedRoots);
  const { cacheRoot } = opts;
  const data = cacheRoot
    ? await loadFolderCached(root, ref.path, { ...opts, cacheRoot })
    : await loadFolder(root, ref.path);
  return applyLimits(data, ref.trainLimit, ref.testLimit, opts.seed ?? 0);
}

/** The dataset's part of the memory estimate for a batch SOM on it (the estimate reads only kind and dataset). */
function limitsOf(ref: DatasetRef, d: Dataset, cached: boolean): DatasetLimits {
  const features = sampleSize(d.shape),
    rows = d.train.count + (d.test?.count ?? 0);
  const dataShape = shapeOfData(d);
  const part = datasetPart({ kind: 'som', dataset: ref, som: { mode: 'batch' } } as ExperimentSpec, dataShape);
  return {
    rows,
    features,
    dataShape,
    ...(cached ? { cacheBytes: rows * (features + 1) * 4 } : {}),
    streamed: d.train.rows !== undefined,
    memoryBytes: part.bytes,
    memoryWhat: part.what,
  };
}

/** Through the project's cache when `cacheRoot` is given: a big table is converted once, never held whole. */
export async function previewDataset(ref: DatasetRef, opts: LoadOptions = {}): Promise<DatasetPreview> {
  const d = await loadDataset(ref, { ...opts, stream: true });
  try {
    return await previewOf(ref, d, opts.cacheRoot !== undefined && ref.source === 'folder');
  } finally {
    await Promise.all([d.train.rows?.close(), d.test?.rows?.close()]);
  }
}

async function previewOf(ref: DatasetRef, d: Dataset, cached: boolean): Promise<DatasetPreview> {
  const size = sampleSize(d.shape);
  const picks = Math.min(8, d.train.count);
  const at = (k: number) => Math.floor((k * d.train.count) / picks);
  const rows = d.train.rows;
  const data = await Promise.all(
    Array.from({ length: picks }, (_, k) =>
      rows ? rows.read(at(k), 1) : Promise.resolve(d.train.x.slice(at(k) * size, (at(k) + 1) * size)),
    ),
  );
  return {
    name: d.name,
    format: d.format,
    source: d.source,
    shape: d.shape,
    classes: d.classes,
    trainCount: d.train.count,
    testCount: d.test?.count ?? 0,
    warnings: d.warnings,
    samples: data.map((x, k) => ({ label: d.train.y[at(k)]!, data: x })),
    limits: limitsOf(ref, d, cached),
  };
}
