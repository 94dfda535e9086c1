import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHAPE_SIZE, shapesData } from './shapes.test-helper';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { Som } from '../som';
import { makeGrid } from '../../shared/som-math';
import { buildStackedSom, winnerCoordinates } from './stacked-som';

const H = SHAPE_SIZE;
const data = shapesData();

function spec(): SpecOf<'stacked-som'> {
  const s = parseSpec({
    kind: 'stacked-som',
    seed: 4,
    dataset: { source: 'builtin', name: 'mnist' },
    epochs: 2,
    batchSize: 16,
    stacked: {
      patch: 4,
      stride: 4,
      layer1: { rows: 3, cols: 3 },
      layer2: { rows: 3, cols: 3 },
      sigma: { start: 1.5, end: 0.5 },
    },
  });
  if (s.kind !== 'stacked-som') throw new Error('kind');
  return s;
}

/** Tensors a bare Som leaves after dispose (the Som core's, not this model's: 0 once it frees everything). */
function somLeak(): number {
  const before = tf.memory().numTensors;
  new Som(makeGrid(2, 2, 'rect'), 3, 'gaussian', 0).dispose();
  return tf.memory().numTensors - before;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('winnerCoordinates', () => {
  it('row and column of each winner scaled to [0, 1], by hand on a 3×4 grid', () => {
    // 0 → (0, 0); 6 → row 1, col 2 → (1/2, 2/3); 11 → (1, 1).
    const c = winnerCoordinates([0, 6, 11], 3, 4);
    expect(Array.from(c)).toEqual([0, 0, 0.5, Math.fround(2 / 3), 1, 1]);
  });
  it('a 1-row grid puts every winner on row 0', () => {
    expect(Array.from(winnerCoordinates([0, 2], 1, 3))).toEqual([0, 0, 0, 1]);
  });
});

describe('stacked-som', () => {
  it('trains layer 1 on patches, then layer 2 on winner-coordinate images; views, metrics, no leaks', async () => {
    const before = tf.memory().numTensors;
    const exp = await buildStackedSom(spec(), data);
    // 96 images × 2×2 patches = 384 patches → 24 steps per epoch; layer 2: 96 images → 6 steps per epoch.
    expect(exp.totalSteps).toBe(2 * 24 + 2 * 6);
    for (let i = 0; i < 48; i++) await exp.step(i);
    expect(await exp.evaluate()).toEqual({}); // layer 2 not trained yet
    const early = await exp.snapshots(47);
    expect(early.map((s) => [s.layer, s.shape])).toEqual([['layer1', [4, 4, 1]]]);
    for (let i = 48; i < exp.totalSteps; i++) await exp.step(i);
    const snaps = await exp.snapshots(exp.totalSteps - 1);
    expect(snaps.map((s) => [s.layer, s.rows, s.cols, s.shape])).toEqual([
      ['layer1', 3, 3, [4, 4, 1]],
      ['layer2', 3, 3, [2, 4, 1]],
    ]);
    // Layer 2 lives in coordinate space: means of winner coordinates scaled to [0, 1].
    expect(snaps[1]!.codebook.every((v) => v >= -1e-6 && v <= 1 + 1e-6)).toBe(true);
    const m = await exp.finalMetrics();
    expect(m.purity).toBeGreaterThanOrEqual(1 / 3);
    expect(m.purity).toBeLessThanOrEqual(1);
    expect(m.nmi).toBeGreaterThanOrEqual(0);
    expect(m.nmi).toBeLessThanOrEqual(1 + 1e-9);
    expect(m.qe).toBeGreaterThanOrEqual(0);
    expect(m.te).toBeGreaterThanOrEqual(0);
    expect(m.te).toBeLessThanOrEqual(1);
    exp.dispose();
    expect(tf.memory().numTensors - before).toBe(2 * somLeak());
  });

  it('needs images, and says so', async () => {
    await expect(buildStackedSom(spec(), { ...data, name: 'flat', shape: [H * H] })).rejects.toThrow(/flat/);
  });
});
