import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SomMaskDense } from './som-mask-dense';
import { maskTable } from './mask-table';
import { tensorsAcrossSteps } from './train-steps.test-helper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 2 inputs → 3 units on a 1×3 chain. Codebook rows (0,0), (1,0), (2,0): the winner is the nearest x₀. */
function handLayer(order: 'som-relu' | 'relu-som', sigmaFwd: number | 'inf' = 1, threshold = 0): SomMaskDense {
  const layer = new SomMaskDense({ rows: 1, cols: 3, topology: 'chain', sigmaFwd, threshold, order });
  layer.apply(tfl.input({ shape: [2] }));
  layer.setWeights([
    tf.tensor2d([
      [1, -1, 2],
      [0, 1, -3],
    ]),
    tf.tensor1d([0, 0.5, 0]),
    tf.tensor2d([
      [0, 0],
      [1, 0],
      [2, 0],
    ]),
  ]);
  return layer;
}

describe('SomMaskDense', () => {
  it('computes y = relu(m ⊙ (xW + b)) with m = exp(−d²/2σ²) around the winner (checked by hand)', () => {
    const layer = handLayer('som-relu');
    const x = tf.tensor2d([[2, 1]]); // z = [2, -1.5, 1]; winner 2 (x₀ = 2); m = [e^-2, e^-0.5, 1]
    const y = (layer.apply(x, { training: false }) as tf.Tensor).arraySync() as number[][];
    expect(y[0]![0]).toBeCloseTo(2 * Math.exp(-2), 5);
    expect(y[0]![1]).toBe(0);
    expect(y[0]![2]).toBeCloseTo(1, 5);
  });

  it('ReLU-SOM masks after the ReLU; σ = ∞ is the plain dense + ReLU', () => {
    const x = tf.tensor2d([[0, 1]]); // z = [0, 1.5, -3]; winner 0; m = [1, e^-0.5, e^-2]
    const y = (handLayer('relu-som').apply(x) as tf.Tensor).arraySync() as number[][];
    expect(y[0]![1]).toBeCloseTo(1.5 * Math.exp(-0.5), 5);
    const plain = (handLayer('som-relu', 'inf').apply(x) as tf.Tensor).arraySync() as number[][];
    expect(plain[0]).toEqual([0, 1.5, 0]);
  });

  it('threshold zeroes units below θ and the stats count them', async () => {
    const layer = handLayer('som-relu', 1, 0.5);
    layer.apply(
      tf.tensor2d([
        [2, 1],
        [0, 0],
      ]),
      { training: true },
    );
    // Rows of the table at θ = 0.5: winner 2 → [0, e^-0.5, 1] (2 active); winner 0 → [1, e^-0.5, 0] (2 active).
    const s = await layer.maskStats();
    expect(s.sparsity).toBeCloseTo(4 / 6, 5);
    expect(s.strength).toBeCloseTo((2 * Math.exp(-0.5) + 2) / 6, 5);
  });

  it('the mask is a constant in the backward pass: dy/dx = m ⊙ relu′ · W', () => {
    const layer = handLayer('som-relu');
    const g = tf.grad((x: tf.Tensor) => tf.sum(layer.apply(x) as tf.Tensor))(tf.tensor2d([[2, 1]]));
    // Active units 0 and 2 with masks e^-2 and 1: d/dx = e^-2·W[:,0] + 1·W[:,2] = (e^-2 + 2, 0 − 3).
    const v = g.arraySync() as number[][];
    expect(v[0]![0]).toBeCloseTo(Math.exp(-2) + 2, 5);
    expect(v[0]![1]).toBeCloseTo(-3, 5);
  });

  it('Kohonen step moves the codebook toward the batch, not by gradients', async () => {
    const layer = handLayer('som-relu');
    layer.apply(tf.tensor2d([[2, 1]]), { training: true });
    layer.trainSom(0.5, 1);
    const cb = layer.getWeights()[2]!.arraySync() as number[][];
    expect(cb[2]).toEqual([2, 1]); // the winner takes the sample exactly at α = 1
  });

  it('round-trips its config and refuses bad arguments', () => {
    const layer = new SomMaskDense({
      rows: 2,
      cols: 3,
      sigmaFwd: 4,
      threshold: 0.5,
      order: 'relu-som',
      topology: 'hex',
    });
    const cfg = layer.getConfig();
    const again = SomMaskDense.fromConfig(SomMaskDense, cfg) as SomMaskDense;
    expect(again.getConfig()).toEqual(cfg);
    expect(again.units).toBe(6);
    expect(() => new SomMaskDense({ rows: 0, cols: 3 })).toThrow(
      'SomMaskDense: rows must be a whole number ≥ 1, received 0',
    );
    expect(() => new SomMaskDense({ rows: 2, cols: 3, threshold: 1.5 })).toThrow(
      'SomMaskDense: threshold must be in [0, 1), received 1.5',
    );
    expect(() => new SomMaskDense({ rows: 2, cols: 3, order: 'mask-relu' as never })).toThrow(
      'unknown SomMaskDense order "mask-relu": expected one of "som-relu", "relu-som"',
    );
  });

  it('K active units: exactly K ones per row of the table', () => {
    const t = maskTable(new Float32Array([0, 1, 4, 1, 0, 1, 4, 1, 0]), 3, {
      sigmaFwd: 5,
      threshold: 0,
      activeUnits: 2,
    });
    expect(Array.from(t)).toEqual([1, 1, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('does not leak tensors over training steps', () => {
    const { before, after } = tensorsAcrossSteps(
      handLayer('som-relu'),
      tf.tensor2d([
        [2, 1],
        [0, 1],
      ]),
      10,
      0.1,
    );
    expect(after).toBe(before);
  });
});
