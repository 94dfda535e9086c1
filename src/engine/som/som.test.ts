import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Neighbourhood, SomInit } from '../../shared/options';
import { makeGrid } from '../../shared/som-math';
import { NeighbourhoodCache } from './neighbourhood-cache';
import { Som, somFromConfig } from './som';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 1×3 chain with codebook 0, 1, 2 on a line: BMUs and errors can be read off directly. */
function lineSom(): Som {
  const som = new Som(makeGrid(1, 3, 'chain'), 1);
  som.setCodebook(new Float32Array([0, 1, 2]));
  return som;
}

/**
 * 2×2 rect map, a twisted 2-D codebook: unit 0 (grid 0,0) = (0,0), unit 1 (0,1) = (1,1), unit 2 (1,0) = (0,1),
 * unit 3 (1,1) = (1,0). Lattice neighbours are 0–1, 0–2, 1–3, 2–3; 0–3 and 1–2 are diagonals.
 */
function twistedSom(): Som {
  const som = new Som(makeGrid(2, 2, 'rect'), 2);
  som.setCodebook(new Float32Array([0, 0, 1, 1, 0, 1, 1, 0]));
  return som;
}

describe('Som by hand', () => {
  it('winners, QE and TE of a hand-set chain', async () => {
    const som = lineSom();
    const x = tf.tensor2d([[0.1], [1.4], [2.0]]);
    const win = som.winners(x);
    expect(win.dtype).toBe('int32');
    expect(Array.from(await win.data())).toEqual([0, 1, 2]);
    // QE = mean(|0.1−0|, |1.4−1|, |2−2|) = (0.1 + 0.4 + 0)/3; second BMUs 1, 2, 1 are all chain neighbours → TE 0.
    const q = await som.quality(x);
    expect(q.qe).toBeCloseTo(0.5 / 3, 5);
    expect(q.te).toBe(0);
    som.dispose();
    tf.dispose([x, win]);
  });

  it('TE counts samples whose two best units are not neighbours', async () => {
    const som = new Som(makeGrid(1, 3, 'chain'), 1);
    som.setCodebook(new Float32Array([0, 5, 1])); // units 0 and 2 are close in data, far on the chain
    const x = tf.tensor2d([[0.4], [5]]); // 0.4: best 0, second 2 (not neighbours); 5: best 1, second 2 (neighbours)
    expect((await som.quality(x)).te).toBe(0.5);
    som.dispose();
    x.dispose();
  });

  it('2×2 map, 2-D codebook: BMUs, QE, U-matrix; diagonal runners-up are neighbours', async () => {
    const som = twistedSom();
    // Squared distances to units 0..3:
    //   (0.1, 0.2): 0.05, 1.45, 0.65, 0.85 → best 0, second 2 (side by side)
    //   (0.9, 0.2): 0.85, 0.65, 1.45, 0.05 → best 3, second 1 (side by side)
    //   (0.3, 0.1): 0.10, 1.30, 0.90, 0.50 → best 0, second 3 (diagonal)
    //   (0.8, 0.9): 1.45, 0.05, 0.65, 0.85 → best 1, second 2 (diagonal)
    // QE = (3·√0.05 + √0.1) / 4 = 0.246762. On a rect lattice diagonals count as neighbours (MiniSom's rule):
    // TE = 0 (with the 4-neighbourhood the last two would be errors, TE = ½).
    const x = tf.tensor2d([
      [0.1, 0.2],
      [0.9, 0.2],
      [0.3, 0.1],
      [0.8, 0.9],
    ]);
    expect(Array.from(await som.winnersOf(x))).toEqual([0, 3, 0, 1]);
    expect(await som.quantizationError(x)).toBeCloseTo(0.246762, 5);
    expect(await som.topographicError(x)).toBe(0);
    const dist = som.distances(x),
      d = await dist.data();
    dist.dispose();
    expect(Array.from(d.subarray(8, 12))).toEqual([0.1, 1.3, 0.9, 0.5].map((v) => expect.closeTo(v, 5)));
    // Each unit touches the other three: two at codebook distance 1, one at √2 → (2 + √2) / 3.
    for (const u of await som.uMatrix()) expect(u).toBeCloseTo((2 + Math.SQRT2) / 3, 5);
    expect(Array.from(await som.componentPlane(1))).toEqual([0, 1, 1, 0]);
    som.dispose();
    x.dispose();
  });

  it('2×3 map: a runner-up two columns away is a TE error, a diagonal one is not', async () => {
    // Units 0 (0,0) 1 (0,1) 2 (0,2) / 3 (1,0) 4 (1,1) 5 (1,2), codebook (x, y) = (col, row) except unit 0 pulled
    // to (0.6, 0.6) and unit 2 folded back to (−1, 0).
    const som = new Som(makeGrid(2, 3, 'rect'), 2);
    som.setCodebook(new Float32Array([0.6, 0.6, 1, 0, -1, 0, 0, 1, 1, 1, 2, 1]));
    // (−0.4, 0):   unit 2 0.36, unit 3 1.16, unit 0 1.36 → best 2, second 3: grid d² = 1 + 4 → error.
    // (0.85, 0.85): unit 4 0.045, unit 0 0.125, units 1, 3 0.745 → best 4, second 0: diagonal → fine.
    const x = tf.tensor2d([
      [-0.4, 0],
      [0.85, 0.85],
    ]);
    expect(Array.from(await som.winnersOf(x))).toEqual([2, 4]);
    const q = await som.quality(x);
    expect(q.qe).toBeCloseTo((0.6 + Math.sqrt(0.045)) / 2, 5);
    expect(q.te).toBe(0.5);
    som.dispose();
    x.dispose();
  });

  it('hits, class map and U-matrix by hand', async () => {
    const som = lineSom();
    const x = tf.tensor2d([[0], [0.2], [1.1], [2.2]]);
    expect(Array.from(await som.hits(x))).toEqual([2, 1, 1]);
    // Unit 0 wins labels 1 and 1, unit 1 wins 0, unit 2 wins an unlabelled (-1) sample → -1.
    expect(Array.from(await som.classMap(x, new Int32Array([1, 1, 0, -1]), 2))).toEqual([1, 0, -1]);
    expect(Array.from(await som.uMatrix())).toEqual([1, 1, 1]);
    expect(Array.from(await som.componentPlane(0))).toEqual([0, 1, 2]);
    await expect(som.componentPlane(1)).rejects.toThrow('component 1 is out of range 0..0');
    som.dispose();
    x.dispose();
  });

  it('somFromConfig builds the grid, neighbourhood and size of a SomConfig', () => {
    const som = somFromConfig({ rows: 1, cols: 7, topology: 'ring', neighbourhood: 'bubble' }, 5, 3);
    expect([som.grid.n, som.grid.topology, som.neighbourhood, som.codebook.shape]).toEqual([
      7,
      'ring',
      'bubble',
      [7, 5],
    ]);
    som.dispose();
  });

  it('takes closed option types, and refuses wrong codebook sizes, wrong inputs and a negative α', async () => {
    const som = new Som(makeGrid(2, 2, 'rect'), 2);
    const z = tf.zeros([4, 2]) as tf.Tensor2D,
      z3 = tf.zeros([4, 3]) as tf.Tensor2D;
    // Initialisations and neighbourhoods are closed tables: another name does not compile.
    expectTypeOf(som.initFrom).parameter(1).toEqualTypeOf<SomInit>();
    expectTypeOf(som.neighbourhood).toEqualTypeOf<Neighbourhood>();
    expect(() => som.setCodebook(new Float32Array(3))).toThrow('codebook needs 4×2 values, received 3');
    expect(() => som.trainBatch(z3, 1)).toThrow('Som.trainBatch: x must be [batch, 2], received [4, 3]');
    expect(() => som.trainBatchBlended(z, 1, -0.1)).toThrow('SOM batch blend α must be a number ≥ 0, received -0.1');
    expect(() => som.trainBatchBlended(z, 1, NaN)).toThrow('SOM batch blend α must be a number ≥ 0, received NaN');
    som.dispose();
    tf.dispose([z, z3]);
  });
});

describe('neighbourhood cache', () => {
  it('builds the matrix once per σ (to 4 significant digits) and frees the old one', () => {
    const g = makeGrid(1, 3, 'chain');
    const cache = new NeighbourhoodCache(g.dist2, g.n, 'gaussian');
    const a = cache.get(2),
      b = cache.get(2.00001);
    expect(b).toBe(a);
    const n = tf.memory().numTensors;
    const c = cache.get(1);
    expect(c).not.toBe(a);
    expect(a.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(n);
    expect(Array.from(c.dataSync())[1]).toBeCloseTo(Math.exp(-0.5));
    cache.dispose();
    expect(tf.memory().numTensors).toBe(n - 1);
  });
});
