import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random';
import { makeGrid } from './grid';
import { neighbourhoodMatrix } from './neighbourhood';
import { decayValue } from './schedule';
import { Som, onlineUpdate } from './som';

beforeAll(async () => { await tf.setBackend('cpu'); });

/** 1×3 chain with codebook 0, 1, 2 on a line: BMUs and errors can be read off directly. */
function lineSom(): Som {
  const som = new Som(makeGrid(1, 3, 'chain'), 1);
  som.setCodebook(new Float32Array([0, 1, 2]));
  return som;
}

function randomData(n: number, d: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n * d }, () => r());
}

describe('Som by hand', () => {
  it('winners, QE and TE of a hand-set chain', async () => {
    const som = lineSom();
    const x = tf.tensor2d([[0.1], [1.4], [2.0]]);
    expect(Array.from(await som.winners(x).data())).toEqual([0, 1, 2]);
    // QE = mean(|0.1−0|, |1.4−1|, |2−2|) = (0.1 + 0.4 + 0)/3; second BMUs 1, 2, 1 are all chain neighbours → TE 0.
    const q = await som.quality(x);
    expect(q.qe).toBeCloseTo(0.5 / 3, 5);
    expect(q.te).toBe(0);
    som.dispose(); x.dispose();
  });

  it('TE counts samples whose two best units are not neighbours', async () => {
    const som = new Som(makeGrid(1, 3, 'chain'), 1);
    som.setCodebook(new Float32Array([0, 5, 1])); // units 0 and 2 are close in data, far on the chain
    const x = tf.tensor2d([[0.4], [5]]); // 0.4: best 0, second 2 (not neighbours); 5: best 1, second 2 (neighbours)
    expect((await som.quality(x)).te).toBe(0.5);
    som.dispose(); x.dispose();
  });

  it('hits, class map and U-matrix by hand', async () => {
    const som = lineSom();
    const x = tf.tensor2d([[0], [0.2], [1.1], [2.2]]);
    expect(Array.from(await som.hits(x))).toEqual([2, 1, 1]);
    expect(Array.from(await som.classMap(x, new Int32Array([1, 1, 0, -1]), 2))).toEqual([1, 0, -1]);
    expect(Array.from(await som.uMatrix())).toEqual([1, 1, 1]);
    expect(Array.from(await som.componentPlane(0))).toEqual([0, 1, 2]);
    som.dispose(); x.dispose();
  });
});

describe('training against naive loops', () => {
  it('batch update equals Σ h x / Σ h computed sample by sample', async () => {
    const g = makeGrid(3, 4, 'hex'), d = 5, n = 40;
    const w0 = randomData(g.n, d, 1), xs = randomData(n, d, 2);
    const som = new Som(g, d);
    som.setCodebook(w0);
    const x = tf.tensor2d(xs, [n, d]);
    const win = Array.from(await som.winners(x).data());
    som.trainBatch(x, 1.3);
    const got = await som.getCodebook();
    const h = neighbourhoodMatrix(g.dist2, Number((1.3).toPrecision(4)), 'gaussian');
    for (let j = 0; j < g.n; j++) {
      const num = new Float64Array(d); let den = 0;
      for (let i = 0; i < n; i++) { const hij = h[win[i]! * g.n + j]!; den += hij; for (let k = 0; k < d; k++) num[k]! += hij * xs[i * d + k]!; }
      for (let k = 0; k < d; k++) expect(got[j * d + k]).toBeCloseTo(num[k]! / den, 4);
    }
    som.dispose(); x.dispose();
  });

  it('online update moves the BMU of a single sample by α·(x − w)', async () => {
    const g = makeGrid(1, 3, 'chain');
    const w = new Float32Array([0, 1, 2]);
    onlineUpdate(w, new Float32Array([0.5]), 1, g, (d2) => (d2 === 0 ? 1 : d2 === 1 ? 0.5 : 0), 0.2);
    // BMU 0 (tie at 0.5 goes to the first): w0 += 0.2·1·0.5; w1 += 0.2·0.5·(0.5 − 1); w2 unchanged.
    expect(w[0]).toBeCloseTo(0.1); expect(w[1]).toBeCloseTo(0.95); expect(w[2]).toBe(2);
  });

  it('same seed, same codebook; another seed, another codebook', async () => {
    const data = tf.tensor2d(randomData(200, 3, 5), [200, 3]);
    const run = async (seed: number) => {
      const som = new Som(makeGrid(4, 4, 'rect'), 3, 'gaussian', seed);
      await som.initFrom(data, 'random');
      for (let i = 0; i < 5; i++) som.trainBatchBlended(data, 2, 0.5);
      const w = await som.getCodebook(); som.dispose(); return Array.from(w);
    };
    expect(await run(1)).toEqual(await run(1));
    expect(await run(1)).not.toEqual(await run(2));
    data.dispose();
  });

  it('holds tf.memory().numTensors flat over 100 steps', async () => {
    const data = tf.tensor2d(randomData(64, 3, 6), [64, 3]);
    const som = new Som(makeGrid(5, 5, 'torus'), 3);
    await som.initFrom(data, 'samples');
    som.trainBatch(data, 2); // first step builds the cached neighbourhood tensor
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) som.trainBatchBlended(data, 2, 0.3);
    await som.quality(data);
    expect(tf.memory().numTensors).toBe(before);
    som.dispose(); data.dispose();
  });

  it('PCA init lies on the plane of planar data', async () => {
    // Points on the plane z = x + y in 3-D.
    const r = mulberry32(3), n = 300, xs = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) { const a = r(), b = r() * 2; xs.set([a, b, a + b], i * 3); }
    const som = new Som(makeGrid(3, 3, 'rect'), 3);
    await som.initFrom(tf.tensor2d(xs, [n, 3]), 'pca');
    const w = await som.getCodebook();
    for (let j = 0; j < 9; j++) expect(w[j * 3 + 2]).toBeCloseTo(w[j * 3]! + w[j * 3 + 1]!, 3);
    expect(new Set(Array.from(w).map((v) => v.toFixed(3))).size).toBeGreaterThan(9);
    som.dispose();
  });

  it('refuses unknown init names and wrong codebook sizes', async () => {
    const som = new Som(makeGrid(2, 2, 'rect'), 2);
    await expect(som.initFrom(tf.zeros([4, 2]), 'kmeans')).rejects.toThrow('unknown initialisation "kmeans": expected one of "random", "samples", "pca"');
    expect(() => som.setCodebook(new Float32Array(3))).toThrow('codebook needs 4×2 values, received 3');
    som.dispose();
  });
});

describe('colours on a 20×20 map', () => {
  it('organises: QE < 0.05 and TE < 0.1', async () => {
    // 16 base colours (corners and edge midpoints of the RGB cube) with ±0.05 jitter, as in seed 004's demo.
    const r = mulberry32(11), n = 1600, xs = new Float32Array(n * 3);
    const bases = Array.from({ length: 16 }, (_, i) => [i & 1, (i >> 1) & 1, (i >> 2) & 1].map((v, k) => (i >= 8 && k === i % 3 ? 0.5 : v)));
    for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) xs[i * 3 + k] = Math.min(1, Math.max(0, bases[i % 16]![k]! + (r() - 0.5) * 0.1));
    const data = tf.tensor2d(xs, [n, 3]);
    const som = new Som(makeGrid(20, 20, 'rect'), 3, 'gaussian', 0);
    await som.initFrom(data, 'random');
    const T = 60;
    for (let t = 0; t < T; t++) som.trainBatch(data, decayValue({ start: 8, end: 0.6, decay: 'exponential' }, t, T - 1));
    const q = await som.quality(data);
    console.log(`colours 20×20, batch SOM, ${T} epochs on ${n} colours: QE ${q.qe.toFixed(4)}, TE ${q.te.toFixed(4)}`);
    expect(q.qe).toBeLessThan(0.05);
    expect(q.te).toBeLessThan(0.1);
    som.dispose(); data.dispose();
  });
});
