/** A folder of IDX files: image files (3 dims) paired with label files (1 dim) of the same count. */
import { basename } from 'node:path';
import { DatasetError, type Dataset, type Split } from '../types';
import { idxPair, parseIdx, type IdxArray } from './idx';
import { readData, type Entry } from './walk';

export async function loadIdxFolder(root: string, entries: Entry[]): Promise<Dataset> {
  const parsed: { e: Entry; a: IdxArray }[] = [];
  for (const e of entries) parsed.push({ e, a: parseIdx(await readData(e.path), e.path) });
  const images = parsed.filter((p) => p.a.dims.length === 3),
    labels = parsed.filter((p) => p.a.dims.length === 1);
  if (images.length === 0) {
    const found = parsed.map((p) => `${p.e.rel}: ${p.a.dims.join('×')}`).join(', ');
    throw new DatasetError(root, `holds IDX files (${found}) but no images file (3 dimensions: count × rows × cols)`);
  }
  const splits: { split: Split; h: number; w: number; name: string }[] = [];
  for (const img of images) {
    // Pair by count; among equal counts prefer the label file sharing the longest name prefix (train/t10k).
    const same = labels.filter((l) => l.a.dims[0] === img.a.dims[0]);
    const prefix = (a: string, b: string) => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return i;
    };
    const lbl = same.sort((a, b) => prefix(b.e.rel, img.e.rel) - prefix(a.e.rel, img.e.rel))[0];
    if (!lbl) {
      const counts = labels.map((l) => `${basename(l.e.path)}: ${l.a.dims[0]}`).join(', ') || 'no label files';
      throw new DatasetError(img.e.path, `holds ${img.a.dims[0]} images but no labels file has that many (${counts})`);
    }
    const p = idxPair(img.a, lbl.a, img.e.path, lbl.e.path);
    splits.push({ split: { x: p.x, y: p.y, count: p.count }, h: p.h, w: p.w, name: img.e.rel });
  }
  splits.sort((a, b) => b.split.count - a.split.count);
  const [train, test] = splits;
  if (test && (test.h !== train!.h || test.w !== train!.w))
    throw new DatasetError(
      test.name,
      `images are ${test.h}×${test.w} but ${train!.name} holds ${train!.h}×${train!.w}`,
    );
  const maxLabel = Math.max(...train!.split.y);
  return {
    name: basename(root),
    format: 'mnist-idx',
    source: root,
    shape: [train!.h, train!.w, 1],
    classes: Array.from({ length: maxLabel + 1 }, (_, i) => String(i)),
    train: train!.split,
    test: test?.split,
    warnings: [],
  };
}
