/** A dataset folder, recognised by what its files contain: IDX, CIFAR-10 batches, ImageFolder or CSV. */
import { DatasetError, type Dataset } from '../types';
import { loadCifar } from './cifar';
import { loadCsv } from './csv';
import { loadIdxFolder } from './idx-folder';
import { loadImageFolder } from './image-folder';
import { walk, type Entry } from './walk';

export { walk, sniff } from './walk';

export async function loadFolder(root: string): Promise<Dataset> {
  const entries = await walk(root);
  if (entries.length === 0) throw new DatasetError(root, 'is empty: expected MNIST IDX files, CIFAR-10 batches, class sub-folders of images, or a CSV');
  const of = (...kinds: Entry['kind'][]) => entries.filter((e) => kinds.includes(e.kind));
  // gzip is opened by the IDX parser; a .gz that is not IDX inside gives its own clear error there.
  if (of('idx', 'gzip').length > 0) return loadIdxFolder(root, of('idx', 'gzip'));
  if (of('png', 'jpeg').length > 0) return loadImageFolder(root, entries);
  if (of('cifar').length > 0) return loadCifar(root, of('cifar'));
  if (of('csv').length > 0) return loadCsv(root, of('csv'));
  const empties = entries.filter((e) => e.size === 0).map((e) => e.rel);
  const shown = entries.slice(0, 5).map((e) => e.rel).join(', ');
  throw new DatasetError(root, `holds no dataset SOM Lab recognises (${entries.length} files, e.g. ${shown}${empties.length ? `; empty files: ${empties.slice(0, 3).join(', ')}` : ''}): expected MNIST IDX files, CIFAR-10 batches, class sub-folders of PNG/JPEG images, or a CSV with a header`);
}
