/**
 * Where a SOM run's training vectors come from: a split uploaded to the device (DeviceSplit, every small
 * dataset, exactly as before) or rows streamed from the dataset cache on disk (StreamSplit, big tables).
 * The SOM experiment asks both the same things: batches, the first rows for initialisation, the subset it
 * evaluates during training, and QE/TE over all rows at the end.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceSplit } from '../data/batches';
import { DeviceRows } from '../data/device-rows';
import { bindingLimit } from '../backend/webgpu-device';
import { limitSplit } from '../data/limit';
import { StreamSplit } from '../data/stream-split';
import type { Split } from '../data/types';
import { subSeed } from '../../shared/random';
import { fullQuality, type FullQuality } from '../som/full-pass';
import type { Som } from '../som';
import { balancedProbeIndices, pickProbes } from './probes';
import { currentReducer, setShare, shareOf } from '../parallel/reduce';

export interface EvalSet {
  x: tf.Tensor2D;
  y: Int32Array;
}

export interface SomSource {
  readonly count: number;
  /** Set when the rows stream from disk: what the run log should say about it. */
  readonly note?: string;
  stepsPerEpoch(batchSize: number): number;
  /** This thread's share of the batch, or with `whole` all of it (a step split by neurons: som/neuron-split). */
  batch(epoch: number, i: number, batchSize: number, whole?: boolean): Promise<tf.Tensor2D>;
  head(n: number): Promise<tf.Tensor2D>;
  evalSet(n: number): Promise<EvalSet>;
  /** The winner-trace probes: the same number from every class (models/probes.ts). */
  probes(count: number): Promise<EvalSet>;
  /** QE/TE over every row (and, streamed, hits and the class map too); `progress` hears the rows done. */
  full(som: Som, nClasses: number, progress?: (rows: number) => void): Promise<Partial<FullQuality>>;
  dispose(): void;
}

class MemorySource implements SomSource {
  constructor(private readonly train: DeviceSplit) {}
  get count(): number {
    return this.train.count;
  }
  stepsPerEpoch(b: number): number {
    return this.train.stepsPerEpoch(b);
  }
  /** This thread's share of the batch (all of it without a worker pool, or `whole`). */
  async batch(epoch: number, i: number, b: number, whole = false): Promise<tf.Tensor2D> {
    const idx = whole ? this.train.batchIndices(epoch, i, b) : this.train.shareIndices(epoch, i, b).idx;
    return this.train.batchX(idx) as tf.Tensor2D;
  }
  async head(n: number): Promise<tf.Tensor2D> {
    return this.train.head(n) as tf.Tensor2D;
  }
  /** The first n training samples (the split is stored in dataset order). */
  async evalSet(n: number): Promise<EvalSet> {
    const m = Math.min(n, this.count);
    const x = tf.tidy(() => tf.reshape(this.train.head(m), [m, this.train.rowSize]) as tf.Tensor2D);
    return { x, y: this.train.labels.slice(0, m) };
  }
  async probes(count: number): Promise<EvalSet> {
    return tf.tidy(() => {
      const p = pickProbes(this.train, count);
      return { x: tf.reshape(p.x, [p.y.length, this.train.rowSize]) as tf.Tensor2D, y: p.y };
    });
  }
  async full(som: Som, _nClasses: number, progress?: (rows: number) => void): Promise<Partial<FullQuality>> {
    return qualityOver(som, this.train.x.parts, progress);
  }
  dispose(): void {
    this.train.dispose();
  }
}

class DiskSource implements SomSource {
  readonly note: string;
  constructor(
    private readonly split: Split,
    private readonly stream: StreamSplit,
    private readonly seed: number,
  ) {
    this.note =
      `${split.count} rows stream from the dataset cache in batches of ${stream.batchRows} ` +
      `(blocks of rows in a seeded order per epoch); QE/TE during training on a random sample, at the end on all rows`;
  }
  get count(): number {
    return this.stream.count;
  }
  stepsPerEpoch(): number {
    return this.stream.stepsPerEpoch();
  }
  /** This thread's share of the batch's rows (all of them without a worker pool, or `whole`). */
  async batch(epoch: number, i: number, _b: number, whole = false): Promise<tf.Tensor2D> {
    const rows = await this.stream.batch(epoch, i),
      w = this.stream.width,
      n = rows.length / w;
    const r = currentReducer();
    if (r.size === 1 || whole) return tf.tensor2d(rows, [n, w]);
    const [s, e] = shareOf(n, r);
    setShare({ start: s, end: e, total: n });
    return tf.tensor2d(rows.subarray(s * w, e * w), [e - s, w]);
  }
  head(n: number): Promise<tf.Tensor2D> {
    return this.stream.head(n);
  }
  /** A seeded random sample (a big table is often sorted: its first rows would be one corner of it). */
  async evalSet(n: number): Promise<EvalSet> {
    if (n >= this.count) return { x: await this.head(n), y: this.split.y.slice() };
    const s = await limitSplit(this.split, this.stream.width, n, subSeed(this.seed, 2001));
    return { x: tf.tensor2d(s.x, [s.count, this.stream.width]), y: s.y };
  }
  async probes(count: number): Promise<EvalSet> {
    const idx = balancedProbeIndices(this.split.y, Math.min(count, this.count));
    const x = new Float32Array(idx.length * this.stream.width);
    for (let k = 0; k < idx.length; k++)
      await this.split.rows!.read(idx[k]!, 1, x.subarray(k * this.stream.width, (k + 1) * this.stream.width));
    return { x: tf.tensor2d(x, [idx.length, this.stream.width]), y: Int32Array.from(idx, (i) => this.split.y[i]!) };
  }
  full(som: Som, nClasses: number, progress?: (rows: number) => void): Promise<FullQuality> {
    return fullQuality(som, this.stream.chunks(), nClasses, progress);
  }
  dispose(): void {
    this.stream.dispose();
  }
}

/** Rows [count, dim] from the host on the device for one pass (parts under the binding limit); dispose after. */
export const passRows = (x: Float32Array, count: number, dim: number): DeviceRows =>
  new DeviceRows(x, count, [dim], 'float32', bindingLimit());

/** QE/TE over rows held in parts: each part's mean weighted by its rows (one part: its own QE/TE); rows done. */
export async function qualityOver(
  som: Som,
  parts: readonly tf.Tensor[],
  progress?: (rows: number) => void,
): Promise<{ qe: number; te: number }> {
  if (parts.length === 1) return som.quality(parts[0]!, progress);
  let qe = 0,
    te = 0,
    rows = 0;
  for (const p of parts) {
    const at = rows;
    const q = await som.quality(p, progress && ((r) => progress(at + r))),
      n = p.shape[0]!;
    qe += q.qe * n;
    te += q.te * n;
    rows += n;
  }
  return { qe: qe / Math.max(1, rows), te: te / Math.max(1, rows) };
}

/** The winner of every row held in parts, in row order. */
export async function winnersOver(som: Som, parts: readonly tf.Tensor[]): Promise<Int32Array> {
  if (parts.length === 1) return som.winnersOf(parts[0]!);
  const each = [];
  for (const p of parts) each.push(await som.winnersOf(p));
  const out = new Int32Array(each.reduce((a, w) => a + w.length, 0));
  each.reduce((at, w) => (out.set(w, at), at + w.length), 0);
  return out;
}

/** `vectors` is [count, dim] flat; a split with `rows` streams from disk (the batch rule only). */
export function somSource(vectors: Split, dim: number, seed: number, batchSize: number): SomSource {
  if (!vectors.rows) return new MemorySource(new DeviceSplit(vectors, [dim], seed));
  return new DiskSource(vectors, new StreamSplit(vectors.rows, vectors.y, seed, batchSize), seed);
}
