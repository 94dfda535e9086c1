import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../shared/options';
import { makeGrid } from '../../shared/som-math';
import { mulberry32 } from '../../shared/random';
import { gridCoords, SoftSom, softSomMap } from './soft-som';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type M = number[][];
const rand = (rows: number, cols: number, seed: number, scale = 1): M => {
  const r = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => scale * r()));
};

/** Float64 reference: softmax over −β‖p − l_v‖ (max subtracted) weighting the grid coordinates. */
function naive(p: number[], L: M, G: M, beta: number): number[] {
  const z = L.map((l) => -beta * Math.sqrt(l.reduce((s, lv, i) => s + (p[i]! - lv) ** 2, 0) + 1e-12));
  const top = Math.max(...z),
    e = z.map((v) => Math.exp(v - top)),
    total = e.reduce((a, b) => a + b, 0);
  return G[0]!.map((_, c) => G.reduce((s, g, v) => s + (e[v]! * g[c]!) / total, 0));
}

/** Central differences of Σ w ⊙ naive(P) with respect to every entry of `which` (P or L), in float64. */
function fdGrad(P: M, L: M, G: M, W: M, beta: number, which: 'p' | 'l', eps = 1e-6): M {
  const f = (P2: M, L2: M): number =>
    P2.reduce((s, p, b) => s + naive(p, L2, G, beta).reduce((t, o, c) => t + o * W[b]![c]!, 0), 0);
  const target = which === 'p' ? P : L;
  return target.map((row, i) =>
    row.map((_, j) => {
      const shift = (d: number): M => target.map((r, a) => r.map((v, q) => (a === i && q === j ? v + d : v)));
      return which === 'p'
        ? (f(shift(eps), L) - f(shift(-eps), L)) / (2 * eps)
        : (f(P, shift(eps)) - f(P, shift(-eps))) / (2 * eps);
    }),
  );
}

function expectClose(got: M, want: M, rel: number): void {
  const scale = Math.max(1e-3, ...want.flat().map(Math.abs));
  got.flat().forEach((g, i) => expect(Math.abs(g - want.flat()[i]!)).toBeLessThan(rel * scale));
}

const grid = makeGrid(2, 3, 'rect');
const G = (): M => Array.from({ length: 6 }, (_, v) => [grid.positions[v * 2]!, grid.positions[v * 2 + 1]!]);

describe('SoftSom', () => {
  it('maps [B, n] to grid space [B, 2] (and [B, 1] on a chain)', () => {
    const x = tf.zeros([4, 3]);
    const a = new SoftSom({ rows: 2, cols: 3, beta: 2 }),
      b = new SoftSom({ rows: 1, cols: 5, topology: 'chain', beta: 2 });
    const [ya, yb] = [a.apply(x) as tf.Tensor, b.apply(x) as tf.Tensor];
    expect([ya.shape, yb.shape]).toEqual([
      [4, 2],
      [4, 1],
    ]);
    expect(a.computeOutputShape([null, 3])).toEqual([null, 2]);
    expect(Array.from(gridCoords(b.grid).data)).toEqual([0, 1, 2, 3, 4]);
    a.dispose();
    b.dispose();
    tf.dispose([x, ya, yb]);
  });

  it('matches the float64 formula on a hand-sized map', () => {
    const P = rand(3, 2, 1),
      L = rand(6, 2, 2);
    const layer = new SoftSom({ rows: 2, cols: 3, beta: 3 });
    const p = tf.tensor2d(P);
    tf.dispose(layer.apply(p) as tf.Tensor);
    const l = tf.tensor2d(L);
    layer.setWeights([l]);
    const y = layer.apply(p) as tf.Tensor2D;
    expectClose(
      y.arraySync(),
      P.map((row) => naive(row, L, G(), 3)),
      1e-5,
    );
    layer.dispose();
    tf.dispose([p, l, y]);
  });

  it("tends to the winner's grid coordinates for large β, without NaN", () => {
    const L = rand(6, 2, 3, 10);
    const y = tf.tidy(() =>
      softSomMap(tf.tensor2d([L[4]!.map((v) => v + 1e-3)]), tf.tensor2d(L), tf.tensor2d(G()), 1e4),
    );
    expect(Array.from(y.dataSync())).toEqual([1, 1]); // node 4 sits at row 1, column 1
    y.dispose();
  });

  it('gradients w.r.t. p and l match central differences of the float64 formula', () => {
    const P = rand(3, 2, 4),
      L = rand(6, 2, 5),
      W = rand(3, 2, 6, 2).map((r) => r.map((v) => v - 1));
    const [gp, gl] = tf.tidy(() => {
      const w = tf.tensor2d(W),
        g = tf.tensor2d(G());
      return tf.grads((p: tf.Tensor, l: tf.Tensor) =>
        tf.sum(tf.mul(softSomMap(p as tf.Tensor2D, l as tf.Tensor2D, g, 2.5), w)),
      )([tf.tensor2d(P), tf.tensor2d(L)]);
    }) as [tf.Tensor2D, tf.Tensor2D];
    expectClose(gp.arraySync(), fdGrad(P, L, G(), W, 2.5, 'p'), 1e-3);
    expectClose(gl.arraySync(), fdGrad(P, L, G(), W, 2.5, 'l'), 1e-3);
    tf.dispose([gp, gl]);
  });

  it('has a finite gradient where p sits exactly on a node', () => {
    const L = rand(6, 2, 7);
    const g = tf.tidy(() =>
      tf.grad((p: tf.Tensor) => tf.sum(softSomMap(p as tf.Tensor2D, tf.tensor2d(L), tf.tensor2d(G()), 4)))(
        tf.tensor2d([L[2]!]),
      ),
    );
    expect(Array.from(g.dataSync()).every(Number.isFinite)).toBe(true);
    g.dispose();
  });

  it('locations are a trainable weight, or fixed, per argument', () => {
    const run = (trainable: boolean): boolean => {
      const layer = new SoftSom({ rows: 2, cols: 2, beta: 2, trainableLocations: trainable });
      const m = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [2] }), layer] });
      expect(layer.trainableWeights.length).toBe(trainable ? 1 : 0);
      expect(layer.nonTrainableWeights.length).toBe(trainable ? 0 : 1);
      const before = layer.getWeights()[0]!.arraySync() as M;
      const x = tf.tensor2d(rand(8, 2, 8)),
        opt = tf.train.sgd(0.5);
      opt
        .minimize(
          () => tf.sum(m.apply(x) as tf.Tensor) as tf.Scalar,
          true,
          m.trainableWeights.map((w) => w.read() as tf.Variable),
        )
        ?.dispose();
      const moved = JSON.stringify(layer.getWeights()[0]!.arraySync()) !== JSON.stringify(before);
      m.dispose();
      x.dispose();
      opt.dispose();
      return moved;
    };
    expect(run(true)).toBe(true);
    expect(run(false)).toBe(false);
  });

  it('trainSom with α = 1 is the batch Kohonen rule hᵀP / Σh', () => {
    const P = rand(5, 2, 9),
      L = rand(6, 2, 10),
      sigma = 0.8;
    const layer = new SoftSom({ rows: 2, cols: 3, beta: 1, trainableLocations: false });
    const p = tf.tensor2d(P),
      l = tf.tensor2d(L);
    tf.dispose(layer.apply(p) as tf.Tensor);
    layer.setWeights([l]);
    layer.trainSom(p, sigma, 1);
    const win = P.map((x) =>
      L.map((w) => (x[0]! - w[0]!) ** 2 + (x[1]! - w[1]!) ** 2).reduce((b, d, j, all) => (d < all[b]! ? j : b), 0),
    );
    const want = L.map((_, j) => {
      const h = win.map((c) => Math.exp(-grid.dist2[c * 6 + j]! / (2 * sigma * sigma)));
      const s = h.reduce((a, b) => a + b, 0);
      return [0, 1].map((q) => h.reduce((a, hi, i) => a + hi * P[i]![q]!, 0) / s);
    });
    expectClose(layer.getWeights()[0]!.arraySync() as M, want, 1e-5);
    layer.dispose();
    tf.dispose([p, l]);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new SoftSom({ rows: 2, cols: 2, beta: 0 })).toThrow(
      'SoftSom: beta must be a finite number > 0, received 0',
    );
    expect(() => new SoftSom({ rows: 0, cols: 2, beta: 1 })).toThrow(
      'SoftSom: rows must be an integer ≥ 1, received 0',
    );
    expect(() => new SoftSom({ rows: 2, cols: 2, beta: 1, topology: 'chain' })).toThrow(
      'SoftSom: a chain is one-dimensional: rows must be 1, received 2',
    );
    expect(() => new SoftSom({ rows: 2, cols: 2, beta: 1, topology: 'cube' as Topology })).toThrow(
      /SoftSom: unknown topology "cube": expected one of "rect"/,
    );
    const x = tf.zeros([1, 2, 2]);
    expect(() => new SoftSom({ rows: 2, cols: 2, beta: 1 }).apply(x)).toThrow(
      'SoftSom needs inputs [batch, features] with a known feature count, received shape [1, 2, 2]',
    );
    const layer = new SoftSom({ rows: 2, cols: 2, beta: 1 });
    const p = tf.zeros([1, 2]);
    tf.dispose(layer.apply(p) as tf.Tensor);
    expect(() => layer.trainSom(p, 0, 0.5)).toThrow(
      'SoftSom.trainSom: sigmaOrg must be a finite number > 0, received 0',
    );
    expect(() => layer.trainSom(p, 1, 2)).toThrow('SoftSom.trainSom: alpha must be in (0, 1], received 2');
    expect(() => layer.trainSom(x, 1, 0.5)).toThrow('SoftSom.trainSom: p must be [batch, 2], received [1, 2, 2]');
    layer.dispose();
    tf.dispose([x, p]);
  });

  it('getConfig → fromConfig, and a model round trip through JSON and weights', async () => {
    const layer = new SoftSom({ rows: 1, cols: 4, topology: 'ring', beta: 5, trainableLocations: false, seed: 3 });
    const back = SoftSom.fromConfig(SoftSom, JSON.parse(JSON.stringify(layer.getConfig())));
    expect(back.getConfig()).toEqual(layer.getConfig());
    const m = tfl.sequential({ layers: [new SoftSom({ rows: 2, cols: 3, beta: 2, inputShape: [2], seed: 4 })] });
    const m2 = await tfl.models.modelFromJSON(JSON.parse(JSON.stringify(m.toJSON(undefined, false))));
    m2.setWeights(m.getWeights());
    const x = tf.tensor2d(rand(3, 2, 11));
    const [a, b] = [m.predict(x) as tf.Tensor, m2.predict(x) as tf.Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    m.dispose();
    m2.dispose();
    tf.dispose([x, a, b]);
  });

  it('does not leak over forward passes, training steps and Kohonen steps', () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 3, inputShape: [2] }),
        new SoftSom({ rows: 3, cols: 3, beta: 2 }),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    const som = m.layers[1] as SoftSom;
    const x = tf.tensor2d(rand(16, 2, 12)),
      y = tf.oneHot(
        tf.tensor1d(
          Array.from({ length: 16 }, (_, i) => i % 2),
          'int32',
        ),
        2,
      );
    const opt = tf.train.adam(0.01);
    const hidden = tf.tidy(() => m.layers[0]!.apply(x) as tf.Tensor2D);
    const step = (): void => {
      opt
        .minimize(
          () => tf.losses.softmaxCrossEntropy(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
          true,
        )
        ?.dispose();
      som.trainSom(hidden, 1, 0.3);
      tf.dispose(m.predict(x) as tf.Tensor);
    };
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
    opt.dispose();
    tf.dispose([x, y, hidden]);
  });
});
