import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { attackBatch, countCorrect, inputGradient, type LogitsFn } from './attacks';

// A tiny linear model z = xW + b with 2 inputs and 3 classes, small enough to differentiate by hand.
const W = [
  [1, -2, 0.5],
  [3, 0.5, -1],
];
const B = [0.1, -0.1, 0];
const X = [
  [0.2, 0.7],
  [0.9, 0.1],
];
const Y = [0, 2];

/** Hand gradient of cross-entropy w.r.t. x: (softmax(z) − onehot(y)) Wᵀ, row by row. */
function handGradient(x: number[], y: number): number[] {
  const z = [0, 1, 2].map((k) => x[0]! * W[0]![k]! + x[1]! * W[1]![k]! + B[k]!);
  const e = z.map(Math.exp);
  const p = e.map((v) => v / e.reduce((a, b) => a + b, 0));
  const d = p.map((v, k) => v - (k === y ? 1 : 0));
  return [0, 1].map((i) => d.reduce((s, dk, k) => s + dk * W[i]![k]!, 0));
}

const linear: LogitsFn = (x) => tf.add(tf.matMul(x as tf.Tensor2D, tf.tensor2d(W)), tf.tensor1d(B)) as tf.Tensor2D;

describe('FGSM and PGD on a linear model', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('takes the input gradient of the cross-entropy that the hand formula gives', async () => {
    const g = inputGradient(linear, tf.tensor2d(X), tf.tensor1d(Y, 'int32'), 3);
    const got = (await g.array()) as number[][];
    X.forEach((x, i) => handGradient(x, Y[i]!).forEach((v, j) => expect(got[i]![j]).toBeCloseTo(v, 5)));
    // One value worked out on paper for sample 0: z = (2.4, -0.15, -0.6), p ≈ (0.8866, 0.0692, 0.0441),
    // ∂/∂x₀ = (p₀ − 1)·1 + p₁·(−2) + p₂·0.5 ≈ −0.2298.
    expect(got[0]![0]).toBeCloseTo(-0.2298, 3);
  });

  it('keeps the true class in the gradient when the net is sure (logit margin 40: p_y − 1 rounds to 0)', async () => {
    // z = x·[[20, −20]] for one input x = 1 and label 0: z = (20, −20); p₁ = e⁻⁴⁰. The exact ∂L/∂x is
    // (p₀ − 1)·20 + p₁·(−20) = −40·p₁ (negative: raising x makes class 0 surer); float32's p₀ − 1 = 0 would give
    // −20·p₁, half of it. The direction matters to FGSM and PGD (they take its sign), the magnitude shows the half.
    const sure: LogitsFn = (x) => tf.matMul(x as tf.Tensor2D, tf.tensor2d([[20, -20]])) as tf.Tensor2D;
    const g = (await inputGradient(sure, tf.tensor2d([[1]]), tf.tensor1d([0], 'int32'), 2).data())[0]!;
    expect(g / (-40 * Math.exp(-40))).toBeCloseTo(1, 4);
  });

  it('FGSM moves each input by ε against the gradient sign, clipped into the range', async () => {
    const eps = 0.3;
    const adv = (await attackBatch('fgsm', linear, tf.tensor2d(X), tf.tensor1d(Y, 'int32'), 3, {
      eps,
      range: [0, 1],
    }).array()) as number[][];
    X.forEach((x, i) => {
      const g = handGradient(x, Y[i]!);
      x.forEach((v, j) => expect(adv[i]![j]).toBeCloseTo(Math.min(1, Math.max(0, v + eps * Math.sign(g[j]!))), 6));
    });
  });

  it('PGD with one full step is FGSM; with many it stays in the ε-ball and the range and hurts more', async () => {
    const x = tf.tensor2d(X),
      y = tf.tensor1d(Y, 'int32');
    const fgsm = attackBatch('fgsm', linear, x, y, 3, { eps: 0.2, range: [0, 1] });
    const one = attackBatch('pgd', linear, x, y, 3, { eps: 0.2, range: [0, 1], steps: 1, stepSize: 0.2 });
    expect(await one.array()).toEqual(await fgsm.array());
    const many = (await attackBatch('pgd', linear, x, y, 3, {
      eps: 0.2,
      range: [0, 1],
      steps: 20,
    }).array()) as number[][];
    many.forEach((row, i) =>
      row.forEach((v, j) => {
        expect(Math.abs(v - X[i]![j]!)).toBeLessThanOrEqual(0.2 + 1e-6);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
    );
    const ce = (a: tf.Tensor) =>
      tf.losses.softmaxCrossEntropy(tf.oneHot(y, 3), linear(a), undefined, undefined, tf.Reduction.SUM).dataSync()[0]!;
    expect(ce(tf.tensor2d(many))).toBeGreaterThanOrEqual(ce(fgsm) - 1e-6);
    expect(ce(fgsm)).toBeGreaterThan(ce(x));
  });

  it('ε = 0 leaves the input as it is, and counts correct predictions', async () => {
    const x = tf.tensor2d(X),
      y = tf.tensor1d(Y, 'int32');
    const same = (await attackBatch('pgd', linear, x, y, 3, { eps: 0, range: [0, 1] }).array()) as number[][];
    same.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(Math.fround(X[i]![j]!))));
    // Sample 0: argmax z = 0 (correct); sample 1: z = (1.2, -1.75, 0.35) → class 0, label 2 (wrong).
    expect(await countCorrect(linear, x, y)).toBe(1);
  });
});
