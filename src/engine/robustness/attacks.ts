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

/**
 * Σ of each row's softmax cross-entropy, with its gradient taken without cancellation. The usual gradient
 * softmax(z) − onehot(y) has p_y − 1 at the true class, which rounds to exactly 0 in float32 once the other
 * classes' share is under 6e-8 (a logit margin of ~17, common on a net trained on full MNIST): the −∇z_y half of
 * the direction is lost, and PGD left half of such a net's test set standing at any ε. Here that entry is
 * −Σ_{j≠y} p_j, the same number in exact arithmetic.
 */
function crossEntropy(oneHot: tf.Tensor2D) {
  // customGrad passes the inputs and then the save function through one rest parameter.
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const p = tf.softmax(z);
    save([p]);
    const value = tf.sum(tf.sub(tf.logSumExp(z, 1), tf.sum(tf.mul(z, oneHot), 1)));
    const gradFunc = (dy: tf.Tensor, [q]: tf.Tensor[]) => {
      const others = tf.mul(q!, tf.sub(1, oneHot));
      return tf.mul(dy, tf.sub(others, tf.mul(oneHot, tf.sum(others, 1, true))));
    };
    return { value, gradFunc };
  });
}

/** ∇ₓ of the summed softmax cross-entropy at x (summed, so each row's gradient is its own). */
export function inputGradient(logits: LogitsFn, x: tf.Tensor, labels: tf.Tensor1D, nClasses: number): tf.Tensor {
  const oneHot = tf.cast(tf.oneHot(labels, nClasses), 'float32') as tf.Tensor2D;
  const loss = crossEntropy(oneHot);
  const g = tf.grad((v: tf.Tensor) => loss(logits(v)) as tf.Tensor);
  const out = g(x);
  oneHot.dispose();
  return out;
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
