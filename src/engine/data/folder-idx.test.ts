/** MNIST IDX folders: values by hand, and every broken file a DatasetError naming it (relative) and the problem. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFolder } from '.';
import { expectDatasetError as fails, idx, removeTempDirs, round, tempDir } from './fixtures.test-helper';

afterAll(removeTempDirs);

async function pair(images: Buffer, labels: Buffer, names = ['train-images', 'train-labels']): Promise<string> {
  const d = await tempDir();
  await writeFile(join(d, names[0]!), images);
  await writeFile(join(d, names[1]!), labels);
  return d;
}
const gzNames = ['train-images.gz', 'train-labels'];

describe('MNIST IDX that loads', () => {
  it('a plain train pair and a gzip t10k pair; values by hand', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'train-images-idx3-ubyte'), idx([2, 2, 2], [0, 255, 51, 102, 255, 0, 0, 0]));
    await writeFile(join(d, 'train-labels-idx1-ubyte'), idx([2], [3, 7]));
    await writeFile(join(d, 't10k-images-idx3-ubyte.gz'), gzipSync(idx([1, 2, 2], [255, 255, 255, 51])));
    await writeFile(join(d, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx([1], [1])));
    const ds = await loadFolder(d);
    expect([ds.format, ds.shape]).toEqual(['mnist-idx', [2, 2, 1]]);
    expect(round(ds.train.x)).toEqual([0, 1, 0.2, 0.4, 1, 0, 0, 0]);
    expect(Array.from(ds.train.y)).toEqual([3, 7]);
    expect(round(ds.test!.x)).toEqual([1, 1, 1, 0.2]);
    expect(Array.from(ds.test!.y)).toEqual([1]);
    expect(ds.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('IDX files whatever they are called', async () => {
    const d = await pair(idx([1, 1, 2], [0, 255]), idx([1], [4]), ['pictures.csv', 'answers.png']);
    const ds = await loadFolder(d);
    expect([ds.format, ds.shape, Array.from(ds.train.y)]).toEqual(['mnist-idx', [1, 2, 1], [4]]);
  });
});

describe('a wrong or byte-swapped magic names the file and the magic found', () => {
  it('an images file written little-endian (magic and sizes)', async () => {
    const le = Buffer.alloc(16 + 4);
    le.writeUInt32LE(0x803, 0);
    [1, 2, 2].forEach((v, i) => le.writeUInt32LE(v, 4 + 4 * i));
    const d = await pair(le, idx([1], [0]));
    await fails(
      loadFolder(d, 'mnist'),
      'train-images',
      'bad magic, found 0x03080000, expected 0x00000803 (images) or 0x00000801 (labels) (its bytes are reversed',
    );
  });

  it('a wrong type or dimension byte, plain or gzip', async () => {
    const wrong = idx([1, 2, 2], [1, 2, 3, 4]);
    wrong[3] = 0x07; // seven dimensions
    let d = await pair(wrong, idx([1], [0]));
    await fails(loadFolder(d), 'train-images', 'bad magic, found 0x00000807, expected 0x00000803');
    const swappedLabels = idx([1], [0]);
    swappedLabels.subarray(0, 4).reverse(); // 00 00 08 01 → 01 08 00 00
    d = await pair(gzipSync(idx([1, 1, 1], [9])), gzipSync(swappedLabels), gzNames);
    await fails(loadFolder(d), 'train-labels', 'bad magic, found 0x01080000');
  });

  it('both files broken: one error that counts them and names each', async () => {
    const a = idx([1, 1, 1], [9]),
      b = idx([1], [0]);
    a[2] = 0x42;
    b[2] = 0x42;
    const d = await pair(a, b);
    await fails(loadFolder(d, 'mnist'), 'mnist', '2 files cannot be used: train-images: bad magic, found 0x00004203');
  });

  it('a file that is not IDX at all is named beside the missing images file', async () => {
    const d = await pair(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), idx([1], [0]));
    await fails(
      loadFolder(d, 'mnist'),
      'mnist',
      'no images file (3 dimensions: count × rows × cols); other files, not IDX: train-images',
    );
  });
});

describe('other broken IDX files', () => {
  it('a truncated images file (plain and gzip)', async () => {
    const why = 'is truncated: header says 3×2×2 = 12 values but only 3 bytes follow';
    await fails(loadFolder(await pair(idx([3, 2, 2], [1, 2, 3]), idx([3], [0, 1, 2]))), 'train-images', why);
    const d = await pair(gzipSync(idx([3, 2, 2], [1, 2, 3])), idx([3], [0, 1, 2]), gzNames);
    await fails(loadFolder(d), 'train-images.gz', why);
  });

  it('a gzip stream cut short', async () => {
    const gz = gzipSync(idx([50, 8, 8], Buffer.alloc(3200, 7)));
    const d = await pair(gz.subarray(0, gz.length - 12), idx([50], Buffer.alloc(50)), gzNames);
    await fails(loadFolder(d), 'train-images.gz', 'is not a readable gzip file');
  });

  it('a gzip IDX is inflated no further than its header says (and at most 1 GiB)', async () => {
    let d = await pair(gzipSync(idx([2, 1, 1], Buffer.alloc(5000))), idx([2], [0, 1]), gzNames);
    await fails(loadFolder(d), 'train-images.gz', "inflates to more bytes than its header's 2×1×1 values");
    d = await pair(gzipSync(idx([30000, 200, 200], [1])), idx([1], [0]), gzNames);
    await fails(loadFolder(d), 'train-images.gz', 'header claims 30000×200×200 values: more than a gzip IDX may hold');
  });

  it('image and label counts that do not match', async () => {
    const d = await pair(idx([2, 1, 1], [1, 2]), idx([3], [0, 1, 2]));
    await fails(loadFolder(d), 'train-images', 'holds 2 images but no labels file has that many (train-labels: 3)');
  });

  it('an IDX type other than unsigned bytes', async () => {
    const d = await pair(idx([1, 1, 1], [0, 0, 0, 0], 0x0d), idx([1], [0]));
    await fails(loadFolder(d), 'train-images', 'holds IDX type 0xd; only unsigned bytes (0x08) are supported');
  });

  it('absurd header dimensions: more than 2^31 values, or more than the file holds', async () => {
    let d = await pair(idx([100000, 100000, 100000], [1]), idx([1], [0]));
    await fails(loadFolder(d), 'train-images', 'header claims absurd sizes 100000×100000×100000');
    d = await pair(idx([1000, 1000, 1000], [1, 2]), idx([1], [0]));
    await fails(
      loadFolder(d),
      'train-images',
      'header says 1000×1000×1000 = 1000000000 values but only 2 bytes follow',
    );
  });
});
