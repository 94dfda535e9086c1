/** The playground's path: an inline points dataset trains, and the soft SOM's lattice is streamed in the plane. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import type { SpecOf } from '../../shared/spec';
import { loadDataset } from '../data';
import { buildSoftSom } from './soft-som';

/** Three well-apart blobs (centres 0.7 from the origin, 120° apart, spread ±0.15): separable by any net. */
function blobs(n: number, seed: number): { points: [number, number][]; labels: number[] } {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const points: [number, number][] = [],
    labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3,
      a = (k * 2 * Math.PI) / 3;
    points.push([0.7 * Math.cos(a) + 0.15 * r(), 0.7 * Math.sin(a) + 0.15 * r()]);
    labels.push(k);
  }
  return { points, labels };
}

function spec(variant: string, dataset: object): SpecOf<'soft-som'> {
  const s = parseSpec({
    kind: 'soft-som',
    seed: 2,
    dataset,
    epochs: 15,
    batchSize: 32,
    learningRate: 0.02,
    softSom: { variant, hidden: 16, rows: 4, cols: 4, beta: 4 },
  });
  if (s.kind !== 'soft-som') throw new Error('kind');
  return s;
}

async function train(s: SpecOf<'soft-som'>) {
  const data = await loadDataset(s.dataset, { seed: s.seed });
  const exp = await buildSoftSom(s, data);
  const first = await exp.evaluate(); // before any step: chance
  for (let i = 0; i < exp.totalSteps; i++) await exp.step(i, Math.floor(i / exp.stepsPerEpoch));
  const snaps = await exp.snapshots(exp.totalSteps - 1);
  const last = await exp.evaluate();
  exp.dispose();
  return { data, first, last, snaps };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('soft-som on an inline points dataset', () => {
  it('three separable blobs: the training accuracy rises from chance to above 90 %', async () => {
    const r = await train(spec('som-interposed', { source: 'inline', name: 'blobs', classes: 3, ...blobs(192, 7) }));
    expect(r.data.classes).toEqual(['A', 'B', 'C']);
    expect(r.data.warnings).toEqual(['no test points: accuracy is measured on the training points']);
    expect(r.first.trainAccuracy).toBeLessThan(0.7);
    expect(r.last.trainAccuracy).toBeGreaterThan(0.9);
    const b = r.snaps.find((s) => s.layer === 'boundary')!;
    // The predicted class at the plane's pixel nearest each blob centre is that blob's class.
    const pixel = (x: number, y: number) =>
      Math.round(((1.2 - y) / 2.4) * 63) * 64 + Math.round(((x + 1.2) / 2.4) * 63);
    const centres = [0, 1, 2].map(
      (k) => b.classMap![pixel(0.7 * Math.cos((k * 2 * Math.PI) / 3), 0.7 * Math.sin((k * 2 * Math.PI) / 3))],
    );
    expect(centres).toEqual([0, 1, 2]);
  });

  it('with test points the accuracy is the test one', async () => {
    const test = blobs(60, 11);
    const ds = { source: 'inline', classes: 3, ...blobs(192, 7), testPoints: test.points, testLabels: test.labels };
    const r = await train(spec('pure-nn', ds));
    expect(r.data.test?.count).toBe(60);
    expect(r.last.testAccuracy).toBeGreaterThan(0.9);
  });

  it.each(['som-preprocess', 'som-interposed'])(
    '%s: the lattice in the plane: 16 nodes, shares summing to the 64² plane points, inside the plane',
    async (variant) => {
      const r = await train(spec(variant, { source: 'inline', classes: 3, ...blobs(96, 3) }));
      const g = r.snaps.find((s) => s.layer === 'softsom')!;
      expect([g.rows, g.cols, g.shape, g.codebook.length]).toEqual([4, 4, [2], 32]);
      expect(g.hits.reduce((a, b) => a + b, 0)).toBeCloseTo(64 * 64, 0); // each plane point's shares sum to 1
      const placed = Array.from(g.codebook).filter(Number.isFinite);
      expect(placed.length).toBeGreaterThan(0);
      // Kohonen-trained on the blobs (within 0.85 of the origin) / plane centroids (a convex mix of [-1.2, 1.2]²).
      const bound = variant === 'som-preprocess' ? 0.9 : 1.2;
      expect(Math.max(...placed.map(Math.abs))).toBeLessThanOrEqual(bound + 1e-6);
    },
  );

  it('pure NN has no lattice to stream', async () => {
    const r = await train(spec('pure-nn', { source: 'inline', classes: 3, ...blobs(48, 5) }));
    expect(r.snaps.map((s) => s.layer)).toEqual(['boundary']);
  });
});
