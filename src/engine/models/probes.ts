/**
 * The probe samples of the winner trace: the same number from every class, spread over each class's
 * samples (files are often sorted by class, so the first 32 samples can all be one class). Unlabelled data
 * gets samples spread evenly over the split. Deterministic: a run's probes are the same every time.
 */
import * as tf from '@tensorflow/tfjs-core';

/** `n` positions spread evenly over 0..len-1 (all of them when n ≥ len). */
function spreadOver(len: number, n: number): number[] {
  if (n >= len) return Array.from({ length: len }, (_, i) => i);
  return Array.from({ length: n }, (_, j) => Math.floor(((j + 0.5) * len) / n));
}

/**
 * Indices of about `count` probes: ⌊count / classes⌋ from each class (fewer when the smallest class has
 * fewer), so every class has the same number; with more classes than probes, one from each of `count`
 * classes spread over the class list.
 */
export function balancedProbeIndices(labels: Int32Array, count: number): Int32Array {
  if (count <= 0 || labels.length === 0) return new Int32Array(0);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i]!;
    if (k < 0) continue;
    let list = byClass.get(k);
    if (!list) byClass.set(k, (list = []));
    list.push(i);
  }
  if (byClass.size === 0) return Int32Array.from(spreadOver(labels.length, count));
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const chosen = classes.length > count ? spreadOver(classes.length, count).map((j) => classes[j]!) : classes;
  const smallest = Math.min(...chosen.map((k) => byClass.get(k)!.length));
  const per = Math.max(1, Math.min(Math.floor(count / chosen.length), smallest));
  const out: number[] = [];
  for (const k of chosen) {
    const members = byClass.get(k)!;
    for (const j of spreadOver(members.length, per)) out.push(members[j]!);
  }
  return Int32Array.from(out.sort((a, b) => a - b));
}

/** The probe rows of a split on the device and their labels. */
export function pickProbes(
  split: { batchX(indices: Int32Array): tf.Tensor; labels: Int32Array },
  count: number,
): { x: tf.Tensor; y: Int32Array } {
  const labels = split.labels;
  const idx = balancedProbeIndices(labels, Math.min(count, labels.length));
  return { x: split.batchX(idx), y: Int32Array.from(idx, (i) => labels[i]!) };
}
