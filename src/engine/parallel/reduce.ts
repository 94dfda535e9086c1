/**
 * The one collective of data-parallel training: every rank (the trainer and its worker threads, each with its
 * own tfjs engine) calls `sum` at the same points of the same step, with arrays of the same length, and each
 * gets the element-wise sum over all ranks. Batch-SOM steps sum Σ hᵀX and Σh, gradient steps their gradients,
 * so every rank applies the same update and the replicas stay equal; a neuron-split SOM step gathers each rank's
 * rows of the new codebook instead (gather). Outside a pool the reducer is SOLO.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface Reducer {
  readonly rank: number;
  readonly size: number;
  /** The element-wise sum of `part` over every rank (synchronous: it blocks until all ranks have sent). */
  sum(part: Float32Array): Float32Array;
  /** Every rank's `part` end to end in rank order (parts may differ in length; synchronous like sum). */
  gather(part: Float32Array): Float32Array;
  /** gather on rank 0 only: it gets every part, the other ranks post theirs and go on (null). */
  collect(part: Float32Array): Float32Array | null;
}

export const SOLO: Reducer = { rank: 0, size: 1, sum: (part) => part, gather: (part) => part, collect: (part) => part };

let current: Reducer = SOLO;

/** The reducer of this thread's engine (one per thread, as tfjs's engine is). */
export const currentReducer = (): Reducer => current;

export function setReducer(r: Reducer): void {
  current = r;
}

/** Rows [start, end) of the current batch of `total` rows that this thread holds (DeviceSplit sets it). */
export interface Share {
  start: number;
  end: number;
  total: number;
}
let share: Share = { start: 0, end: 0, total: 0 };
export const currentShare = (): Share => share;
export function setShare(s: Share): void {
  share = s;
}

/** Sums tensors across ranks: one read of all of them into one array, one collective, new tensors out. */
export function reduceTensors(ts: readonly tf.Tensor[], r: Reducer = current): tf.Tensor[] {
  const total = ts.reduce((s, t) => s + t.size, 0);
  const flat = new Float32Array(total);
  let at = 0;
  for (const t of ts) {
    flat.set(t.dataSync() as Float32Array, at);
    at += t.size;
  }
  const sum = r.sum(flat);
  at = 0;
  return ts.map((t) => {
    const out = tf.tensor(sum.subarray(at, at + t.size), t.shape, 'float32');
    at += t.size;
    return out;
  });
}

/** This rank's contiguous share [start, end) of m rows (shares differ by at most one row). */
export function shareOf(m: number, r: Pick<Reducer, 'rank' | 'size'>): [number, number] {
  return [Math.floor((r.rank * m) / r.size), Math.floor(((r.rank + 1) * m) / r.size)];
}

/** A batch mean from every rank's mean of its share (each weighted by its share of the batch); frees `own`. */
export function sharedMean(own: tf.Tensor, share: number, r: Reducer = current): tf.Tensor {
  const mine = tf.mul(own, share);
  const [sum] = reduceTensors([mine], r);
  tf.dispose([own, mine]);
  return sum!;
}
