import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import type { Dataset } from '../data/types';
import { mulberry32 } from '../../shared/random';
import { buildKwtaMlp, tripletLoss } from './kwta-mlp';

const D = 16,
  N = 32,
  K = 4; // sparsity 0.1 of 32 units → k = 4

/** Two blobs in 16-D at ±gap per coordinate with uniform noise of width 1. */
function blobs(n: number, seed: number, gap = 0.5): Dataset['train'] {
  const r = mulberry32(seed);
  const x = new Float32Array(n * D),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let j = 0; j < D; j++) x[i * D + j] = (y[i] ? 1 : -1) * gap + (r() - 0.5);
  }
  return { x, y, count: n };
}

const data: Dataset = {
  name: 'blobs',
  format: 'builtin',
  source: 'test',
  shape: [D],
  classes: ['a', 'b'],
  train: blobs(64, 1),
  test: blobs(32, 2),
  warnings: [],
};

function spec(loss: 'triplet' | 'softmax', epochs: number, synapticScaling = false): SpecOf<'kwta-mlp'> {
  const s = parseSpec({
    kind: 'kwta-mlp',
    seed: 3,
    dataset: { source: 'builtin', name: 'spirals' },
    epochs,
    batchSize: 16,
    learningRate: 0.01,
    kwta: { hidden: 8, codeSize: N, sparsity: 0.1, loss, margin: 1, synapticScaling },
  });
  if (s.kind !== 'kwta-mlp') throw new Error('kind');
  return s;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function run(s: SpecOf<'kwta-mlp'>) {
  const before = tf.memory().numTensors;
  const exp = await buildKwtaMlp(s, data);
  const evals: Record<string, number>[] = [];
  for (let i = 0; i < exp.totalSteps; i++) {
    await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
    if ((i + 1) % exp.stepsPerEpoch === 0) evals.push(await exp.evaluate());
  }
  const snaps = await exp.snapshots(exp.totalSteps - 1);
  const m = await exp.finalMetrics();
  const files = await exp.save();
  exp.dispose();
  return { m, evals, snaps, files, leaked: tf.memory().numTensors - before };
}

describe('tripletLoss', () => {
  // 1-D codes a = 0, p = 1 (class 0), n = 0.5 (class 1); squared distances d(a,p) = 1, d(·,n) = 0.25.
  const codes = () => tf.tensor2d([[0], [1], [0.5]]),
    y = () => tf.tensor1d([0, 0, 1], 'int32');
  it('margin 0: pairs (a,n), (p,n) violate by 1 − 0.25 each; n has no positive → 1.5 / (2 + 1)', () => {
    const l = tf.tidy(() => tripletLoss(0)(codes(), y(), 2).dataSync()[0]);
    expect(l).toBeCloseTo(0.5, 5);
  });
  it('zero when every negative is farther than the positives by the margin', () => {
    const l = tf.tidy(() => tripletLoss(0.5)(tf.tensor2d([[0], [0.1], [5]]), y(), 2).dataSync()[0]);
    expect(l).toBe(0);
  });
});

describe('kwta-mlp', () => {
  it('triplet: exact-k eval codes, code statistics, the sdr panel and sdr.json; no leaks', async () => {
    const r = await run(spec('triplet', 2, true));
    expect(r.leaked).toBe(0);
    expect(r.evals).toHaveLength(2);
    for (const e of r.evals) {
      expect(e.sparsity).toBeCloseTo(K / N, 6); // hard codes have exactly k ones
      expect(e.ixt).toBeGreaterThanOrEqual(e.ity - 1e-9);
      expect(e.ity).toBeGreaterThanOrEqual(0);
      expect(e.ity).toBeLessThanOrEqual(1 + 1e-9); // ≤ H(Y) = 1 bit
      expect(e.ixt).toBeLessThanOrEqual(Math.log2(20) + 1e-9); // ≤ log2(bins)
    }
    expect(r.m.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(r.m.testAccuracy).toBeLessThanOrEqual(1);
    expect(r.m.firingEntropy).toBeGreaterThan(0);
    expect(r.m.firingEntropy).toBeLessThanOrEqual(Math.log2(N) + 1e-9);
    expect(r.m.deadUnits).toBeGreaterThanOrEqual(0);
    expect(r.m.deadUnits + K).toBeLessThanOrEqual(N);
    expect(r.m.meanClassOverlap).toBeGreaterThanOrEqual(0);
    expect(r.m.meanClassOverlap).toBeLessThanOrEqual(K);
    const sdr = r.snaps.find((s) => s.layer === 'sdr')!;
    expect([sdr.rows, sdr.cols, sdr.codebook.length]).toEqual([2, N, 2 * N]);
    // The code's health on its 4 × 8 grid: exactly k winners per sample, so the rates sum to k, per class too.
    const code = r.snaps.find((s) => s.layer === 'code')!;
    expect([code.rows, code.cols, code.codeLayout]).toEqual([4, 8, true]);
    expect([...code.firing!].reduce((a, b) => a + b, 0)).toBeCloseTo(K, 4);
    expect([...code.hits].reduce((a, b) => a + b, 0)).toBe(K * 32); // 32 test samples
    for (let c = 0; c < 2; c++)
      expect([...code.firingByClass!].filter((_, i) => i % 2 === c).reduce((a, b) => a + b, 0)).toBeCloseTo(K, 4);
    const file = r.files.find((f) => f.name === 'sdr.json')!;
    const json = JSON.parse(file.data as string) as { meanSdr: number[][]; overlap: number[][] };
    expect(json.meanSdr).toHaveLength(2);
    // Each class's mean code sums to k; the overlap diagonal is each class's own k units.
    for (const row of json.meanSdr) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(K, 2);
    expect([json.overlap[0]![0], json.overlap[1]![1]]).toEqual([K, K]);
    expect(r.files.map((f) => f.name)).toContain('model.json');
  });

  // Blobs this close are not separated by the untrained net's codes (~70–80 %): training must do it.
  const hard: Dataset = { ...data, train: blobs(128, 1, 0.12), test: blobs(64, 2, 0.12) };
  async function learn(loss: 'triplet' | 'softmax') {
    const exp = await buildKwtaMlp(spec(loss, 8), hard);
    const before = (await exp.evaluate()).testAccuracy!;
    for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
    const m = await exp.evaluate();
    exp.dispose();
    return { before, after: m.testAccuracy!, m };
  }

  it('softmax: the same net with a softmax head separates two close blobs and reports its ReLU code', async () => {
    const r = await learn('softmax');
    expect(r.after).toBeGreaterThan(0.95);
    expect(r.after).toBeGreaterThan(r.before + 0.1);
    expect(r.m.sparsity).toBeGreaterThan(0);
    expect(r.m.sparsity).toBeLessThan(1);
  });

  it('triplet: codes learn to separate two close blobs by the nearest class-mean code', async () => {
    const r = await learn('triplet');
    expect(r.after).toBeGreaterThan(0.9);
    expect(r.after).toBeGreaterThan(r.before + 0.1);
  });

  it('softmax run streams the sdr panel of its ReLU code and leaks nothing', async () => {
    const r = await run(spec('softmax', 1));
    expect(r.leaked).toBe(0);
    expect(r.snaps.map((s) => [s.layer, s.rows, s.cols])).toEqual([
      ['code', 4, 8],
      ['sdr', 2, N],
    ]);
    expect(r.files.map((f) => f.name).sort()).toEqual(['model.json', 'sdr.json', 'weights.bin']);
  });
});
