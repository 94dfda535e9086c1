/**
 * Dataset folders through the project's binary cache: the first load converts the folder once (every format
 * is read in chunks straight into the cache files, never held whole: CSV rows as parsed, IDX and CIFAR by
 * ranges of records, images a window of decodes at a time, with progress), later loads reuse it while the
 * sources are unchanged, and a changed source or a damaged cache is rebuilt (with a warning saying why). A
 * split bigger than `streamAbove` bytes stays on disk as a `RowSource` when the caller can stream it;
 * otherwise it is read whole, bit for bit what the folder gives.
 */
import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Report } from '../../train/phase-reporter';
import { scanWalked, walkDataset } from '../folder';
import type { SplitName } from '../folder/scanned';
import type { Folder } from '../folder/walk';
import { DatasetError, sampleSize, type Dataset, type Split } from '../types';
import { fingerprint, type Manifest, type Source } from './manifest';
import { NpyRows, NpyRowWriter } from './npy-rows';
import * as store from './store';

/** Above this many bytes of samples a split is streamed (when the caller can): 64 MiB. */
export const STREAM_ABOVE = 64 << 20;

export interface CacheOptions {
  /** The project's cache root (`<project>/cache/datasets`). */
  cacheRoot: string;
  /** The caller can train from rows on disk (Split.rows). */
  stream?: boolean;
  streamAbove?: number;
  /** Told when the cache is being built and why, or reused. */
  note?: (message: string) => void;
  /** Told how far the conversion is (`convert` / `decode` progress). */
  report?: Report;
}

/** Streams the folder into the cache's array files; the manifest is written last. */
async function build(
  f: Folder,
  format: store.FolderFormatName,
  dir: string,
  sources: Source[],
  report: CacheOptions['report'],
): Promise<Manifest> {
  await store.resetCache(dir);
  const writers: Partial<Record<SplitName, NpyRowWriter>> = {};
  const sink = (s: SplitName) => (shape: readonly number[]) =>
    (writers[s] = new NpyRowWriter(store.arrayPath(dir, s, 'x'), shape));
  try {
    const r = await scanWalked(f, format, { train: sink('train'), test: sink('test') }, report);
    if (!writers.train) throw new DatasetError(f.label, 'holds no training rows');
    await writers.train.finish();
    await store.writeLabels(dir, 'train', r.trainY);
    if (writers.test && r.testY) {
      await writers.test.finish();
      await store.writeLabels(dir, 'test', r.testY);
    }
    const meta = { name: basename(f.root), format, source: f.root, shape: r.shape, classes: r.classes };
    const counts = { train: r.trainY.length, test: r.testY?.length };
    return await store.writeManifest(dir, { ...meta, warnings: r.warnings }, sources, counts);
  } catch (e) {
    await Promise.all(Object.values(writers).map((w) => w.abort()));
    throw e;
  }
}

async function splitOf(dir: string, s: store.SplitName, m: Manifest, f: Folder, o: CacheOptions): Promise<Split> {
  const count = m[s]!.count,
    width = sampleSize(m.shape);
  if (!o.stream || count * width * 4 <= (o.streamAbove ?? STREAM_ABOVE)) return store.readSplitInMemory(dir, s, f);
  const y = await store.readLabels(dir, s, f);
  const rows = await NpyRows.open(store.arrayPath(dir, s, 'x'), count, width);
  return { x: new Float32Array(0), y, count, rows };
}

/** Loads the folder at real path `root` through the cache (see the top of this file). */
export async function loadFolderCached(root: string, label: string, o: CacheOptions): Promise<Dataset> {
  const { f, format } = await walkDataset(root, label);
  const sources = await fingerprint(f);
  const dir = store.cacheDirFor(o.cacheRoot, f.root);
  await mkdir(o.cacheRoot, { recursive: true });
  const found = await store.readCache(dir, sources);
  let m: Manifest;
  if (typeof found === 'string') {
    o.note?.(`${label}: building the dataset cache (${found})`);
    m = await build(f, format, dir, sources, o.report);
  } else {
    o.note?.(`${label}: using the dataset cache (${found.train.count} rows)`);
    m = found;
  }
  const train = await splitOf(dir, 'train', m, f, o);
  const test = m.test ? await splitOf(dir, 'test', m, f, o) : undefined;
  return {
    name: m.name,
    format: m.format,
    source: m.source,
    shape: m.shape,
    classes: m.classes,
    train,
    test,
    warnings: m.warnings,
  };
}
