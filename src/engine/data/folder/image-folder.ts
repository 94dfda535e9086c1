/**
 * ImageFolder: one sub-folder per class (optionally under train/ and test/), PNG or JPEG decoded with sharp.
 * Images of another size than the most common one are resized, with a warning; all-grey sets stay 1 channel.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DatasetError, type Dataset, type Split } from '../types';
import type { Entry } from './walk';

const MAX_SIDE = 4096;

interface Item {
  path: string;
  cls: string;
  split: 'train' | 'test';
}

function classify(entries: Entry[]): Item[] {
  const items: Item[] = [];
  const zero = entries.find((e) => e.size === 0 && /\.(png|jpe?g)$/i.test(e.rel));
  if (zero) throw new DatasetError(zero.path, 'is a zero-byte image');
  for (const e of entries.filter((x) => x.kind === 'png' || x.kind === 'jpeg')) {
    const parts = e.rel.split('/');
    const inSplit = parts.length >= 2 && /^(train|test)$/i.test(parts[0]!);
    const split = inSplit ? (parts[0]!.toLowerCase() as 'train' | 'test') : 'train';
    // The class is the first folder below the root (or below train/ or test/); deeper folders belong to it.
    const clsAt = inSplit ? 1 : 0;
    if (parts.length < clsAt + 2) {
      const where = inSplit ? `${parts[0]}/` : 'the folder';
      throw new DatasetError(
        e.path,
        `is an image at the top of ${where}; ImageFolder expects one sub-folder per class`,
      );
    }
    items.push({ path: e.path, cls: parts[clsAt]!, split });
  }
  return items;
}

async function emptyClassFolders(root: string, classes: Set<string>): Promise<void> {
  for (const base of [root, join(root, 'train'), join(root, 'test')]) {
    const dirs = await readdir(base, { withFileTypes: true }).catch(() => []);
    for (const d of dirs) {
      if (!d.isDirectory() || /^(train|test)$/i.test(d.name) || d.name.startsWith('.')) continue;
      if (!classes.has(d.name))
        throw new DatasetError(join(base, d.name), 'is an empty class folder (no PNG or JPEG images)');
    }
  }
}

async function decode(path: string): Promise<{ data: Buffer; w: number; h: number; c: number; grey: boolean }> {
  try {
    const img = sharp(path, { failOn: 'error' });
    const meta = await img.metadata();
    if (!meta.width || !meta.height || meta.width > MAX_SIDE || meta.height > MAX_SIDE) {
      throw new Error(`size ${meta.width}×${meta.height} is outside 1–${MAX_SIDE} pixels a side`);
    }
    const grey = meta.channels !== undefined && meta.channels <= 2;
    const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, w: info.width, h: info.height, c: info.channels, grey };
  } catch (e) {
    throw new DatasetError(path, `is not a readable image (${(e as Error).message.split('\n')[0]})`);
  }
}

export async function loadImageFolder(root: string, entries: Entry[]): Promise<Dataset> {
  const items = classify(entries);
  const classes = [...new Set(items.map((i) => i.cls))].sort();
  await emptyClassFolders(root, new Set(classes));
  if (classes.length < 2)
    throw new DatasetError(root, `has a single class folder ("${classes[0]}"); a labelled dataset needs at least 2`);
  const decoded = await Promise.all(items.map((i) => decode(i.path)));
  const sizes = new Map<string, number>();
  for (const d of decoded) sizes.set(`${d.w}x${d.h}`, (sizes.get(`${d.w}x${d.h}`) ?? 0) + 1);
  const [target] = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const [w, h] = target.split('x').map(Number) as [number, number];
  const channels = decoded.every((d) => d.grey) ? 1 : 3;
  const warnings: string[] = [];
  const pixels = await Promise.all(
    items.map(async (it, k) => {
      const d = decoded[k]!;
      if (d.w === w && d.h === h && d.c === channels) return d.data;
      if (d.w !== w || d.h !== h) warnings.push(`${it.path}: ${d.w}×${d.h} resized to ${w}×${h}`);
      let img = sharp(it.path).removeAlpha().resize(w, h, { fit: 'fill' });
      img = channels === 1 ? img.greyscale() : img.toColourspace('srgb');
      const out = await img.raw().toBuffer({ resolveWithObject: true });
      return channels === 3 && out.info.channels === 1
        ? Buffer.from(Array.from(out.data).flatMap((v) => [v, v, v]))
        : out.data;
    }),
  );
  const size = w * h * channels;
  const make = (which: 'train' | 'test'): Split | undefined => {
    const idx = items.map((it, k) => (it.split === which ? k : -1)).filter((k) => k >= 0);
    if (idx.length === 0) return undefined;
    const x = new Float32Array(idx.length * size),
      y = new Int32Array(idx.length);
    idx.forEach((k, i) => {
      const p = pixels[k]!;
      for (let q = 0; q < size; q++) x[i * size + q] = p[q]! / 255;
      y[i] = classes.indexOf(items[k]!.cls);
    });
    return { x, y, count: idx.length };
  };
  const train = make('train');
  if (!train) throw new DatasetError(root, 'has a test/ folder but no training images');
  return {
    name: root.split(/[\\/]/).pop()!,
    format: 'image-folder',
    source: root,
    shape: [h, w, channels],
    classes,
    train,
    test: make('test'),
    warnings,
  };
}
