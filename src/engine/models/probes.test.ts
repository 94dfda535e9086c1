import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import type { Dataset } from '../data/types';
import { balancedProbeIndices } from './probes';
import { buildSomExperiment } from './som-experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const counts = (labels: ArrayLike<number>): Record<number, number> => {
  const c: Record<number, number> = {};
  for (const k of Array.from(labels)) c[k] = (c[k] ?? 0) + 1;
  return c;
};

/** 150 samples of class 0 first (as a sorted folder listing gives them), then 25 of class 1 and 25 of class 2. */
function unbalanced(): Dataset {
  const n = 200;
  const y = Int32Array.from({ length: n }, (_, i) => (i < 150 ? 0 : i < 175 ? 1 : 2));
  const x = Float32Array.from({ length: n * 3 }, (_, j) => (y[Math.floor(j / 3)]! + ((j * 7) % 10) / 10) / 3);
  return {
    name: 'sorted',
    format: 'csv',
    source: '/data/sorted',
    shape: [3],
    classes: ['cat', 'dog', 'owl'],
    train: { x, y, count: n },
    warnings: [],
  };
}

describe('balancedProbeIndices', () => {
  it('takes the same number from each class, spread over the class, in index order', () => {
    const labels = unbalanced().train.y;
    const idx = balancedProbeIndices(labels, 32);
    expect(counts(Array.from(idx, (i) => labels[i]!))).toEqual({ 0: 10, 1: 10, 2: 10 });
    expect([...idx]).toEqual([...idx].sort((a, b) => a - b));
    // Class 0's ten are spread over its 150 samples (7, 22, …, 142), not its first ten.
    expect([...idx].filter((i) => labels[i] === 0)).toEqual([7, 22, 37, 52, 67, 82, 97, 112, 127, 142]);
  });

  it('is limited by the smallest class, and spreads one a class when there are more classes than probes', () => {
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 2, 2, 2]);
    expect(counts(Array.from(balancedProbeIndices(labels, 9), (i) => labels[i]!))).toEqual({ 0: 1, 1: 1, 2: 1 });
    const many = Int32Array.from({ length: 100 }, (_, i) => i % 50);
    const four = balancedProbeIndices(many, 4);
    expect(Array.from(four, (i) => many[i])).toEqual([6, 18, 31, 43]);
  });

  it('spreads probes over unlabelled data and returns none for an empty split', () => {
    expect([...balancedProbeIndices(new Int32Array(10).fill(-1), 2)]).toEqual([2, 7]);
    expect(balancedProbeIndices(new Int32Array(0), 5)).toHaveLength(0);
  });
});

describe('SOM experiment probes', () => {
  it('traces every class of a dataset whose first files are one class, the same number each', async () => {
    const spec = parseSpec({
      ...findPreset('seed004-colors').spec,
      epochs: 1,
      batchSize: 50,
      probeCount: 30,
      som: { rows: 4, cols: 4, sigma: { start: 2, end: 0.5 } },
    }) as SpecOf<'som'>;
    const exp = await buildSomExperiment(spec, unbalanced());
    await exp.step(0, 0);
    const [trace] = await exp.winners(0);
    expect(counts(trace!.labels!)).toEqual({ 0: 10, 1: 10, 2: 10 });
    expect(trace!.winners).toHaveLength(30);
    exp.dispose();
  });
});
