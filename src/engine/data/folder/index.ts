/** A dataset folder, recognised by what its files contain: IDX, CIFAR-10 batches, ImageFolder or CSV. */
import { firstFew } from '../problems';
import { DatasetError, type Dataset } from '../types';
import { loadCifar } from './cifar';
import { loadCsv } from './csv';
import { detectFormat } from './detect';
import { loadIdxFolder } from './idx-folder';
import { loadImageFolder } from './image-folder';
import { walk, type Folder } from './walk';

export { walk, readData, type Entry, type Folder } from './walk';
export { sniff, kindOf, detectFormat, type FileKind } from './detect';

const EXPECTED =
  'expected MNIST IDX files, CIFAR-10 batches, class sub-folders of PNG/JPEG images, or a CSV with a header';

const LOADERS = {
  'mnist-idx': loadIdxFolder,
  'image-folder': loadImageFolder,
  cifar10: loadCifar,
  csv: loadCsv,
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

export type FolderFormat = keyof typeof LOADERS;

/** Walks the folder at real path `root` and recognises its format; `label` names it in messages. */
export async function walkDataset(root: string, label = root): Promise<{ f: Folder; format: FolderFormat }> {
  const f = await walk(root, label);
  if (f.entries.length === 0) throw new DatasetError(label, `is empty: ${EXPECTED}`);
  const format = detectFormat(f.entries.map((e) => e.kind));
  if (format === null) throw notRecognised(f);
  return { f, format };
}

/** Loads a walked folder whole into memory. */
export const loadWalked = (f: Folder, format: FolderFormat): Promise<Dataset> => LOADERS[format](f);

/** Loads the folder at real path `root`; `label` is how messages name it (the path as the user gave it). */
export async function loadFolder(root: string, label = root): Promise<Dataset> {
  const { f, format } = await walkDataset(root, label);
  return loadWalked(f, format);
}
