/** Folder datasets that load: each format recognised by content, values checked by hand. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset, loadFolder, previewDataset } from '.';
import { kindOf } from './folder';
import { idx, image, removeTempDirs, tempDir } from './test-fixtures';

afterAll(removeTempDirs);

const round = (a: ArrayLike<number>) => Array.from(a, (v) => +v.toFixed(4));

describe('detection by content', () => {
  it('classifies magic numbers and headers, not names', () => {
    const b = (...x: number[]) => Uint8Array.from(x);
    expect(kindOf(b(0x89, 0x50, 0x4e, 0x47, 13, 10), 6)).toBe('png');
    expect(kindOf(b(0xff, 0xd8, 0xff, 0xe0), 4)).toBe('jpeg');
    expect(kindOf(idx([1], [0]), 9)).toBe('idx');
    expect(kindOf(gzipSync(idx([2, 2, 2], Buffer.alloc(8))), 40)).toBe('idx');
    expect(kindOf(gzipSync(Buffer.from('hello, world\n')), 40)).toBe('other');
    expect(kindOf(b(3, 0, 0), 3073 * 2)).toBe('cifar');
    expect(kindOf(Buffer.from('a,b,label\n1,2,x\n'), 16)).toBe('csv');
    expect(kindOf(Buffer.from('a,b,c\n1,2,3\n4,5'), 5000)).toBe('csv'); // the sniffed head ends mid-row
    expect(kindOf(Buffer.from('a note, with a comma\nand a line without\n'), 40)).toBe('other');
    expect(kindOf(b(), 0)).toBe('other');
  });

  it('loads IDX files whatever they are called', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'pictures.csv'), idx([1, 1, 2], [0, 255]));
    await writeFile(join(d, 'answers.png'), idx([1], [4]));
    const ds = await loadFolder(d);
    expect([ds.format, ds.shape, Array.from(ds.train.y)]).toEqual(['mnist-idx', [1, 2, 1], [4]]);
  });
});

describe('MNIST IDX', () => {
  it('loads a plain train pair and a gzip t10k pair; values by hand', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'train-images-idx3-ubyte'), idx([2, 2, 2], [0, 255, 51, 102, 255, 0, 0, 0]));
    await writeFile(join(d, 'train-labels-idx1-ubyte'), idx([2], [3, 7]));
    await writeFile(join(d, 't10k-images-idx3-ubyte.gz'), gzipSync(idx([1, 2, 2], [255, 255, 255, 51])));
    await writeFile(join(d, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx([1], [1])));
    const ds = await loadFolder(d);
    expect(ds.format).toBe('mnist-idx');
    expect(ds.shape).toEqual([2, 2, 1]);
    expect(round(ds.train.x)).toEqual([0, 1, 0.2, 0.4, 1, 0, 0, 0]);
    expect(Array.from(ds.train.y)).toEqual([3, 7]);
    expect(round(ds.test!.x)).toEqual([1, 1, 1, 0.2]);
    expect(Array.from(ds.test!.y)).toEqual([1]);
    expect(ds.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  });
});

describe('CIFAR-10 batches', () => {
  it('decodes CHW records into HWC pixels, reads the test batch and batches.meta.txt', async () => {
    const d = await tempDir();
    const rec = (label: number, first: [number, number, number], last: [number, number, number]) => {
      const r = Buffer.alloc(3073);
      r[0] = label;
      first.forEach((v, c) => {
        r[1 + c * 1024] = v;
      });
      last.forEach((v, c) => {
        r[1 + c * 1024 + 1023] = v;
      });
      return r;
    };
    await writeFile(
      join(d, 'data_batch_1.bin'),
      Buffer.concat([rec(6, [255, 51, 102], [0, 0, 0]), rec(2, [0, 0, 0], [0, 255, 0])]),
    );
    await writeFile(join(d, 'test_batch.bin'), rec(9, [0, 0, 0], [0, 0, 255]));
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    await writeFile(join(d, 'batches.meta.txt'), `${names.join('\n')}\n\n`);
    const ds = await loadFolder(d);
    expect([ds.format, ds.shape, ds.classes]).toEqual(['cifar10', [32, 32, 3], names]);
    expect([ds.train.count, ds.test!.count]).toEqual([2, 1]);
    expect(Array.from(ds.train.y)).toEqual([6, 2]);
    expect(round(ds.train.x.subarray(0, 3))).toEqual([1, 0.2, 0.4]); // sample 0, pixel 0: R G B
    expect(round(ds.train.x.subarray(3072 + 3069, 3072 + 3072))).toEqual([0, 1, 0]); // sample 1, last pixel
    expect(round(ds.test!.x.subarray(3069))).toEqual([0, 0, 1]);
    expect(Array.from(ds.test!.y)).toEqual([9]);
  });
});

describe('ImageFolder', () => {
  it('loads classes with train/ and test/, PNG and JPEG, and resizes an odd size with a warning', async () => {
    const d = await tempDir();
    await image(join(d, 'train', 'cat', '1.png'), 4, 3, 0);
    await image(join(d, 'train', 'dog', '2.jpg'), 4, 3, 255, 'jpeg');
    await image(join(d, 'train', 'dog', '3.png'), 6, 5, 255);
    await image(join(d, 'test', 'cat', '4.png'), 4, 3, 0);
    const ds = await loadFolder(d);
    expect([ds.format, ds.classes, ds.shape]).toEqual(['image-folder', ['cat', 'dog'], [3, 4, 3]]);
    expect([ds.train.count, ds.test!.count]).toEqual([3, 1]);
    expect(Array.from(ds.train.y)).toEqual([0, 1, 1]);
    expect(ds.train.x.subarray(0, 36).every((v) => v === 0)).toBe(true);
    expect(ds.train.x.subarray(36).every((v) => v > 0.98)).toBe(true); // white JPEG and the resized white PNG
    expect(Array.from(ds.test!.y)).toEqual([0]);
    expect(ds.warnings).toEqual([`${join(d, 'train', 'dog', '3.png')}: 6×5 resized to 4×3`]);
  });

  it('keeps greyscale images as one channel', async () => {
    const d = await tempDir();
    await image(join(d, 'light', '1.png'), 2, 2, 204, 'grey');
    await image(join(d, 'dark', '2.png'), 2, 2, 51, 'grey');
    const ds = await loadFolder(d);
    expect([ds.shape, ds.classes]).toEqual([
      [2, 2, 1],
      ['dark', 'light'],
    ]);
    expect(round(ds.train.x)).toEqual([0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8]); // dark/2.png first: sorted walk
  });
});

describe('CSV', () => {
  it('maps string labels in sorted order, reads quoted fields and the test.csv beside train.csv', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'train.csv'), 'x,y,species\n1,2,"virginica, tall"\n\n3.5,-4,setosa\n5,6,setosa\n');
    await writeFile(join(d, 'test.csv'), 'x,y,species\n7,8,versicolor\n');
    const ds = await loadFolder(d);
    expect([ds.format, ds.shape, ds.classes]).toEqual(['csv', [2], ['setosa', 'versicolor', 'virginica, tall']]);
    expect(Array.from(ds.train.x)).toEqual([1, 2, 3.5, -4, 5, 6]);
    expect(Array.from(ds.train.y)).toEqual([2, 0, 0]);
    expect([Array.from(ds.test!.x), Array.from(ds.test!.y)]).toEqual([[7, 8], [1]]);
  });

  it('numeric labels in a named column sort as numbers', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'data.csv'), 'f,label\n0.5,10\n0.25,2\n1,2\n');
    const ds = await loadFolder(d);
    expect(ds.classes).toEqual(['2', '10']);
    expect(Array.from(ds.train.y)).toEqual([1, 0, 0]);
  });
});

describe('loadDataset and previewDataset on folders', () => {
  it('limits are a seeded subset of whole samples; the preview shows counts and real rows', async () => {
    const root = await tempDir(),
      d = join(root, 'table');
    await mkdir(d);
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i * 10},${i % 2 ? 'odd' : 'even'}`);
    await writeFile(join(d, 'data.csv'), `a,b,parity\n${rows.join('\n')}\n`);
    const a = await loadDataset({ source: 'folder', path: d, trainLimit: 5 }, { allowedRoots: [root], seed: 3 });
    const b = await loadDataset({ source: 'folder', path: d, trainLimit: 5 }, { allowedRoots: [root], seed: 3 });
    const c = await loadDataset({ source: 'folder', path: d, trainLimit: 5 }, { allowedRoots: [root], seed: 4 });
    expect(a.train.count).toBe(5);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.train.x)).not.toEqual(Array.from(c.train.x));
    for (let i = 0; i < 5; i++) {
      const [v, w] = [a.train.x[2 * i]!, a.train.x[2 * i + 1]!];
      expect([w, a.train.y[i]]).toEqual([v * 10, v % 2 ? 1 : 0]); // rows stay whole: features with their label
    }
    const p = await previewDataset({ source: 'folder', path: d }, { allowedRoots: [root] });
    expect([p.format, p.shape, p.classes, p.trainCount, p.testCount]).toEqual(['csv', [2], ['even', 'odd'], 20, 0]);
    expect(p.samples.map((s) => [...s.data, s.label])).toEqual(
      [0, 2, 5, 7, 10, 12, 15, 17].map((i) => [i, i * 10, i % 2]),
    );
  });
});
