import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { somFromConfig } from '../som';
import { fullQuality } from '../som/full-pass';
import { removeTempDirs, tempDir } from './fixtures.test-helper';
import { loadDataset } from './index';
import { limitSplit } from './limit';
import { StreamSplit } from './stream-split';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(removeTempDirs);

const ROWS = 3000;

/** Row r is (r, sin r, r mod 7), class r mod 4: every row is told apart by its first value. */
async function tables() {
  const folder = await tempDir(),
    project = await tempDir();
  const lines = ['a,b,c,label'];
  for (let r = 0; r < ROWS; r++) lines.push(`${r},${Math.sin(r).toFixed(5)},${r % 7},${r % 4}`);
  await writeFile(join(folder, 'train.csv'), lines.join('\n'));
  const ref = { source: 'folder' as const, path: folder };
  const cache = { cacheRoot: join(project, 'cache') };
  const disk = await loadDataset(ref, { ...cache, stream: true, streamAbove: 0 });
  const memory = await loadDataset(ref, cache);
  return { disk, memory, ref, cache };
}

describe('a split streamed from the cache', () => {
  it('stays on disk and yields every row exactly once per epoch, in large blocks', async () => {
    const { disk } = await tables();
    expect(disk.train.rows).toBeDefined();
    expect(disk.train.x.length).toBe(0);
    const s = new StreamSplit(disk.train.rows!, disk.train.y, 5, 2048);
    expect(s.stepsPerEpoch()).toBe(2); // 3 blocks of ≤ 1024 rows, 2 per batch
    for (const epoch of [0, 1]) {
      const firsts: number[] = [];
      for (let i = 0; i < s.stepsPerEpoch(); i++) {
        const rows = await s.batch(epoch, i);
        for (let k = 0; k < rows.length; k += 3) firsts.push(rows[k]!);
      }
      expect(firsts.sort((a, b) => a - b)).toEqual(Array.from({ length: ROWS }, (_, r) => r));
    }
    s.dispose();
  });

  it('limits by trainLimit to the same rows, in the same order, as the split in memory', async () => {
    const { disk, memory } = await tables();
    const a = await limitSplit(disk.train, 3, 700, 42);
    const b = await limitSplit(memory.train, 3, 700, 42);
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
  });

  it('evaluates QE, TE, hits and the class map over all rows in chunks, as the whole tensor gives', async () => {
    const { disk, memory } = await tables();
    const som = somFromConfig({ rows: 4, cols: 4, topology: 'rect', neighbourhood: 'gaussian' }, 3, 3);
    const x = tf.tensor2d(memory.train.x, [ROWS, 3]);
    await som.initFrom(x, 'random');
    const s = new StreamSplit(disk.train.rows!, disk.train.y, 5, 2048);
    const seen: number[] = [];
    const full = await fullQuality(som, s.chunks(), 4, (n) => seen.push(n));
    const ref = await som.quality(x);
    expect(full.qe).toBeCloseTo(ref.qe, 5);
    expect(full.te).toBeCloseTo(ref.te, 9);
    expect(full.hits).toEqual(await som.hits(x));
    expect(full.classMap).toEqual(await som.classMap(x, memory.train.y, 4));
    expect(seen.at(-1)).toBe(ROWS);
    x.dispose();
    s.dispose();
    som.dispose();
  });
});
