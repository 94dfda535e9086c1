import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { SOFT_SOM_VARIANTS } from '../../shared/spec-nets';
import { loadSpirals } from '../data/builtin/spirals';
import type { Dataset, Split } from '../data/types';
import { buildSoftSom } from './soft-som';

const head = (s: Split, n: number): Split => ({ x: s.x.slice(0, n * 2), y: s.y.slice(0, n), count: n });
const full = loadSpirals();
const tiny: Dataset = { ...full, train: head(full.train, 64), test: head(full.test!, 32) };

function spec(variant: (typeof SOFT_SOM_VARIANTS)[number], epochs: number, extra: object = {}): SpecOf<'soft-som'> {
  const s = parseSpec({
    kind: 'soft-som',
    seed: 1,
    dataset: { source: 'builtin', name: 'spirals' },
    epochs,
    batchSize: 32,
    learningRate: 0.01,
    softSom: { variant, hidden: 16, rows: 4, cols: 4, beta: 4 },
    ...extra,
  });
  if (s.kind !== 'soft-som') throw new Error('kind');
  return s;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function run(s: SpecOf<'soft-som'>, data: Dataset) {
  const before = tf.memory().numTensors;
  const exp = await buildSoftSom(s, data);
  for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
  const snaps = await exp.snapshots(exp.totalSteps - 1);
  const m = await exp.finalMetrics();
  const files = await exp.save();
  exp.dispose();
  return { m, snaps, files, leaked: tf.memory().numTensors - before };
}

describe('soft-som', () => {
  it.each(SOFT_SOM_VARIANTS)('%s: runs, streams and saves the 64×64 boundary, leaks nothing', async (variant) => {
    const r = await run(spec(variant, 2), tiny);
    expect(r.leaked).toBe(0);
    expect(r.m.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(r.m.testAccuracy).toBeLessThanOrEqual(1);
    expect(Number.isFinite(r.m.trainLoss)).toBe(true);
    const b = r.snaps.find((s) => s.layer === 'boundary')!;
    expect([b.rows, b.cols, b.codebook.length, b.shape]).toEqual([64, 64, 4096, [1]]);
    expect(b.codebook.every((p) => p >= 0 && p <= 1)).toBe(true);
    // Two classes: the predicted class is P(class 1) > ½, its probability max(p, 1 − p).
    b.codebook.forEach((p, i) => {
      if (Math.abs(p - 0.5) > 1e-6) expect(b.classMap![i]).toBe(p > 0.5 ? 1 : 0);
      expect(b.hits[i]).toBeCloseTo(Math.max(p, 1 - p), 5);
    });
    expect(r.snaps.map((s) => s.layer)).toEqual(variant === 'pure-nn' ? ['boundary'] : ['boundary', 'softsom']);
    const file = JSON.parse(r.files.find((f) => f.name === 'boundary.json')!.data as string) as {
      rows: number;
      classOneProbability: number[];
    };
    expect(file.rows).toBe(64);
    expect(file.classOneProbability).toHaveLength(4096);
    expect(file.classOneProbability[100]).toBeCloseTo(b.codebook[100]!, 3);
    expect(r.files.map((f) => f.name)).toContain('model.json');
  });

  it('rejects a dataset that is not 2-D, naming the feature count', async () => {
    const bad: Dataset = {
      ...tiny,
      name: 'cube',
      shape: [3],
      train: { x: new Float32Array(12), y: new Int32Array([0, 1, 0, 1]), count: 4 },
    };
    await expect(buildSoftSom(spec('pure-nn', 1), bad)).rejects.toThrow(/2-D inputs.*cube has 3 features/);
  });

  it('pure NN beats chance on the spiral within a few hundred steps', async () => {
    const data: Dataset = { ...full, train: head(full.train, 512), test: head(full.test!, 256) };
    const r = await run(spec('pure-nn', 20, { learningRate: 0.02 }), data);
    expect(r.m.testAccuracy).toBeGreaterThan(0.7);
  });
});
