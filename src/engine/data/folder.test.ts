/**
 * Folder datasets: every bad input is a clear DatasetError naming the file and the problem (never a crash,
 * a hang or an allocation sized by a header), and the good formats load with values checked by hand.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset, loadFolder } from '.';

const dirs: string[] = [];
async function tmp(): Promise<string> { const d = await mkdtemp(join(tmpdir(), 'somlab-data-')); dirs.push(d); return d; }
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

function idx(dims: number[], body: number[] | Uint8Array, magicType = 0x08): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt8(magicType, 2);
  head.writeUInt8(dims.length, 3);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(body)]);
}

async function png(path: string, w: number, h: number, grey = 128): Promise<void> {
  await sharp({ create: { width: w, height: h, channels: 3, background: { r: grey, g: grey, b: grey } } }).png().toFile(path);
}

describe('MNIST IDX folders', () => {
  it('loads plain and gzip IDX pairs; values by hand', async () => {
    const d = await tmp();
    await writeFile(join(d, 'train-images'), idx([2, 2, 2], [0, 255, 51, 102, 255, 0, 0, 0]));
    await writeFile(join(d, 'train-labels'), idx([2], [3, 7]));
    await writeFile(join(d, 't10k-images.gz'), gzipSync(idx([1, 2, 2], [255, 255, 255, 255])));
    await writeFile(join(d, 't10k-labels.gz'), gzipSync(idx([1], [1])));
    const ds = await loadFolder(d);
    expect(ds.format).toBe('mnist-idx');
    expect(ds.shape).toEqual([2, 2, 1]);
    expect(Array.from(ds.train.x, (v) => +v.toFixed(4))).toEqual([0, 1, 0.2, 0.4, 1, 0, 0, 0]);
    expect(Array.from(ds.train.y)).toEqual([3, 7]);
    expect(ds.test!.count).toBe(1);
  });

  it.each([
    ['truncated images', idx([3, 2, 2], [1, 2, 3]), idx([3], [0, 1, 2]), /train-images: is truncated: header says 3×2×2 = 12 values but only 3 bytes follow/],
    ['wrong magic (the images file is not IDX)', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), idx([1], [0]), /holds IDX files but no images file \(3 dimensions\)/],
    ['absurd header sizes', idx([100000, 100000, 100000], [1]), idx([1], [0]), /train-images: header claims absurd sizes 100000×100000×100000/],
    ['image/label count mismatch', idx([2, 1, 1], [1, 2]), idx([3], [0, 1, 2]), /train-images: holds 2 images but no labels file has that many \(train-labels: 3\)/],
  ])('%s', async (_n, images, labels, message) => {
    const d = await tmp();
    await writeFile(join(d, 'train-images'), images);
    await writeFile(join(d, 'train-labels'), labels);
    await expect(loadFolder(d)).rejects.toThrow(message);
  });
});

describe('CIFAR-10 batches', () => {
  it('decodes CHW records into HWC pixels', async () => {
    const d = await tmp();
    const rec = Buffer.alloc(3073);
    rec[0] = 6; rec[1] = 255; rec[1 + 1024] = 51; rec[1 + 2048] = 102; // pixel 0: R 1, G 0.2, B 0.4
    await writeFile(join(d, 'data_batch_1.bin'), Buffer.concat([rec, rec]));
    const ds = await loadFolder(d);
    expect(ds.format).toBe('cifar10');
    expect(ds.shape).toEqual([32, 32, 3]);
    expect(Array.from(ds.train.x.subarray(0, 3), (v) => +v.toFixed(4))).toEqual([1, 0.2, 0.4]);
    expect(ds.classes[6]).toBe('frog');
  });
});

describe('ImageFolder', () => {
  it('loads classes, train/test and resizes odd sizes with a warning', async () => {
    const d = await tmp();
    for (const [split, cls, w] of [['train', 'cat', 4], ['train', 'dog', 4], ['train', 'dog', 6], ['test', 'cat', 4]] as const) {
      await mkdir(join(d, split, cls), { recursive: true });
      await png(join(d, split, cls, `${w}-${Math.random().toString(36).slice(2)}.png`), w, 4, cls === 'cat' ? 0 : 255);
    }
    const ds = await loadFolder(d);
    expect(ds.format).toBe('image-folder');
    expect(ds.classes).toEqual(['cat', 'dog']);
    expect(ds.shape).toEqual([4, 4, 3]); // sharp writes grey PNGs as RGB
    expect(ds.train.count).toBe(3);
    expect(ds.test!.count).toBe(1);
    expect(ds.warnings.join()).toMatch(/6×4 resized to 4×4/);
  });

  it.each([
    ['a corrupt image', async (d: string) => { await png(join(d, 'a', '1.png'), 4, 4); await mkdir(join(d, 'b')); await writeFile(join(d, 'b', '2.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(40)])); }, /b\/2\.png: is not a readable image/],
    ['a zero-byte image', async (d: string) => { await png(join(d, 'a', '1.png'), 4, 4); await mkdir(join(d, 'b')); await writeFile(join(d, 'b', '2.png'), ''); }, /b\/2\.png: is a zero-byte image/],
    ['an empty class folder', async (d: string) => { await png(join(d, 'a', '1.png'), 4, 4); await png(join(d, 'a', '2.png'), 4, 4); await mkdir(join(d, 'b')); await mkdir(join(d, 'c')); await png(join(d, 'c', '3.png'), 4, 4); }, /\/b: is an empty class folder/],
    ['a single class', async (d: string) => { await png(join(d, 'a', '1.png'), 4, 4); }, /has a single class folder \("a"\); a labelled dataset needs at least 2/],
  ])('%s', async (_n, make, message) => {
    const d = await tmp();
    await mkdir(join(d, 'a'));
    await make(d);
    await expect(loadFolder(d)).rejects.toThrow(message);
  });
});

describe('CSV', () => {
  it('maps string labels and reads features', async () => {
    const d = await tmp();
    await writeFile(join(d, 'train.csv'), 'x,y,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n');
    const ds = await loadFolder(d);
    expect(ds.classes).toEqual(['setosa', 'virginica']);
    expect(Array.from(ds.train.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(ds.train.y)).toEqual([0, 1, 0]);
  });

  it.each([
    ['ragged rows', 'a,b,label\n1,2,x\n3,x\n', /data\.csv: line 3 has 2 fields but the header has 3 \(ragged CSV\)/],
    ['a non-numeric feature', 'a,b,label\n1,2,x\n3,oops,y\n', /data\.csv: line 3, column "b": "oops" is not a number/],
    ['no label column', 'a,b\n1,2\n3,4\n', /data\.csv: has no label column/],
  ])('%s', async (_n, text, message) => {
    const d = await tmp();
    await writeFile(join(d, 'data.csv'), text);
    await expect(loadFolder(d)).rejects.toThrow(message);
  });
});

describe('folders that are not datasets', () => {
  it('an empty folder', async () => {
    const d = await tmp();
    await expect(loadFolder(d)).rejects.toThrow(/is empty: expected MNIST IDX files, CIFAR-10 batches/);
  });
  it('a folder of unrelated files', async () => {
    const d = await tmp();
    await writeFile(join(d, 'notes.txt'), 'nothing to see');
    await writeFile(join(d, 'blob.bin'), Buffer.from([200, 1, 2]));
    await expect(loadFolder(d)).rejects.toThrow(/holds no dataset SOM Lab recognises \(2 files, e\.g\. blob\.bin, notes\.txt\)/);
  });
  it('a symlink loop is walked once, not forever', async () => {
    const d = await tmp();
    await mkdir(join(d, 'x'));
    await symlink(d, join(d, 'x', 'loop'));
    await writeFile(join(d, 'x', 'notes.txt'), 'hello');
    await expect(loadFolder(d)).rejects.toThrow(/holds no dataset SOM Lab recognises \(1 files/);
  });
  it('a path outside the allowed roots, and one that does not exist', async () => {
    const root = await tmp(), other = await tmp();
    await expect(loadDataset({ source: 'folder', path: other }, { allowedRoots: [root] })).rejects.toThrow(/is outside the allowed dataset folders/);
    await expect(loadDataset({ source: 'folder', path: join(root, 'nope') }, { allowedRoots: [root] })).rejects.toThrow(/nope: does not exist or cannot be read/);
    await expect(loadDataset({ source: 'folder', path: root }, { allowedRoots: [] })).rejects.toThrow(/dataset folders are not enabled here/);
  });
});
