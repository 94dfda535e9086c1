import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../../shared/validate';
import { buildSomExperiment } from '../../models/som-experiment';
import { removeTempDirs, tempDir } from '../fixtures.test-helper';
import { loadDataset, previewDataset, type LoadOptions } from '../index';
import { arrayPath, cacheDirFor, MANIFEST } from './store';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(removeTempDirs);

/** A labelled table whose values are checkable by hand: row r is (r, 2r + 0.5, −r), class r % 3. */
function table(rows: number, shift = 0): string {
  const lines = ['a,b,c,label'];
  for (let r = 0; r < rows; r++) lines.push(`${r + shift},${2 * r + 0.5},${-r},k${r % 3}`);
  return lines.join('\n') + '\n';
}

async function setup(rows = 300) {
  const folder = await tempDir(),
    project = await tempDir();
  await writeFile(join(folder, 'train.csv'), table(rows));
  const notes: string[] = [];
  const opts: LoadOptions = { cacheRoot: join(project, 'cache'), note: (m) => notes.push(m) };
  const ref = { source: 'folder' as const, path: folder };
  return { folder, ref, opts, notes, dir: cacheDirFor(join(project, 'cache'), folder) };
}

describe('dataset cache', () => {
  it('is built once, reused while the source is unchanged, and rebuilt when it changes', async () => {
    const s = await setup();
    const first = await loadDataset(s.ref, s.opts);
    const made = (await stat(join(s.dir, MANIFEST))).mtimeMs;
    const again = await loadDataset(s.ref, s.opts);
    expect(s.notes[0]).toContain('building the dataset cache (no cache yet)');
    expect(s.notes[1]).toContain('using the dataset cache (300 rows)');
    expect((await stat(join(s.dir, MANIFEST))).mtimeMs).toBe(made);
    expect(Array.from(again.train.x.subarray(3 * 7, 3 * 8))).toEqual([7, 14.5, -7]);
    expect(again.train.y).toEqual(first.train.y);
    // Same size, new content: the small file's hash catches it even within the same mtime second.
    await writeFile(join(s.folder, 'train.csv'), table(300, 1).replace(/^a,b,c/, 'a,b,c'));
    const changed = await loadDataset(s.ref, s.opts);
    expect(s.notes[2]).toMatch(/building the dataset cache \(train\.csv changed\)/);
    expect(changed.train.x[0]).toBe(1);
  });

  it('detects a truncated array file or a missing manifest and rebuilds', async () => {
    const s = await setup();
    const whole = await loadDataset(s.ref, s.opts);
    const x = arrayPath(s.dir, 'train', 'x');
    await truncate(x, (await stat(x)).size - 12);
    const rebuilt = await loadDataset(s.ref, s.opts);
    expect(s.notes[1]).toMatch(/train\.x\.npy has \d+ bytes \(truncated or overwritten\)/);
    expect(rebuilt.train.x).toEqual(whole.train.x);
    await appendFile(arrayPath(s.dir, 'train', 'y'), Buffer.alloc(4));
    await loadDataset(s.ref, s.opts);
    expect(s.notes[2]).toMatch(/train\.y\.npy has \d+ bytes/);
    await writeFile(join(s.dir, MANIFEST), '{"version": 1, "nam');
    await loadDataset(s.ref, s.opts);
    expect(s.notes[3]).toContain('manifest is unreadable');
  });

  it('gives a small table bit for bit as the folder does, and the same SOM run', async () => {
    const s = await setup(500);
    const spec = parseSpec({
      kind: 'som',
      dataset: { ...s.ref, trainLimit: 400 },
      seed: 7,
      epochs: 2,
      batchSize: 64,
      som: { rows: 4, cols: 5, sigma: { start: 2, end: 0.5, decay: 'exponential' } },
    });
    const train = async (opts: LoadOptions) => {
      const data = await loadDataset(spec.dataset, { ...opts, seed: spec.seed, stream: true });
      const exp = await buildSomExperiment(spec as never, data);
      for (let step = 0; step < exp.totalSteps; step++) await exp.step(step, Math.floor(step / exp.stepsPerEpoch));
      const out = { x: data.train.x, codebook: await exp.som.getCodebook(), final: await exp.finalMetrics() };
      exp.dispose();
      return out;
    };
    const direct = await train({});
    const cold = await train(s.opts);
    const warm = await train(s.opts);
    expect(s.notes).toEqual([expect.stringContaining('building'), expect.stringContaining('using')]);
    for (const run of [cold, warm]) {
      expect(run.x).toEqual(direct.x);
      expect(run.codebook).toEqual(direct.codebook);
      expect(run.final).toEqual(direct.final);
    }
  });

  it('keeps the cache files inside the project folder', async () => {
    const s = await setup(10);
    await loadDataset(s.ref, s.opts);
    expect(s.dir.startsWith(s.opts.cacheRoot!)).toBe(true);
    expect(JSON.parse(await readFile(join(s.dir, MANIFEST), 'utf8')).sources[0].rel).toBe('train.csv');
  });

  it('states rows, features, cache size and the dataset memory in the preview, streamed or not', async () => {
    const s = await setup(300);
    const small = await previewDataset(s.ref, s.opts);
    // 300 rows × 3 floats, twice (loaded and on the backend); cache: x and labels as float32/int32.
    expect(small.limits).toMatchObject({ rows: 300, features: 3, cacheBytes: 300 * 4 * 4, streamed: false });
    expect(small.limits!.memoryBytes).toBe(2 * 300 * 3 * 4);
    const big = await previewDataset(s.ref, { ...s.opts, streamAbove: 0 });
    expect(big.limits!.streamed).toBe(true);
    expect(big.limits!.memoryWhat).toContain('stream from the dataset cache');
    expect(Array.from(big.samples[1]!.data)).toEqual(Array.from(small.samples[1]!.data));
  });
});
