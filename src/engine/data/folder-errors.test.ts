/**
 * Bad dataset folders: every one is a DatasetError naming the file (or folder) and the problem — never a
 * crash, a hang, or an allocation sized by a header.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, it } from 'vitest';
import { loadDataset, loadFolder } from '.';
import { expectDatasetError as fails, idx, image, removeTempDirs, tempDir } from './test-fixtures';

afterAll(removeTempDirs);

async function idxPair(images: Buffer, labels: Buffer, names = ['train-images', 'train-labels']): Promise<string> {
  const d = await tempDir();
  await writeFile(join(d, names[0]!), images);
  await writeFile(join(d, names[1]!), labels);
  return d;
}

describe('MNIST IDX', () => {
  it('a truncated images file (plain and gzip)', async () => {
    let d = await idxPair(idx([3, 2, 2], [1, 2, 3]), idx([3], [0, 1, 2]));
    await fails(
      loadFolder(d),
      join(d, 'train-images'),
      'is truncated: header says 3×2×2 = 12 values but only 3 bytes follow',
    );
    d = await idxPair(gzipSync(idx([3, 2, 2], [1, 2, 3])), idx([3], [0, 1, 2]), ['train-images.gz', 'train-labels']);
    await fails(
      loadFolder(d),
      join(d, 'train-images.gz'),
      'is truncated: header says 3×2×2 = 12 values but only 3 bytes follow',
    );
  });

  it('a gzip stream cut short', async () => {
    const gz = gzipSync(idx([50, 8, 8], Buffer.alloc(3200, 7)));
    const d = await idxPair(gz.subarray(0, gz.length - 12), idx([50], Buffer.alloc(50)), [
      'train-images.gz',
      'train-labels',
    ]);
    await fails(loadFolder(d), join(d, 'train-images.gz'), 'is not a readable gzip file');
  });

  it('a gzip IDX is inflated no further than its header says (and at most 1 GiB)', async () => {
    let d = await idxPair(gzipSync(idx([2, 1, 1], Buffer.alloc(5000))), idx([2], [0, 1]), [
      'train-images.gz',
      'train-labels',
    ]);
    await fails(loadFolder(d), join(d, 'train-images.gz'), "inflates to more bytes than its header's 2×1×1 values");
    d = await idxPair(gzipSync(idx([30000, 200, 200], [1])), idx([1], [0]), ['train-images.gz', 'train-labels']);
    await fails(
      loadFolder(d),
      join(d, 'train-images.gz'),
      'header claims 30000×200×200 values: more than a gzip IDX may hold here (1 GiB)',
    );
  });

  it('image and label counts that do not match', async () => {
    const d = await idxPair(idx([2, 1, 1], [1, 2]), idx([3], [0, 1, 2]));
    await fails(
      loadFolder(d),
      join(d, 'train-images'),
      'holds 2 images but no labels file has that many (train-labels: 3)',
    );
  });

  it('wrong magic: not IDX at all, or an IDX type other than unsigned bytes', async () => {
    let d = await idxPair(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), idx([1], [0]));
    await fails(loadFolder(d), d, 'holds IDX files (train-labels: 1) but no images file (3 dimensions');
    d = await idxPair(idx([1, 1, 1], [0, 0, 0, 0], 0x0d), idx([1], [0]));
    await fails(loadFolder(d), join(d, 'train-images'), 'holds IDX type 0xd; only unsigned bytes (0x08) are supported');
  });

  it('absurd header dimensions: more than 2^31 values, or more than the file holds', async () => {
    let d = await idxPair(idx([100000, 100000, 100000], [1]), idx([1], [0]));
    await fails(loadFolder(d), join(d, 'train-images'), 'header claims absurd sizes 100000×100000×100000');
    d = await idxPair(idx([60000, 4096, 4096], [1, 2]), idx([1], [0]));
    await fails(loadFolder(d), join(d, 'train-images'), 'header claims absurd sizes 60000×4096×4096');
    d = await idxPair(idx([1000, 1000, 1000], [1, 2]), idx([1], [0]));
    await fails(
      loadFolder(d),
      join(d, 'train-images'),
      'header says 1000×1000×1000 = 1000000000 values but only 2 bytes follow',
    );
  });
});

describe('ImageFolder', () => {
  async function twoClasses(): Promise<string> {
    const d = await tempDir();
    await image(join(d, 'a', '1.png'), 4, 4, 0);
    await mkdir(join(d, 'b'));
    return d;
  }

  it('corrupt image bytes behind a PNG signature', async () => {
    const d = await twoClasses();
    await writeFile(
      join(d, 'b', '2.png'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), Buffer.alloc(40, 3)]),
    );
    await fails(loadFolder(d), join(d, 'b', '2.png'), 'is not a readable image');
  });

  it('a zero-byte image', async () => {
    const d = await twoClasses();
    await writeFile(join(d, 'b', '2.png'), '');
    await fails(loadFolder(d), join(d, 'b', '2.png'), 'is a zero-byte image');
  });

  it('an empty class folder', async () => {
    const d = await twoClasses();
    await image(join(d, 'c', '3.png'), 4, 4, 9);
    await fails(loadFolder(d), join(d, 'b'), 'is an empty class folder (no PNG or JPEG images)');
  });

  it('a single class', async () => {
    const d = await tempDir();
    await image(join(d, 'only', '1.png'), 4, 4, 0);
    await fails(loadFolder(d), d, 'has a single class folder ("only"); a labelled dataset needs at least 2');
  });

  it('an image larger than 4096 pixels a side is refused before decoding', async () => {
    const d = await twoClasses();
    await image(join(d, 'b', 'wide.png'), 4097, 2, 0);
    await fails(loadFolder(d), join(d, 'b', 'wide.png'), 'size 4097×2 is outside 1–4096 pixels a side');
  });

  it('an image at the top of the folder, not in a class folder', async () => {
    const d = await twoClasses();
    await image(join(d, 'b', '2.png'), 4, 4, 0);
    await image(join(d, 'stray.png'), 4, 4, 0);
    await fails(
      loadFolder(d),
      join(d, 'stray.png'),
      'is an image at the top of the folder; ImageFolder expects one sub-folder per class',
    );
  });
});

describe('CSV', () => {
  it.each([
    ['ragged rows', 'a,b,label\n1,2,x\n\n3,x\n', 'line 4 has 2 fields but the header has 3 (ragged CSV)'],
    ['a non-numeric feature', 'a,b,label\n1,2,x\n3,oops,y\n', 'line 3, column "b": "oops" is not a number'],
    ['no label column', 'a,b\n1,2\n3,4\n', 'has no label column: name one label/class/target/y or make it non-numeric'],
    ['an empty label', 'a,b,label\n1,2,x\n3,4,\n', 'line 3: the label column "label" is empty'],
    ['a header and no rows', 'a,b,label\n', 'needs a header row and at least one data row'],
  ])('%s', async (_name, text, problem) => {
    const d = await tempDir();
    await writeFile(join(d, 'data.csv'), text);
    await fails(loadFolder(d), join(d, 'data.csv'), problem);
  });

  it('a test.csv whose columns differ from train.csv', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'train.csv'), 'a,b,label\n1,2,x\n');
    await writeFile(join(d, 'test.csv'), 'a,c,label\n1,2,x\n');
    await fails(loadFolder(d), join(d, 'test.csv'), `has columns a,c,label but ${join(d, 'train.csv')} has a,b,label`);
  });
});

describe('folders that are not datasets', () => {
  it('an empty folder', async () => {
    const d = await tempDir();
    await fails(loadFolder(d), d, 'is empty: expected MNIST IDX files, CIFAR-10 batches');
  });

  it('a folder of unrelated files (notes, even with commas on one line)', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'notes.txt'), 'nothing to see, really\njust notes\n');
    await writeFile(join(d, 'blob.bin'), Buffer.from([200, 1, 2]));
    await fails(loadFolder(d), d, 'holds no dataset SOM Lab recognises (2 files, e.g. blob.bin, notes.txt)');
  });

  it('a symlink loop is walked once, not forever', async () => {
    const d = await tempDir();
    await mkdir(join(d, 'x'));
    await symlink(d, join(d, 'x', 'loop'));
    await writeFile(join(d, 'x', 'notes.txt'), 'hello');
    await fails(loadFolder(d), d, 'holds no dataset SOM Lab recognises (1 files, e.g. x/notes.txt)');
  });

  it('a path outside the allowed roots, a nonexistent path, a file, and folders not enabled', async () => {
    const root = await tempDir(),
      other = await tempDir();
    await fails(
      loadDataset({ source: 'folder', path: other }, { allowedRoots: [root] }),
      other,
      `is outside the allowed dataset folders (${root})`,
    );
    await fails(
      loadDataset({ source: 'folder', path: join(root, 'nope') }, { allowedRoots: [root] }),
      join(root, 'nope'),
      'does not exist or cannot be read',
    );
    await fails(
      loadDataset({ source: 'folder', path: join(other, 'nope') }),
      join(other, 'nope'),
      'does not exist or cannot be read',
    );
    await writeFile(join(root, 'f.csv'), 'a,label\n1,x\n');
    await fails(
      loadDataset({ source: 'folder', path: join(root, 'f.csv') }, { allowedRoots: [root] }),
      join(root, 'f.csv'),
      'is a file; choose the folder',
    );
    await fails(
      loadDataset({ source: 'folder', path: root }, { allowedRoots: [] }),
      root,
      'dataset folders are not enabled here',
    );
  });

  it('a symlink inside the roots that points outside them is refused (real paths compared)', async () => {
    const root = await tempDir(),
      other = await tempDir();
    await symlink(other, join(root, 'escape'));
    await fails(
      loadDataset({ source: 'folder', path: join(root, 'escape') }, { allowedRoots: [root] }),
      join(root, 'escape'),
      'is outside the allowed dataset folders',
    );
  });
});
