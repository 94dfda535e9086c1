import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { Csom } from './csom';
import { SomMaskConv } from './som-mask-conv';
import { tensorsAcrossSteps } from './train-steps.test-helper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const img = (seed: number) =>
  tf.tensor4d(
    Float32Array.from({ length: 2 * 4 * 4 }, (_, i) => ((i * 7 + seed) % 5) / 4),
    [2, 4, 4, 1],
  );

describe('SomMaskConv', () => {
  it('scales whole channels by the mask of the whole image', () => {
    const layer = new SomMaskConv({ rows: 1, cols: 3, topology: 'chain', kernelSize: 3, sigmaFwd: 1 });
    const x = img(1);
    const y = layer.apply(x, { training: false }) as tf.Tensor;
    expect(y.shape).toEqual([2, 4, 4, 3]);
    // Reference: the plain conv (σ = ∞ layer sharing the weights) times the mask row of each image's winner.
    const plain = new SomMaskConv({ rows: 1, cols: 3, topology: 'chain', kernelSize: 3, sigmaFwd: 'inf' });
    plain.apply(x);
    plain.setWeights(layer.getWeights());
    const z = tf.add(tf.conv2d(x, layer.getWeights()[0] as tf.Tensor4D, 1, 'same'), layer.getWeights()[1]!);
    const win = Array.from(layer.somGate.som.winners(tf.reshape(x, [2, 16])).dataSync());
    const zv = z.arraySync() as number[][][][],
      yv = y.arraySync() as number[][][][];
    for (let b = 0; b < 2; b++)
      for (let c = 0; c < 3; c++) {
        const m = Math.exp(-((c - win[b]!) ** 2) / 2);
        expect(yv[b]![2]![1]![c]).toBeCloseTo(Math.max(0, m * zv[b]![2]![1]![c]!), 5);
      }
  });

  it('round-trips config, refuses non-images, no leaks', () => {
    const layer = new SomMaskConv({ rows: 2, cols: 2, kernelSize: 3, sigmaFwd: 2 });
    expect((SomMaskConv.fromConfig(SomMaskConv, layer.getConfig()) as SomMaskConv).getConfig()).toEqual(
      layer.getConfig(),
    );
    expect(() => new SomMaskConv({ rows: 2, cols: 2 }).apply(tfl.input({ shape: [5] }))).toThrow(
      /expects images \[batch, h, w, c\], received a shape of rank 2/,
    );
    const { before, after } = tensorsAcrossSteps(layer, img(2), 5);
    expect(after).toBe(before);
  });
});

describe('Csom', () => {
  it('masks per position: each pixel uses the winner of its own patch', () => {
    const layer = new Csom({ rows: 1, cols: 2, topology: 'chain', kernelSize: 1, sigmaFwd: 0.5 });
    const x = img(3);
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 4, 4, 2]);
    // k = 1: the patch is the pixel itself; its winner is the nearer codebook value.
    const cb = layer.getWeights()[2]!.dataSync();
    const [w, b] = [layer.getWeights()[0]!.dataSync(), layer.getWeights()[1]!.dataSync()];
    const xv = x.dataSync(),
      yv = y.dataSync();
    for (let p = 0; p < 32; p++) {
      const win = Math.abs(xv[p]! - cb[0]!) <= Math.abs(xv[p]! - cb[1]!) ? 0 : 1;
      for (let c = 0; c < 2; c++) {
        const m = Math.exp(-((c - win) ** 2) / (2 * 0.25));
        expect(yv[p * 2 + c]).toBeCloseTo(Math.max(0, m * (xv[p]! * w[c]! + b[c]!)), 5);
      }
    }
  });

  it('reports mean activation strength below 1 with a narrow σ and does not leak', async () => {
    const layer = new Csom({ rows: 2, cols: 2, kernelSize: 3, sigmaFwd: 0.7 });
    const { before, after } = tensorsAcrossSteps(layer, img(4), 5);
    expect(after).toBe(before);
    const s = await layer.maskStats();
    expect(s.strength).toBeGreaterThan(0.2);
    expect(s.strength).toBeLessThan(0.8);
  });
});
