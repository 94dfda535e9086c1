/**
 * Dataset folders through the project's binary cache: the first load converts the folder once (a CSV is
 * streamed straight into the cache files, never held whole; IDX, CIFAR and images are decoded, then
 * written), later loads reuse it while the sources are unchanged, and a changed source or a damaged cache
 * is rebuilt (with a warning saying why). A split bigger than `streamAbove` bytes stays on disk as a
 * `RowSource` when the caller can stream it; otherwise it is read whole, bit for bit what the folder gives.
 */
import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { scanCsvFolder } from '../folder/csv';
import { loadWalked, walkDataset } from '../folder';
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
}

async function writeCsv(f: Folder, dir: string): Promise<Omit<Dataset, 'train' | 'test'> & { counts: Counts }> {
  const writers: { train?: NpyRowWriter; test?: NpyRowWriter } = {};
  const sink = (s: store.SplitName) => (l: { header: string[] }) =>
    (writers[s] = new NpyRowWriter(store.arrayPath(dir, s, 'x'), [l.header.length - 1]));
  try {
    const r = await scanCsvFolder(f, { train: sink('train'), test: sink('test') });
    if (!writers.train) throw new DatasetError(f.label, 'holds no readable CSV');
    await writers.train.finish();
    await store.writeLabels(dir, 'train', r.trainY);
    if (writers.test && r.testY) {
      await writers.test.finish();
      await store.writeLabels(dir, 'test', r.testY);
    }
    const shape = [r.layout.header.length - 1];
    const counts = { train: r.trainY.length, test: r.testY?.length };
    return {
      name: basename(f.root),
      format: 'csv',
      source: f.root,
      shape,
      classes: r.classes,
      warnings: r.warnings,
      counts,
    };
  } catch (e) {
    await Promise.all(Object.values(writers).map((w) => w.abort()));
    throw e;
  }
}

type Counts = { train: number; test?: number };

async function build(f: Folder, format: store.FolderFormatName, dir: string, sources: Source[]): Promise<Manifest> {
  await store.resetCache(dir);
  if (format === 'csv') {
    const { counts, ...meta } = await writeCsv(f, dir);
    return store.writeManifest(dir, meta, sources, counts);
  }
  const { train, test, ...meta } = await loadWalked(f, format);
  await store.writeSplit(dir, 'train', train, meta.shape);
  if (test) await store.writeSplit(dir, 'test', test, meta.shape);
  return store.writeManifest(dir, meta, sources, { train: train.count, test: test?.count });
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
    m = await build(f, format, dir, sources);
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
