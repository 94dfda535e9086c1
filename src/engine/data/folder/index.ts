/** A dataset folder, recognised by what its files contain: IDX, CIFAR-10 batches, ImageFolder or CSV. */
import { DatasetError, type Dataset } from '../types';
import { loadCifar } from './cifar';
import { loadCsv } from './csv';
import { detectFormat } from './detect';
import { loadIdxFolder } from './idx-folder';
import { loadImageFolder } from './image-folder';
import { walk, type Entry } from './walk';

export { walk, readData, type Entry } from './walk';
export { sniff, kindOf, detectFormat, type FileKind } from './detect';

const EXPECTED =
  'expected MNIST IDX files, CIFAR-10 batches, class sub-folders of PNG/JPEG images, or a CSV with a header';

export async function loadFolder(root: string): Promise<Dataset> {
  const entries = await walk(root);
  if (entries.length === 0) throw new DatasetError(root, `is empty: ${EXPECTED}`);
  const of = (kind: Entry['kind']) => entries.filter((e) => e.kind === kind);
  switch (detectFormat(entries.map((e) => e.kind))) {
    case 'mnist-idx':
      return loadIdxFolder(root, of('idx'));
    case 'image-folder':
      return loadImageFolder(root, entries);
    case 'cifar10':
      return loadCifar(root, of('cifar'));
    case 'csv':
      return loadCsv(root, of('csv'));
    case null: {
      const empties = entries.filter((e) => e.size === 0).map((e) => e.rel);
      const shown = entries
        .slice(0, 5)
        .map((e) => e.rel)
        .join(', ');
      throw new DatasetError(
        root,
        `holds no dataset SOM Lab recognises (${entries.length} files, e.g. ${shown}${empties.length ? `; empty files: ${empties.slice(0, 3).join(', ')}` : ''}): ${EXPECTED}`,
      );
    }
  }
}
