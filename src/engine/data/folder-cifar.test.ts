/** CIFAR-10 batches: CHW records decoded by hand, and a batch of the wrong size told apart from "not recognised". */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFolder } from '.';
import { expectDatasetError as fails, removeTempDirs, round, tempDir } from './fixtures.test-helper';

afterAll(removeTempDirs);

const REC = 3073;
function rec(label: number, first: [number, number, number], last: [number, number, number]): Buffer {
  const r = Buffer.alloc(REC, 7); // pixels of 7: binary, no NUL needed for detection
  r[0] = label;
  first.forEach((v, c) => (r[1 + c * 1024] = v));
  last.forEach((v, c) => (r[1 + c * 1024 + 1023] = v));
  return r;
}
const batch = (n: number, extra = 0): Buffer =>
  Buffer.concat([...Array.from({ length: n }, (_, i) => rec(i % 10, [0, 0, 0], [0, 0, 0])), Buffer.alloc(extra, 5)]);

describe('CIFAR-10 batches', () => {
  it('decodes CHW records into HWC pixels, reads the test batch and batches.meta.txt', async () => {
    const d = await tempDir();
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

  it('a batch whose size is not a whole number of records says what is wrong with its size', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'data_batch_1.bin'), batch(3, 100));
    await fails(
      loadFolder(d),
      'data_batch_1.bin',
      'looks like a CIFAR-10 batch (a label byte 0–9 every 3,073 bytes) ' +
        'but is 9,319 bytes: 3 whole records and 100 bytes over',
    );
  });

  it('several batches of the wrong size are counted and each named', async () => {
    const d = await tempDir();
    await writeFile(join(d, 'data_batch_1.bin'), batch(2));
    await writeFile(join(d, 'data_batch_2.bin'), batch(2, 1));
    await writeFile(join(d, 'data_batch_3.bin'), batch(1, 3000));
    await fails(
      loadFolder(d, 'cifar'),
      'cifar',
      '2 files cannot be used: data_batch_2.bin: looks like a CIFAR-10 batch',
    );
    await fails(loadFolder(d, 'cifar'), 'cifar', 'data_batch_3.bin: looks like a CIFAR-10 batch');
  });

  it('records with labels above 9 are counted, the first few quoted', async () => {
    const d = await tempDir();
    const b = batch(20);
    for (const i of [17, 18, 19]) b[i * REC] = 12;
    await writeFile(join(d, 'data_batch_1.bin'), b);
    await fails(
      loadFolder(d),
      'data_batch_1.bin',
      '3 records have labels outside 0–9: record 17: 12, record 18: 12, record 19: 12',
    );
  });
});
