/** A dataset folder, recognised by what its files contain: IDX, CIFAR-10 batches, ImageFolder or CSV. */
import { firstFew } from '../problems';
import { DatasetError, type Dataset } from '../types';
import { scanCifar } from './cifar';
import { scanCsvTables } from './csv';
import { detectFormat } from './detect';
import { scanIdxFolder } from './idx-folder';
import { scanImageFolder } from './image-folder';
import { loadScanned, type Scanned, type ScanProgress, type SplitSinks } from './scanned';
import { walk, type Folder } from './walk';

export { walk, readData, type Entry, type Folder } from './walk';
export { sniff, kindOf, detectFormat, type FileKind } from './detect';

const EXPECTED =
  'expected MNIST IDX files, CIFAR-10 batches, class sub-folders of PNG/JPEG images, or a CSV with a header';

/** Every format is read in chunks into sinks: memory (loadWalked) or the dataset cache (cache/index.ts). */
const SCANNERS = {
  'mnist-idx': scanIdxFolder,
  'image-folder': scanImageFolder,
  cifar10: scanCifar,
  csv: scanCsvTables,
} as const;

function notRecognised(f: Folder): DatasetError {
  const names = f.entries.map((e) => e.rel);
  const empties = f.entries.filter((e) => e.size === 0).map((e) => e.rel);
  const empty = empties.length ? `; empty files: ${firstFew(empties, empties.length, 3)}` : '';
  return new DatasetError(
    f.label,
    `holds no dataset SOM Lab recognises (${names.length} files, e.g. ${firstFew(names)}${empty}): ${EXPECTED}`,
  );
}

export type FolderFormat = keyof typeof SCANNERS;

/** Walks the folder at real path `root` and recognises its format; `label` names it in messages. */
export async function walkDataset(root: string, label = root): Promise<{ f: Folder; format: FolderFormat }> {
  const f = await walk(root, label);
  if (f.entries.length === 0) throw new DatasetError(label, `is empty: ${EXPECTED}`);
  const format = detectFormat(f.entries.map((e) => e.kind));
  if (format === null) throw notRecognised(f);
  return { f, format };
}

/** Loads a walked folder whole into memory. */
export const loadWalked = (f: Folder, format: FolderFormat): Promise<Dataset> =>
  loadScanned(f, format, SCANNERS[format]);

/** Streams a walked folder's rows into `sinks`. */
export const scanWalked = (f: Folder, format: FolderFormat, sinks: SplitSinks, p?: ScanProgress): Promise<Scanned> =>
  SCANNERS[format](f, sinks, p);

/** Loads the folder at real path `root`; `label` is how messages name it (the path as the user gave it). */
export async function loadFolder(root: string, label = root): Promise<Dataset> {
  const { f, format } = await walkDataset(root, label);
  return loadWalked(f, format);
}
