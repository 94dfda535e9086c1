/**
 * Which folders and files a dataset may use: only inside the --data roots and inside the folder the user
 * chose, symlinks included; relative paths against the roots; the same answer for missing and existing
 * paths outside. And folders that hold no dataset.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset, loadFolder, previewDataset } from '.';
import { DatasetError } from './types';
import { expectDatasetError as fails, image, removeTempDirs, tempDir } from './fixtures.test-helper';

afterAll(removeTempDirs);

const folder = (path: string) => ({ source: 'folder' as const, path });
const TABLE = 'a,label\n1,x\n2,y\n';

describe('dataset folders and the --data roots', () => {
  it('a relative path resolves against the roots, not the working directory', async () => {
    const root = await tempDir(),
      other = await tempDir();
    await mkdir(join(other, 'table'));
    await writeFile(join(other, 'table', 't.csv'), TABLE);
    await fails(loadDataset(folder('table'), { allowedRoots: [root] }), 'table', 'does not exist or cannot be read');
    const ds = await loadDataset(folder('table'), { allowedRoots: [root, other] });
    expect([ds.source, ds.train.count]).toEqual([join(other, 'table'), 2]);
  });

  it('a path outside the roots gets the same answer whether or not it exists (no probing)', async () => {
    const root = await tempDir(),
      other = await tempDir();
    await writeFile(join(other, 'real.csv'), TABLE);
    const answer = async (p: string) =>
      previewDataset(folder(p), { allowedRoots: [root] }).catch((e: DatasetError) => e.message.replace(p, 'P'));
    const [existing, missing] = await Promise.all([answer(other), answer(join(other, 'no-such-folder'))]);
    expect(existing).toBe(`P: is outside the allowed dataset folders (${root})`);
    expect(missing).toBe(existing);
    await fails(
      loadDataset(folder('../x'), { allowedRoots: [root] }),
      '../x',
      'is outside the allowed dataset folders',
    );
  });

  it('a missing folder inside the roots, a file, and folders not enabled', async () => {
    const root = await tempDir();
    await fails(
      loadDataset(folder(join(root, 'nope')), { allowedRoots: [root] }),
      join(root, 'nope'),
      'does not exist',
    );
    await writeFile(join(root, 'f.csv'), TABLE);
    await fails(loadDataset(folder('f.csv'), { allowedRoots: [root] }), 'f.csv', 'is a file; choose the folder');
    await fails(loadDataset(folder(root), { allowedRoots: [] }), root, 'dataset folders are not enabled here');
    await fails(loadDataset(folder(join(root, 'nope'))), join(root, 'nope'), 'does not exist or cannot be read');
  });

  it('a symlink inside the roots that leads outside them is refused (real paths compared)', async () => {
    const root = await tempDir(),
      other = await tempDir();
    await writeFile(join(other, 't.csv'), TABLE);
    await symlink(other, join(root, 'escape'));
    await fails(
      loadDataset(folder('escape'), { allowedRoots: [root] }),
      'escape',
      'is outside the allowed dataset folders',
    );
  });
});

describe('symlinks inside a dataset folder are not followed out of it', () => {
  it('a symlinked CSV outside the folder is neither read nor trained on', async () => {
    const root = await tempDir(),
      outside = await tempDir();
    await mkdir(join(root, 'table'));
    await writeFile(join(root, 'table', 'a.csv'), TABLE);
    await writeFile(join(outside, 'secret.csv'), 'a,label\n99,secret\n');
    await symlink(join(outside, 'secret.csv'), join(root, 'table', 'train.csv'));
    const ds = await loadDataset(folder('table'), { allowedRoots: [root] });
    expect([ds.classes, Array.from(ds.train.x)]).toEqual([
      ['x', 'y'],
      [1, 2],
    ]);
    expect(ds.warnings).toEqual(['1 symlink leads outside the dataset folder and was not followed: train.csv']);
    // The same without roots (Electron, the CLI): the folder the user chose is still the boundary.
    await writeFile(join(root, 'table', 'a.csv'), 'a,label\n');
    await fails(loadFolder(join(root, 'table'), 'table'), 'a.csv', 'needs a header row');
  });

  it("a symlinked folder does not pull a sibling folder's images in as a class", async () => {
    const root = await tempDir();
    await image(join(root, 'pets', 'cat', '1.png'), 2, 2, 0);
    await image(join(root, 'pets', 'dog', '2.png'), 2, 2, 255);
    await image(join(root, 'cars', 'van', '3.png'), 2, 2, 128);
    await symlink(join(root, 'cars', 'van'), join(root, 'pets', 'van'));
    await symlink(join(root, 'pets', 'cat'), join(root, 'pets', 'kitten')); // inside: allowed, walked once
    const ds = await loadDataset(folder('pets'), { allowedRoots: [root] });
    expect([ds.classes, ds.train.count]).toEqual([['cat', 'dog'], 2]);
    expect(ds.warnings).toEqual(['1 symlink leads outside the dataset folder and was not followed: van']);
  });
});

describe('folders that are not datasets', () => {
  it('an empty folder; a folder of unrelated files (notes, even with commas on one line)', async () => {
    const d = await tempDir();
    await fails(loadFolder(d, 'mine'), 'mine', 'is empty: expected MNIST IDX files, CIFAR-10 batches');
    await writeFile(join(d, 'notes.txt'), 'nothing to see, really\njust notes\n');
    await writeFile(join(d, 'blob.bin'), Buffer.from([200, 1, 2]));
    await fails(
      loadFolder(d, 'mine'),
      'mine',
      'holds no dataset SOM Lab recognises (2 files, e.g. blob.bin, notes.txt)',
    );
  });

  it('a symlink loop is walked once, not forever', async () => {
    const d = await tempDir();
    await mkdir(join(d, 'x'));
    await symlink(d, join(d, 'x', 'loop'));
    await writeFile(join(d, 'x', 'notes.txt'), 'hello');
    await fails(loadFolder(d, 'mine'), 'mine', 'holds no dataset SOM Lab recognises (1 files, e.g. x/notes.txt)');
  });
});
