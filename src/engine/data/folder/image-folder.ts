/**
 * ImageFolder: one sub-folder per class (optionally under train/ and test/), PNG or JPEG decoded with sharp,
 * several at a time, a window of them at a time into the split's sink (memory or the dataset cache). Images
 * of another size than the most common one are resized; greyscale images in a folder that also holds colour
 * ones are expanded to RGB; files that are not images are skipped. Each of these is a warning (stored with
 * the run); broken images are one error that counts and lists them.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { checkEach, checkEachInOrder, firstFew, ProblemList } from '../problems';
import { DatasetError, type Dataset } from '../types';
import { decodePixels, readHeader, type ImageHeader } from './image-decode';
import { phaseReporter } from '../../train/phase-reporter';
import { loadScanned, type Scanned, type ScanProgress, type SplitSinks } from './scanned';
import type { Entry, Folder } from './walk';

interface Item {
  e: Entry;
  cls: string;
  split: 'train' | 'test';
}

const isImage = (e: Entry): boolean => e.kind === 'png' || e.kind === 'jpeg';
const splitDir = (name: string | undefined): boolean => name !== undefined && /^(train|test)$/i.test(name);

/** Split and class of a path's folders: "cat/1.png" → train/cat, "test/cat/1.png" → test/cat; null above. */
function placeOf(parts: readonly string[]): { split: Item['split']; cls: string } | null {
  const inSplit = parts.length >= 2 && splitDir(parts[0]);
  // The class is the first folder below the root (or below train/ or test/); deeper folders belong to it.
  const cls = parts[inSplit ? 1 : 0];
  if (cls === undefined || (!inSplit && splitDir(cls))) return null;
  return { split: inSplit ? (parts[0]!.toLowerCase() as Item['split']) : 'train', cls };
}

/** Class folders without a single image ("cat", "test/dog"). */
function emptyClassDirs(f: Folder, items: readonly Item[]): string[] {
  const used = new Set(items.map((i) => `${i.split}/${i.cls}`));
  return f.dirs.filter((d) => {
    const parts = d.split('/');
    const at = placeOf(parts);
    return at !== null && parts.length === (splitDir(parts[0]) ? 2 : 1) && !used.has(`${at.split}/${at.cls}`);
  });
}

/** Items by class folder; zero-byte images, images outside class folders and empty class folders are errors. */
function classify(f: Folder): Item[] {
  const empty = new ProblemList(),
    top = new ProblemList();
  const items: Item[] = [];
  for (const e of f.entries) {
    if (e.size === 0 && /\.(png|jpe?g)$/i.test(e.rel)) empty.add(e.rel);
    if (!isImage(e)) continue;
    const parts = e.rel.split('/');
    const at = placeOf(parts.slice(0, -1));
    if (at) items.push({ e, ...at });
    else top.add(e.rel);
  }
  const fail = (problem: string) => new DatasetError(f.label, problem);
  if (!empty.empty) throw fail(empty.describe('image is empty (0 bytes)', 'images are empty (0 bytes)'));
  if (!top.empty) {
    const why = 'outside any class folder (ImageFolder expects one sub-folder per class)';
    throw fail(top.describe(`image lies ${why}`, `images lie ${why}`));
  }
  const dirs = emptyClassDirs(f, items);
  if (dirs.length > 0)
    throw fail(
      `${dirs.length} class folder${dirs.length === 1 ? ' is' : 's are'} empty (no PNG or JPEG): ${firstFew(dirs)}`,
    );
  return items;
}

/** The most common size; ties go to the size met first in walk order. */
function commonSize(heads: ImageHeader[]): { w: number; h: number } {
  const sizes = new Map<string, number>();
  for (const d of heads) sizes.set(`${d.w}x${d.h}`, (sizes.get(`${d.w}x${d.h}`) ?? 0) + 1);
  const [key] = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const [w, h] = key.split('x').map(Number) as [number, number];
  return { w, h };
}

function shapeWarnings(f: Folder, items: Item[], heads: ImageHeader[], w: number, h: number, channels: number): void {
  const resized = new ProblemList(),
    expanded = new ProblemList();
  heads.forEach((d, k) => {
    if (d.w !== w || d.h !== h) resized.add(`${items[k]!.e.rel} (${d.w}×${d.h})`);
    if (channels === 3 && d.grey) expanded.add(items[k]!.e.rel);
  });
  const toSize = `resized to ${w}×${h}, the most common size`;
  if (!resized.empty) f.warnings.push(resized.describe(`image was ${toSize}`, `images were ${toSize}`));
  const rgb = 'expanded to RGB (grey copied to R, G and B) because the folder also holds colour images';
  if (!expanded.empty) f.warnings.push(expanded.describe(`greyscale image was ${rgb}`, `greyscale images were ${rgb}`));
  const skipped = new ProblemList();
  for (const e of f.entries) if (!isImage(e) && e.size > 0) skipped.add(e.rel);
  if (!skipped.empty)
    f.warnings.push(
      skipped.describe('file is not PNG or JPEG and was skipped', 'files are not PNG or JPEG and were skipped'),
    );
}

/** Images decoded per window (their pixels are held until the window is written, in order). */
const WINDOW = 256;

/** Decodes the images, several at a time (sharp), into the sinks in walk order, with `decode` progress. */
export async function scanImageFolder(f: Folder, sinks: SplitSinks, report?: ScanProgress): Promise<Scanned> {
  const items = classify(f);
  const classes = [...new Set(items.map((i) => i.cls))].sort();
  if (classes.length < 2)
    throw new DatasetError(f.label, `has a single class folder ("${classes[0]}"); a labelled dataset needs at least 2`);
  const workers = availableParallelism();
  const heads = await checkEach(items, f.label, (it) => readHeader(it.e), workers);
  const { w, h } = commonSize(heads);
  const channels = heads.every((d) => d.grey) ? 1 : 3;
  shapeWarnings(f, items, heads, w, h, channels);
  const size = w * h * channels,
    shape = [h, w, channels];
  const counts = { train: 0, test: 0 };
  for (const it of items) counts[it.split]++;
  if (!counts.train) throw new DatasetError(f.label, 'has a test/ folder but no training images');
  const out = { train: sinks.train(shape, counts.train), test: counts.test ? sinks.test(shape, counts.test) : null };
  const ys = { train: new Int32Array(counts.train), test: new Int32Array(counts.test) };
  const at = { train: 0, test: 0 },
    row = new Float32Array(size),
    total = items.length;
  const tell = phaseReporter(report, { phase: 'decode', unit: 'images', total, label: basename(f.root) });
  const take = async (px: Buffer, k: number): Promise<void> => {
    const it = items[k]!;
    for (let q = 0; q < size; q++) row[q] = px[q]! / 255;
    out[it.split]!.add(row);
    ys[it.split][at[it.split]++] = classes.indexOf(it.cls);
    if ((k + 1) % WINDOW === 0 || k + 1 === total) {
      await Promise.all([out.train.settle(), out.test?.settle()]);
      tell(k + 1);
    }
  };
  const decode = (k: number) => decodePixels(items[k]!.e, heads[k]!, w, h, channels);
  await checkEachInOrder(Array.from(items.keys()), f.label, decode, take, workers, WINDOW);
  return { shape, classes, warnings: f.warnings, trainY: ys.train, testY: counts.test ? ys.test : undefined };
}

export const loadImageFolder = (f: Folder): Promise<Dataset> => loadScanned(f, 'image-folder', scanImageFolder);
