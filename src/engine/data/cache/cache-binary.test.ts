/**
 * IDX, CIFAR-10 and ImageFolder read in chunks, into memory and into the dataset cache: the arrays are the
 * ones the whole-file reads give (IDX: the parser built-in MNIST uses; CIFAR: a naive CHW → HWC loop), over
 * files several read ranges long, and the conversion reports its progress up to done = total.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { PhaseReport } from '../../../shared/events';
import { mnistDir } from '../builtin/mnist';
import { idx, image, removeTempDirs, tempDir } from '../fixtures.test-helper';
import { loadFolder } from '../folder';
import { idxPair, parseIdx } from '../folder/idx';
import { READ_BYTES } from '../folder/scanned';
import { loadDataset } from '../index';
import type { Dataset } from '../types';

afterAll(removeTempDirs);

const sameBits = (a: ArrayLike<number> & { buffer: ArrayBufferLike }, b: typeof a): boolean =>
  a.length === b.length && Buffer.from(a.buffer).equals(Buffer.from(b.buffer));

/** The folder read directly, then through a new cache twice (built, then reused), with the progress seen. */
async function threeWays(folder: string) {
  const project = await tempDir(),
    notes: string[] = [],
    progress: PhaseReport[] = [];
  const opts = {
    cacheRoot: join(project, 'cache'),
    note: (m: string) => notes.push(m),
    report: progress.push.bind(progress),
  };
  const ref = { source: 'folder' as const, path: folder };
  const direct = await loadFolder(folder);
  const cold = await loadDataset(ref, opts);
  const warm = await loadDataset(ref, opts);
  return { direct, cached: [cold, warm], notes, progress };
}

/** One phase's reports: from done 0, rising, to done = total (throttled in between: phase-reporter.ts). */
function expectPhase(all: PhaseReport[], phase: PhaseReport['phase'], unit: PhaseReport['unit'], total: number) {
  const got = all.filter((p) => p.phase === phase);
  expect(got.every((p) => p.unit === unit && p.total === total)).toBe(true);
  expect(got[0]!.done).toBe(0);
  expect(got.at(-1)!.done).toBe(total);
  expect(got.every((p, i) => i === 0 || p.done > got[i - 1]!.done)).toBe(true);
  return got;
}

function expectSame(d: Dataset, want: { x: Float32Array; y: Int32Array }, test?: { x: Float32Array; y: Int32Array }) {
  expect(sameBits(d.train.x, want.x)).toBe(true);
  expect(Array.from(d.train.y)).toEqual(Array.from(want.y));
  if (test) expect(sameBits(d.test!.x, test.x)).toBe(true);
  if (test) expect(Array.from(d.test!.y)).toEqual(Array.from(test.y));
}

describe('chunked binary reads, with and without the cache', () => {
  it('IDX (plain and gzip, several ranges long) gives the whole-file parse of MNIST, bit for bit', async () => {
    const src = (n: string) => readFileSync(join(mnistDir(), n));
    // 3,000 MNIST test images: 2.35 MB, three ranges of whole images; the t10k-style pair is gzipped.
    const img = src('t10k-images-idx3-ubyte'),
      lbl = src('t10k-labels-idx1-ubyte');
    const trainImg = Buffer.concat([idx([3000, 28, 28], []), img.subarray(16, 16 + 3000 * 784)]);
    const trainLbl = Buffer.concat([idx([3000], []), lbl.subarray(8, 8 + 3000)]);
    const testImg = Buffer.concat([idx([500, 28, 28], []), img.subarray(16 + 3000 * 784, 16 + 3500 * 784)]);
    const testLbl = Buffer.concat([idx([500], []), lbl.subarray(8 + 3000, 8 + 3500)]);
    expect(trainImg.length).toBeGreaterThan(2 * READ_BYTES);
    const d = await tempDir();
    await writeFile(join(d, 'train-images-idx3-ubyte'), trainImg);
    await writeFile(join(d, 'train-labels-idx1-ubyte'), trainLbl);
    await writeFile(join(d, 't10k-images-idx3-ubyte.gz'), gzipSync(testImg));
    await writeFile(join(d, 't10k-labels-idx1-ubyte.gz'), gzipSync(testLbl));
    const whole = (a: Buffer, b: Buffer) => idxPair(parseIdx(a, 'i'), parseIdx(b, 'l'), 'i', 'l');
    const train = whole(trainImg, trainLbl),
      test = whole(testImg, testLbl);
    const r = await threeWays(d);
    for (const ds of [r.direct, ...r.cached]) expectSame(ds, train, test);
    expect(r.cached[1]!.shape).toEqual([28, 28, 1]);
    expect(r.notes).toEqual([expect.stringContaining('building'), expect.stringContaining('using')]);
    expectPhase(r.progress, 'convert', 'rows', 3500); // both splits, once: the reused cache converts nothing
  });

  it('CIFAR-10 (two batches, several ranges each) gives what a naive CHW → HWC loop gives', async () => {
    const d = await tempDir(),
      REC = 3073;
    let seed = 7;
    const byte = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const batch = (n: number) =>
      Buffer.from(Array.from({ length: n * REC }, (_, i) => (i % REC ? byte() : byte() % 10)));
    const files = [batch(700), batch(450)];
    await writeFile(join(d, 'data_batch_1.bin'), files[0]!);
    await writeFile(join(d, 'data_batch_2.bin'), files[1]!);
    await writeFile(join(d, 'test_batch.bin'), batch(40));
    const naive = (bufs: Buffer[]) => {
      const n = bufs.reduce((a, b) => a + b.length / REC, 0),
        x = new Float32Array(n * 3072),
        y = new Int32Array(n);
      let r = 0;
      for (const b of bufs)
        for (let o = 0; o < b.length; o += REC, r++) {
          y[r] = b[o]!;
          for (let p = 0; p < 1024; p++)
            for (let c = 0; c < 3; c++) x[r * 3072 + p * 3 + c] = b[o + 1 + c * 1024 + p]! / 255;
        }
      return { x, y };
    };
    const r = await threeWays(d);
    const test = naive([readFileSync(join(d, 'test_batch.bin'))]);
    for (const ds of [r.direct, ...r.cached]) expectSame(ds, naive(files), test);
    expectPhase(r.progress, 'convert', 'rows', 1190);
  });

  it('an ImageFolder is decoded into the cache a window at a time, in walk order, with decode progress', async () => {
    const d = await tempDir();
    // 300 images (more than one window of 256): grey level k in class a (k even) or b (k odd).
    for (let k = 0; k < 300; k++)
      await image(join(d, k % 2 ? 'b' : 'a', `${String(k).padStart(3, '0')}.png`), 2, 2, k % 256);
    const r = await threeWays(d);
    for (const ds of r.cached) expectSame(ds, r.direct.train);
    expect(r.direct.train.count).toBe(300);
    expect(r.direct.train.x[0]).toBe(0); // a/000.png comes first
    expect(r.direct.train.x[150 * 12]).toBeCloseTo(1 / 255, 6); // b/001.png: the first of class b
    expectPhase(r.progress, 'decode', 'images', 300);
  });

  it('a CSV reports its conversion in bytes read, with the rows converted so far, up to every row', async () => {
    const d = await tempDir();
    const lines = Array.from({ length: 5000 }, (_, r) => `${r},${r % 7},k${r % 3}`);
    await writeFile(join(d, 'train.csv'), ['a,b,label', ...lines].join('\n') + '\n');
    const r = await threeWays(d);
    const size = readFileSync(join(d, 'train.csv')).length;
    const got = expectPhase(r.progress, 'convert', 'bytes', size);
    expect(got.at(-1)!.rows).toBe(5000);
    expect(Array.from(r.cached[1]!.train.x.subarray(2 * 4321, 2 * 4322))).toEqual([4321, 4321 % 7]);
  });
});
