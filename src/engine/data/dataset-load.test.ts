/** loadDataset and previewDataset on a folder: limits are seeded subsets of whole rows; the preview shows real rows. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset, previewDataset } from '.';
import { removeTempDirs, tempDir } from './fixtures.test-helper';

afterAll(removeTempDirs);

describe('loadDataset and previewDataset on folders', () => {
  it('limits are a seeded subset of whole samples; the preview shows counts and real rows', async () => {
    const root = await tempDir(),
      d = join(root, 'table');
    await mkdir(d);
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i * 10},${i % 2 ? 'odd' : 'even'}`);
    await writeFile(join(d, 'data.csv'), `a,b,parity\n${rows.join('\n')}\n`);
    const ref = { source: 'folder' as const, path: 'table', trainLimit: 5 };
    const a = await loadDataset(ref, { allowedRoots: [root], seed: 3 });
    const b = await loadDataset(ref, { allowedRoots: [root], seed: 3 });
    const c = await loadDataset(ref, { allowedRoots: [root], seed: 4 });
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
