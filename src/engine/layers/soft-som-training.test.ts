import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../shared/options';
import { SoftSom } from './soft-som';
import { expectClose, grid, type M, rand } from './soft-som.test-helper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SoftSom', () => {
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
