/** A folder of IDX files: image files (3 dims) paired with label files (1 dim) of the same count. */
import { basename } from 'node:path';
import { checkEach, firstFew } from '../problems';
import { DatasetError, type Dataset, type Split } from '../types';
import { idxPair, parseIdx, type IdxArray } from './idx';
import { readData, type Entry, type Folder } from './walk';

interface Parsed {
  e: Entry;
  a: IdxArray;
}

/** Among labels of the same count, the one sharing the longest name prefix with the images (train/t10k). */
function labelsFor(img: Parsed, labels: Parsed[]): Parsed | undefined {
  const prefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };
  const same = labels.filter((l) => l.a.dims[0] === img.a.dims[0]);
  return same.sort((a, b) => prefix(b.e.rel, img.e.rel) - prefix(a.e.rel, img.e.rel))[0];
}

function noImages(f: Folder, parsed: Parsed[]): DatasetError {
  const found = parsed.map((p) => `${p.e.rel}: ${p.a.dims.join('×')}`).join(', ');
  const others = f.entries.filter((e) => e.kind === 'other').map((e) => e.rel);
  const rest = others.length ? `; other files, not IDX: ${firstFew(others)}` : '';
  return new DatasetError(
    f.label,
    `holds IDX files (${found}) but no images file (3 dimensions: count × rows × cols)${rest}`,
  );
}

export async function loadIdxFolder(f: Folder): Promise<Dataset> {
  // Broken IDX files (bad magic) are parsed too, so their errors are reported with everything else.
  const files = f.entries.filter((e) => e.kind === 'idx' || e.kind === 'idx-bad');
  const parsed = await checkEach(files, f.label, async (e) => ({ e, a: parseIdx(await readData(e), e.rel) }));
  const images = parsed.filter((p) => p.a.dims.length === 3),
    labels = parsed.filter((p) => p.a.dims.length === 1);
  if (images.length === 0) throw noImages(f, parsed);
  const splits: { split: Split; h: number; w: number; name: string }[] = [];
  for (const img of images) {
    const lbl = labelsFor(img, labels);
    if (!lbl) {
      const counts = labels.map((l) => `${l.e.rel}: ${l.a.dims[0]}`).join(', ') || 'no label files';
      throw new DatasetError(img.e.rel, `holds ${img.a.dims[0]} images but no labels file has that many (${counts})`);
    }
    const p = idxPair(img.a, lbl.a, img.e.rel, lbl.e.rel);
    splits.push({ split: { x: p.x, y: p.y, count: p.count }, h: p.h, w: p.w, name: img.e.rel });
  }
  splits.sort((a, b) => b.split.count - a.split.count);
  const [train, test] = splits;
  if (test && (test.h !== train!.h || test.w !== train!.w))
    throw new DatasetError(
      test.name,
      `images are ${test.h}×${test.w} but ${train!.name} holds ${train!.h}×${train!.w}`,
    );
  let maxLabel = 0;
  for (const v of train!.split.y) maxLabel = Math.max(maxLabel, v);
  return {
    name: basename(f.root),
    format: 'mnist-idx',
    source: f.root,
    shape: [train!.h, train!.w, 1],
    classes: Array.from({ length: maxLabel + 1 }, (_, i) => String(i)),
    train: train!.split,
    test: test?.split,
    warnings: f.warnings,
  };
}
