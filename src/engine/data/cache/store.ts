/**
 * The dataset cache of a project: `<project>/cache/datasets/<key>/` per source folder (key: a hash of its
 * real path), holding `train.x.npy`, `train.y.npy` (and `test.*` when the folder has a test split) and
 * `manifest.json`, written last. A cache is used only when its manifest parses, names the same source files
 * (size, mtime, small files' content) and every array file has exactly the size its rows need.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../../runs/atomic';
import { decodeNpy, encodeNpy, npyLayout } from '../../runs/npy';
import type { Folder } from '../folder/walk';
import { sampleSize, type Dataset, type Split } from '../types';
import { CACHE_VERSION, ManifestSchema, sourcesChanged, type Manifest, type Source } from './manifest';

export type SplitName = 'train' | 'test';
export type { FolderFormat as FolderFormatName } from '../folder';
export const MANIFEST = 'manifest.json';

/** The cache folder for the dataset folder at real path `root`, inside the project's cache. */
export function cacheDirFor(cacheRoot: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(
    cacheRoot,
    `${basename(root)
      .replace(/[^\w.-]/g, '_')
      .slice(0, 40)}-${key}`,
  );
}

export const arrayPath = (dir: string, split: SplitName, part: 'x' | 'y'): string => join(dir, `${split}.${part}.npy`);

/** Null when `path` is a .npy of `rows` rows and `values` values, exactly as long as they need; else why not. */
async function checkArray(path: string, rows: number, values: number): Promise<string | null> {
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return `${basename(path)} is missing`;
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const l = npyLayout(head.subarray(0, bytesRead), basename(path));
    const size = (await fh.stat()).size;
    if (l.shape[0] !== rows || l.count !== values) return `${basename(path)} holds another shape than its manifest`;
    return size === l.start + values * 4 ? null : `${basename(path)} has ${size} bytes (truncated or overwritten)`;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await fh.close();
  }
}

/** The manifest when the cache at `dir` is complete and made from these sources; else why not. */
export async function readCache(dir: string, sources: Source[]): Promise<Manifest | string> {
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => null);
  if (text === null) return 'no cache yet';
  let m: Manifest;
  try {
    m = ManifestSchema.parse(JSON.parse(text));
  } catch {
    return 'the cache manifest is unreadable or from another version';
  }
  const changed = sourcesChanged(m.sources, sources);
  if (changed) return changed;
  const size = sampleSize(m.shape);
  for (const s of ['train', 'test'] as const) {
    const n = m[s]?.count;
    if (n === undefined) continue;
    const bad =
      (await checkArray(arrayPath(dir, s, 'x'), n, n * size)) ?? (await checkArray(arrayPath(dir, s, 'y'), n, n));
    if (bad) return bad;
  }
  return m;
}

/** Empties `dir` for a new cache (the manifest goes first, so a crash mid-way leaves no usable cache). */
export async function resetCache(dir: string): Promise<void> {
  await rm(join(dir, MANIFEST), { force: true });
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

export async function writeLabels(dir: string, split: SplitName, y: Int32Array): Promise<void> {
  await writeFileAtomic(arrayPath(dir, split, 'y'), encodeNpy(y));
}

export async function writeManifest(
  dir: string,
  d: Omit<Dataset, 'train' | 'test'>,
  sources: Source[],
  counts: {
    train: number;
    test?: number;
  },
): Promise<Manifest> {
  const size = sampleSize(d.shape);
  const rows = counts.train + (counts.test ?? 0);
  const m: Manifest = {
    version: CACHE_VERSION,
    name: d.name,
    format: d.format as Manifest['format'],
    source: d.source,
    shape: d.shape,
    classes: d.classes,
    warnings: d.warnings,
    train: { count: counts.train },
    ...(counts.test ? { test: { count: counts.test } } : {}),
    sources,
    bytes: rows * (size + 1) * 4,
    createdAt: new Date().toISOString(),
  };
  await writeJsonAtomic(join(dir, MANIFEST), m);
  return m;
}

export async function readLabels(dir: string, split: SplitName, f: Folder): Promise<Int32Array> {
  return decodeNpy(await readFile(arrayPath(dir, split, 'y')), `${f.label} cache ${split}.y`).data as Int32Array;
}

/** A split's arrays read whole into memory (small tables: identical to loading the folder directly). */
export async function readSplitInMemory(dir: string, split: SplitName, f: Folder): Promise<Split> {
  const x = decodeNpy(await readFile(arrayPath(dir, split, 'x')), `${f.label} cache ${split}.x`);
  const y = await readLabels(dir, split, f);
  return { x: x.data as Float32Array, y, count: y.length };
}
