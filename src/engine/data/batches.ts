/**
 * A split uploaded once to the backend, and seeded minibatches drawn from it with one gather each.
 * Keeping the data on the device avoids an upload per step (the main per-step cost on GPUs). On a GPU whose
 * binding limit the split exceeds it is held in parts (device-rows.ts) and a batch is gathered from them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bindingLimit } from '../backend/webgpu-device';
import { DeviceRows } from './device-rows';
import type { Split } from './types';
import { permutation, subSeed } from '../../shared/random';
import { currentReducer, setShare, shareOf, type Reducer } from '../parallel/reduce';

export interface Shard {
  idx: Int32Array;
  share: number;
}

export class DeviceSplit {
  /** The samples [count, ...shape] on the device, in parts under the binding limit. */
  readonly x: DeviceRows;
  readonly y: DeviceRows;
  readonly count: number;
  /** Values per sample. */
  readonly rowSize: number;
  /** The labels on the host too (class maps and probe labels need them without a read-back). */
  readonly labels: Int32Array;
  private order: Int32Array | null = null;
  private orderEpoch = -1;

  constructor(
    split: Split,
    shape: readonly number[],
    private readonly seed: number,
    /** The most bytes one device tensor of it may have (tests set it low). */
    maxBytes = bindingLimit(),
  ) {
    if (split.rows) throw new Error('this experiment needs its data in memory (only the batch SOM streams from disk)');
    this.count = split.count;
    this.labels = split.y;
    this.rowSize = shape.reduce((a, b) => a * b, 1);
    this.x = new DeviceRows(split.x, split.count, shape, 'float32', maxBytes);
    this.y = new DeviceRows(split.y, split.count, [], 'int32', maxBytes);
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
    return { x: this.x.gather(indices), y: this.y.gather(indices) as tf.Tensor1D };
  }

  /** The inputs of a minibatch only (one gather; the caller disposes it). */
  batchX(indices: Int32Array): tf.Tensor {
    return this.x.gather(indices);
  }

  /** The first `n` samples (all of them when fewer) as one tensor; the caller disposes it. */
  head(n: number): tf.Tensor {
    return this.x.slice(0, Math.min(n, this.count));
  }

  /**
   * Contiguous chunks for evaluation, so a 60k split never becomes one giant activation; never more rows than
   * one part holds, so no chunk is over the binding limit either.
   */
  *chunks(size: number): Generator<{ x: tf.Tensor; y: tf.Tensor1D; n: number }> {
    const step = Math.min(size, this.x.perPart);
    for (let s = 0; s < this.count; s += step) {
      const n = Math.min(step, this.count - s);
      yield { x: this.x.slice(s, n), y: this.y.slice(s, n) as tf.Tensor1D, n };
    }
  }

  dispose(): void {
    this.x.dispose();
    this.y.dispose();
  }
}
