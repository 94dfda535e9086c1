import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { SHAPE_SIZE, shapesData } from './shapes.test-helper';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { buildSomAfterFeatures } from './som-after-features';
import { buildSomExperiment } from './som-experiment';

const H = SHAPE_SIZE;
const data = shapesData();

function spec(features: 'none' | 'fc' | 'conv', epochs = 2): SpecOf<'som-after-features'> {
  const s = parseSpec({
    kind: 'som-after-features',
    seed: 2,
    dataset: { source: 'builtin', name: 'mnist' },
    epochs,
    batchSize: 16,
    snapshotEvery: 5,
    features,
    featureSize: 16,
    featureEpochs: 2,
    learningRate: 0.01,
    probeCount: 4,
    som: { rows: 4, cols: 4, sigma: { start: 2, end: 0.5 } },
  });
  if (s.kind !== 'som-after-features') throw new Error('kind');
  return s;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function run(s: SpecOf<'som-after-features'>) {
  const before = tf.memory().numTensors;
  const exp = await buildSomAfterFeatures(s, data);
  const rows: Record<string, number>[] = [];
  for (let i = 0; i < exp.totalSteps; i++) rows.push(await exp.step(i, Math.floor(i / exp.stepsPerEpoch)));
  const evalRow = await exp.evaluate();
  const snaps = await exp.snapshots(exp.totalSteps - 1);
  const m = await exp.finalMetrics();
  exp.dispose();
  return { m, evalRow, rows, snaps, leaked: tf.memory().numTensors - before };
}

/**
 * Tensors a plain SOM run of the same length leaves behind (SomExperiment and Som, not this model: 0 once
 * they free everything). This model must leave no more than that.
 */
async function plainSomLeak(s: SpecOf<'som-after-features'>): Promise<number> {
  const plain = parseSpec({
    kind: 'som',
    seed: s.seed,
    dataset: s.dataset,
    epochs: s.epochs,
    batchSize: s.batchSize,
    som: s.som,
  });
  if (plain.kind !== 'som') throw new Error('kind');
  const before = tf.memory().numTensors;
  const exp = await buildSomExperiment(plain, data);
  for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
  await exp.late.settle(); // the QE reads steps queued hold their tensors until they resolve
  exp.dispose();
  return tf.memory().numTensors - before;
}

describe('som-after-features', () => {
  it.each(['none', 'fc', 'conv'] as const)(
    '%s: trains the SOM on its features and scores the winners; no leaks of its own',
    async (features) => {
      const r = await run(spec(features));
      expect(r.leaked).toBe(await plainSomLeak(spec(features)));
      for (const key of ['qe', 'te', 'purity', 'nmi']) expect(Object.keys(r.m)).toContain(key);
      expect(r.m.qe).toBeGreaterThanOrEqual(0);
      expect(r.m.te).toBeGreaterThanOrEqual(0);
      expect(r.m.te).toBeLessThanOrEqual(1);
      expect(r.m.purity).toBeGreaterThanOrEqual(1 / 3); // at least the largest class's share
      expect(r.m.purity).toBeLessThanOrEqual(1);
      expect(r.m.nmi).toBeGreaterThanOrEqual(0);
      expect(r.m.nmi).toBeLessThanOrEqual(1 + 1e-9);
      expect(r.evalRow.purity).toBe(r.m.purity);
      const som = r.snaps.find((s) => s.layer === 'som')!;
      // The codebook lives in feature space: 64 pixels on raw input, featureSize after FC/conv.
      expect(som.shape).toEqual(features === 'none' ? [H, H, 1] : [16]);
      expect(som.codebook.length).toBe(16 * (features === 'none' ? H * H : 16));
    },
  );

  it('separates three well-distinguished classes on raw pixels and on FC features', async () => {
    for (const f of ['none', 'fc'] as const) {
      const r = await run(spec(f, 3));
      expect(r.m.purity, f).toBeGreaterThan(0.9);
      expect(r.m.nmi, f).toBeGreaterThan(0.6);
    }
  });

  it('conv features need images, and say so', async () => {
    const flat: Dataset = { ...data, name: 'flat', shape: [H * H] };
    await expect(buildSomAfterFeatures(spec('conv'), flat)).rejects.toThrow(/flat/);
  });
});
