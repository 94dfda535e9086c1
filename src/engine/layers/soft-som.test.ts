import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { gridCoords, SoftSom, softSomMap } from './soft-som';
import { expectClose, G, type M, rand } from './soft-som.test-helper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

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
});
