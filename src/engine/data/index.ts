/** Datasets: built-ins and folders (detected by content), with limits and allowed-root checks. */
import type { DatasetPreview } from '../../shared/api';
import { BUILTIN_DATASETS, pickOption, type BuiltinDataset } from '../../shared/options';
import type { DatasetRef } from '../../shared/spec';
import { loadColors } from './builtin/colors';
import { loadMnist } from './builtin/mnist';
import { loadRotatingDigit } from './builtin/rotating-digit';
import { loadSpirals } from './builtin/spirals';
import { loadFolder } from './folder';
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
  const root = await resolveDatasetFolder(ref.path, opts.allowedRoots);
  const { cacheRoot } = opts;
  const data = cacheRoot
    ? await loadFolderCached(root, ref.path, { ...opts, cacheRoot })
    : await loadFolder(root, ref.path);
  return applyLimits(data, ref.trainLimit, ref.testLimit, opts.seed ?? 0);
}

export async function previewDataset(ref: DatasetRef, opts: LoadOptions = {}): Promise<DatasetPreview> {
  const d = await loadDataset(ref, opts);
  const size = sampleSize(d.shape);
  const picks = Math.min(8, d.train.count);
  return {
    name: d.name,
    format: d.format,
    source: d.source,
    shape: d.shape,
    classes: d.classes,
    trainCount: d.train.count,
    testCount: d.test?.count ?? 0,
    warnings: d.warnings,
    samples: Array.from({ length: picks }, (_, k) => {
      const i = Math.floor((k * d.train.count) / picks);
      return { label: d.train.y[i]!, data: d.train.x.slice(i * size, (i + 1) * size) };
    }),
  };
}
