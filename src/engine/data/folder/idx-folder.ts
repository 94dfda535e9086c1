/**
 * A folder of IDX files: image files (3 dims) paired with label files (1 dim) of the same count, by their
 * headers first; then each split's images are read in chunks into its sink (idx-stream.ts).
 */
import { basename } from 'node:path';
import { checkEach, firstFew } from '../problems';
import { DatasetError, type Dataset } from '../types';
import { phaseReporter } from '../../train/phase-reporter';
import { idxChunks, idxValues, readIdxHead, type IdxHead } from './idx-stream';
import { loadScanned, type Scanned, type ScanProgress, type SplitName, type SplitSinks } from './scanned';
import type { Folder } from './walk';

/** Among labels of the same count, the one sharing the longest name prefix with the images (train/t10k). */
function labelsFor(img: IdxHead, labels: IdxHead[]): IdxHead | undefined {
  const prefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };
  const same = labels.filter((l) => l.dims[0] === img.dims[0]);
  return same.sort((a, b) => prefix(b.e.rel, img.e.rel) - prefix(a.e.rel, img.e.rel))[0];
}

function noImages(f: Folder, heads: IdxHead[]): DatasetError {
  const found = heads.map((p) => `${p.e.rel}: ${p.dims.join('×')}`).join(', ');
  const others = f.entries.filter((e) => e.kind === 'other').map((e) => e.rel);
  const rest = others.length ? `; other files, not IDX: ${firstFew(others)}` : '';
  return new DatasetError(
    f.label,
    `holds IDX files (${found}) but no images file (3 dimensions: count × rows × cols)${rest}`,
  );
}

interface Pair {
  img: IdxHead;
  lbl: IdxHead;
  count: number;
  h: number;
  w: number;
}

/** The image/label pairs, biggest first (the training split), checked against each other. */
async function pairsOf(f: Folder): Promise<Pair[]> {
  // Broken IDX files (bad magic) are read too, so their errors are reported with everything else.
  const files = f.entries.filter((e) => e.kind === 'idx' || e.kind === 'idx-bad');
  const heads = await checkEach(files, f.label, readIdxHead);
  const images = heads.filter((p) => p.dims.length === 3),
    labels = heads.filter((p) => p.dims.length === 1);
  if (images.length === 0) throw noImages(f, heads);
  const pairs = images.map((img): Pair => {
    const lbl = labelsFor(img, labels);
    if (!lbl) {
      const counts = labels.map((l) => `${l.e.rel}: ${l.dims[0]}`).join(', ') || 'no label files';
      throw new DatasetError(img.e.rel, `holds ${img.dims[0]} images but no labels file has that many (${counts})`);
    }
    const [count, h, w] = img.dims as [number, number, number];
    if (count === 0) throw new DatasetError(img.e.rel, 'holds no images');
    return { img, lbl, count, h, w };
  });
  pairs.sort((a, b) => b.count - a.count);
  const [train, test] = pairs as [Pair, Pair | undefined];
  if (test && (test.h !== train.h || test.w !== train.w))
    throw new DatasetError(
      test.img.e.rel,
      `images are ${test.h}×${test.w} but ${train.img.e.rel} holds ${train.h}×${train.w}`,
    );
  return pairs.slice(0, 2);
}

/** Streams the folder's images (as values / 255) into the sinks, split by split. */
export async function scanIdxFolder(f: Folder, sinks: SplitSinks, report?: ScanProgress): Promise<Scanned> {
  const pairs = await pairsOf(f);
  const total = pairs.reduce((a, p) => a + p.count, 0);
  const tell = phaseReporter(report, { phase: 'convert', unit: 'rows', total, label: basename(f.root) });
  let done = 0;
  const ys: Int32Array[] = [];
  for (const [k, p] of pairs.entries()) {
    ys.push(Int32Array.from(await idxValues(p.lbl)));
    const size = p.h * p.w,
      sink = sinks[(['train', 'test'] as SplitName[])[k]!]([p.h, p.w, 1], p.count);
    const row = new Float32Array(size);
    for await (const chunk of idxChunks(p.img, size)) {
      for (let o = 0; o < chunk.length; o += size) {
        for (let i = 0; i < size; i++) row[i] = chunk[o + i]! / 255;
        sink.add(row);
      }
      await sink.settle();
      tell((done += chunk.length / size));
    }
  }
  let maxLabel = 0;
  for (const v of ys[0]!) maxLabel = Math.max(maxLabel, v);
  return {
    shape: [pairs[0]!.h, pairs[0]!.w, 1],
    classes: Array.from({ length: maxLabel + 1 }, (_, i) => String(i)),
    warnings: f.warnings,
    trainY: ys[0]!,
    testY: ys[1],
  };
}

export const loadIdxFolder = (f: Folder): Promise<Dataset> => loadScanned(f, 'mnist-idx', scanIdxFolder);
