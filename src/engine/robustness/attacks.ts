/**
 * White-box L∞ attacks on a classifier's logits (the open question of seed 000: do SOM masks defend
 * against adversarial samples?). FGSM: one step x + ε·sign(∇ₓ loss). PGD: `steps` steps of size `stepSize`
 * from x, each projected back into the ε-ball around x and into the data range. The loss is softmax
 * cross-entropy against the true label. The SOM mask is a constant of x for the gradient (its winner is an
 * argmin: zero derivative almost everywhere), but the attacked input goes through the real forward pass,
 * winners and mask included, when it is scored.
 */
import * as tf from '@tensorflow/tfjs-core';

export const ATTACKS = ['fgsm', 'pgd'] as const;
export type Attack = (typeof ATTACKS)[number];

/** Logits [B, classes] for inputs x. */
export type LogitsFn = (x: tf.Tensor) => tf.Tensor2D;

export interface AttackOptions {
  eps: number;
  /** The data range the perturbed input is clipped into (images: [0, 1]). */
  range: [number, number];
  /** PGD only. */
  steps?: number;
  /** PGD only; default 2.5·ε/steps (Madry et al.). */
  stepSize?: number;
}

/** ∇ₓ of the summed softmax cross-entropy at x (summed, so each row's gradient is its own). */
export function inputGradient(logits: LogitsFn, x: tf.Tensor, labels: tf.Tensor1D, nClasses: number): tf.Tensor {
  const g = tf.grad((v: tf.Tensor) =>
    tf.losses.softmaxCrossEntropy(tf.oneHot(labels, nClasses), logits(v), undefined, undefined, tf.Reduction.SUM),
  );
  return g(x);
}

function step(x: tf.Tensor, grad: tf.Tensor, size: number): tf.Tensor {
  return tf.add(x, tf.mul(tf.sign(grad), size));
}

/** The adversarial inputs for x under `attack` (a new tensor; x is not disposed). */
export function attackBatch(
  attack: Attack,
  logits: LogitsFn,
  x: tf.Tensor,
  labels: tf.Tensor1D,
  nClasses: number,
  o: AttackOptions,
): tf.Tensor {
  const [lo, hi] = o.range;
  if (o.eps === 0) return tf.clone(x);
  if (attack === 'fgsm')
    return tf.tidy(() => tf.clipByValue(step(x, inputGradient(logits, x, labels, nClasses), o.eps), lo, hi));
  const steps = o.steps ?? 10;
  const size = o.stepSize ?? (2.5 * o.eps) / steps;
  let adv = tf.clone(x);
  for (let i = 0; i < steps; i++) {
    const next = tf.tidy(() => {
      const moved = step(adv, inputGradient(logits, adv, labels, nClasses), size);
      const inBall = tf.minimum(tf.maximum(moved, tf.sub(x, o.eps)), tf.add(x, o.eps));
      return tf.clipByValue(inBall, lo, hi);
    });
    adv.dispose();
    adv = next;
  }
  return adv;
}

/** Correct predictions of `logits` on x (a plain count). */
export async function countCorrect(logits: LogitsFn, x: tf.Tensor, labels: tf.Tensor1D): Promise<number> {
  const c = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits(x), -1), labels), 'float32')));
  const n = (await c.data())[0]!;
  c.dispose();
  return n;
}
