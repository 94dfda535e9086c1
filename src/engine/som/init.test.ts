import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/random';
import { makeGrid } from '../../shared/som-math';
import { initCodebook } from './init';
import { Som } from './som';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const rows = (w: Float32Array, d: number) =>
  Array.from({ length: w.length / d }, (_, j) => Array.from(w.subarray(j * d, (j + 1) * d)));

describe('codebook initialisation', () => {
  // 50 rows, feature 0 in [2, 3), feature 1 in [−5, −4).
  const r = mulberry32(9),
    xs = Float32Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 2 : -5) + r());
  const g = makeGrid(3, 4, 'rect');

  it("random: uniform inside each feature's data range", () => {
    const w = initCodebook('random', xs, 2, g, 1);
    const lo = [Infinity, Infinity],
      hi = [-Infinity, -Infinity];
    for (let i = 0; i < 100; i++) {
      lo[i % 2] = Math.min(lo[i % 2]!, xs[i]!);
      hi[i % 2] = Math.max(hi[i % 2]!, xs[i]!);
    }
    for (const [a, b] of rows(w, 2)) {
      expect(a).toBeGreaterThanOrEqual(lo[0]!);
      expect(a).toBeLessThanOrEqual(hi[0]!);
      expect(b).toBeGreaterThanOrEqual(lo[1]!);
      expect(b).toBeLessThanOrEqual(hi[1]!);
    }
    expect(new Set(rows(w, 2).map(String)).size).toBe(12);
  });

  it('samples: distinct rows of the data', () => {
    const w = initCodebook('samples', xs, 2, g, 1),
      data = new Set(rows(xs, 2).map(String));
    const picked = rows(w, 2).map(String);
    for (const p of picked) expect(data.has(p)).toBe(true);
    expect(new Set(picked).size).toBe(12);
    expect(initCodebook('samples', xs, 2, g, 2)).not.toEqual(w);
  });

  it('pca: a 2-D map lies on the plane of planar data, spread over it', async () => {
    // Points on the plane z = x + y in 3-D.
    const q = mulberry32(3),
      n = 300,
      p = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = q(),
        b = q() * 2;
      p.set([a, b, a + b], i * 3);
    }
    const som = new Som(makeGrid(3, 3, 'rect'), 3);
    const x = tf.tensor2d(p, [n, 3]);
    await som.initFrom(x, 'pca');
    const w = await som.getCodebook();
    for (let j = 0; j < 9; j++) expect(w[j * 3 + 2]).toBeCloseTo(w[j * 3]! + w[j * 3 + 1]!, 3);
    // The grid is centred on the mean, its corners at mean ± s1·v1 ± s2·v2: the two diagonals d± = 2(s1·v1 ± s2·v2)
    // have |d+|² + |d−|² = 8(s1² + s2²) = 8 × the total variance, var(a) + var(b) + var(a + b) = (1 + 4 + 5)/12.
    const c = rows(w, 3),
      mean = [0, 1, 2].map((k) => p.reduce((s, v, i) => (i % 3 === k ? s + v : s), 0) / n);
    for (let k = 0; k < 3; k++) expect(c.reduce((s, v) => s + v[k]!, 0) / 9).toBeCloseTo(mean[k]!, 4);
    const diag2 = (a: number[], b: number[]) => a.reduce((s, v, k) => s + (v - b[k]!) ** 2, 0);
    expect((diag2(c[0]!, c[8]!) + diag2(c[2]!, c[6]!)) / ((8 * 10) / 12)).toBeCloseTo(1, 1);
    som.dispose();
    x.dispose();
  });

  it('pca: a chain lies along the first component, in order', () => {
    // Points (t, 2t, −t) + (1, 1, 1): the first component is (1, 2, −1)/√6.
    const q = mulberry32(4),
      n = 200,
      p = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const t = q() - 0.5;
      p.set([1 + t, 1 + 2 * t, 1 - t], i * 3);
    }
    const w = rows(initCodebook('pca', p, 3, makeGrid(1, 5, 'chain'), 0), 3);
    for (const [a, b, c] of w) {
      expect(b! - 1).toBeCloseTo(2 * (a! - 1), 4);
      expect(c! - 1).toBeCloseTo(-(a! - 1), 4);
    }
    // Centred on the mean and 2 std long: the line's direction (1, 2, −1) has length √6 per unit of t ~ U(−½, ½).
    for (let k = 0; k < 3; k++) expect(w[0]![k]! + w[4]![k]!).toBeCloseTo(2 * w[2]![k]!, 4);
    expect(Math.hypot(...w[4]!.map((v, k) => v - w[0]![k]!)) / (2 * Math.sqrt(6 / 12))).toBeCloseTo(1, 1);
    const t = w.map((v) => v[0]!);
    for (let j = 1; j < 5; j++) expect(Math.sign(t[j]! - t[j - 1]!)).toBe(Math.sign(t[4]! - t[0]!)); // in order
  });

  it('refuses an empty dataset', () => {
    expect(() => initCodebook('random', new Float32Array(0), 2, g, 0)).toThrow(
      'cannot initialise a SOM from an empty dataset',
    );
  });
});
