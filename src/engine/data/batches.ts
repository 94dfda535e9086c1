/**
 * A split uploaded once to the backend, and seeded minibatches drawn from it with one gather each.
 * Keeping the data on the device avoids an upload per step (the main per-step cost on GPUs).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Split } from './types';
import { permutation, subSeed } from '../../shared/random';
import { currentReducer, setShare, shareOf, type Reducer } from '../parallel/reduce';

export interface Shard {
  idx: Int32Array;
  share: number;
}

export class DeviceSplit {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor1D;
  readonly count: number;
  /** The labels on the host too (class maps and probe labels need them without a read-back). */
  readonly labels: Int32Array;
  private order: Int32Array | null = null;
  private orderEpoch = -1;

  constructor(
    split: Split,
    shape: readonly number[],
    private readonly seed: number,
  ) {
    if (split.rows) throw new Error('this experiment needs its data in memory (only the batch SOM streams from disk)');
    this.count = split.count;
    this.labels = split.y;
    this.x = tf.tensor(split.x, [split.count, ...shape], 'float32');
    this.y = tf.tensor1d(split.y, 'int32');
  }

  stepsPerEpoch(batchSize: number): number {
    return Math.ceil(this.count / batchSize);
  }

  /** Indices of minibatch `i` of `epoch` (a fresh seeded permutation each epoch). */
  batchIndices(epoch: number, i: number, batchSize: number): Int32Array {
    if (this.orderEpoch !== epoch) {
      this.order = permutation(this.count, subSeed(this.seed, epoch));
      this.orderEpoch = epoch;
    }
    return this.order!.subarray(i * batchSize, Math.min(this.count, (i + 1) * batchSize));
  }

  /**
   * This thread's share of minibatch `i` (all of it outside a data-parallel pool) and that share's fraction of
   * the batch: a rank's mean loss times `share` summed over ranks is the batch's mean loss.
   */
  shareIndices(epoch: number, i: number, batchSize: number, r: Reducer = currentReducer()): Shard {
    const all = this.batchIndices(epoch, i, batchSize);
    if (r.size === 1) return { idx: all, share: 1 };
    const [s, e] = shareOf(all.length, r);
    setShare({ start: s, end: e, total: all.length });
    return { idx: all.subarray(s, e), share: (e - s) / all.length };
  }

  /** Gathers a minibatch; the caller disposes the tensors (or calls inside tf.tidy). */
  batch(indices: Int32Array): { x: tf.Tensor; y: tf.Tensor1D } {
    return tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      return { x: tf.gather(this.x, idx), y: tf.gather(this.y, idx) as tf.Tensor1D };
    });
  }

  /** The inputs of a minibatch only (one gather; the caller disposes it). */
  batchX(indices: Int32Array): tf.Tensor {
    return tf.tidy(() => tf.gather(this.x, tf.tensor1d(indices, 'int32')));
  }

  /** Contiguous chunks for evaluation, so a 60k split never becomes one giant activation. */
  *chunks(size: number): Generator<{ x: tf.Tensor; y: tf.Tensor1D; n: number }> {
    for (let s = 0; s < this.count; s += size) {
      const n = Math.min(size, this.count - s);
      yield tf.tidy(() => ({ x: tf.slice(this.x, s, n), y: tf.slice(this.y, s, n) as tf.Tensor1D, n }));
    }
  }

  dispose(): void {
    this.x.dispose();
    this.y.dispose();
  }
}
