/**
 * Minibatches of a split that stays on disk (a RowSource): the rows are cut into blocks of up to a batch's
 * size, the block order is a fresh seeded permutation each epoch, and a batch is a few whole blocks read
 * as ranges, so reads stay large while every row is still seen once per epoch. The next batch is read
 * while the current one trains. Only the batch rule may use it: the order inside a batch does not matter
 * to it, while the online rule would see rows in file order within each block.
 */
import * as tf from '@tensorflow/tfjs-core';
import { permutation, subSeed } from '../../shared/random';
import type { RowSource } from './types';

/** Rows per block: 1024 × 64 float32 is a 256 KiB read. */
const BLOCK_ROWS = 1024;
/** Rows per chunk of the evaluation pass (16 MiB at 256 features). */
export const PASS_ROWS = 16384;

export class StreamSplit {
  readonly count: number;
  private readonly blockRows: number;
  private readonly perBatch: number;
  private readonly blocks: number;
  private order: Int32Array | null = null;
  private orderEpoch = -1;
  private ahead: { key: string; rows: Promise<Float32Array> } | null = null;

  constructor(
    private readonly rows: RowSource,
    readonly labels: Int32Array,
    private readonly seed: number,
    batchSize: number,
  ) {
    this.count = rows.count;
    this.blockRows = Math.min(BLOCK_ROWS, batchSize);
    this.perBatch = Math.max(1, Math.floor(batchSize / this.blockRows));
    this.blocks = Math.ceil(this.count / this.blockRows);
  }

  get width(): number {
    return this.rows.width;
  }

  /** Rows in a batch: whole blocks, so up to the batch size (equal to it when it is a multiple of 1024). */
  get batchRows(): number {
    return this.blockRows * this.perBatch;
  }

  stepsPerEpoch(): number {
    return Math.ceil(this.blocks / this.perBatch);
  }

  private blocksOf(epoch: number, i: number): Int32Array {
    if (this.orderEpoch !== epoch) {
      this.order = permutation(this.blocks, subSeed(this.seed, epoch));
      this.orderEpoch = epoch;
    }
    // Ascending within the batch: the reads walk forward through the file.
    return this.order!.slice(i * this.perBatch, (i + 1) * this.perBatch).sort();
  }

  private async read(epoch: number, i: number): Promise<Float32Array> {
    const blocks = this.blocksOf(epoch, i);
    const lengths = Array.from(blocks, (b) => Math.min(this.blockRows, this.count - b * this.blockRows));
    const out = new Float32Array(lengths.reduce((a, b) => a + b, 0) * this.width);
    let at = 0;
    for (let k = 0; k < blocks.length; k++) {
      const n = lengths[k]!;
      await this.rows.read(blocks[k]! * this.blockRows, n, out.subarray(at, at + n * this.width));
      at += n * this.width;
    }
    return out;
  }

  /** The rows of batch `i` of `epoch`, flat [n × D]; starts reading the next batch. */
  async batch(epoch: number, i: number): Promise<Float32Array> {
    const key = `${epoch}:${i}`;
    const rows = this.ahead?.key === key ? this.ahead.rows : this.read(epoch, i);
    const [ne, ni] = i + 1 < this.stepsPerEpoch() ? [epoch, i + 1] : [epoch + 1, 0];
    this.ahead = { key: `${ne}:${ni}`, rows: this.read(ne, ni) };
    this.ahead.rows.catch(() => undefined); // a failed read-ahead is reported when that batch is asked for
    return rows;
  }

  /** The first `n` rows as [n, D]. */
  async head(n: number): Promise<tf.Tensor2D> {
    const m = Math.min(n, this.count);
    return tf.tensor2d(await this.rows.read(0, m), [m, this.width]);
  }

  /** Every row in file order, in chunks of PASS_ROWS (the next chunk is read while one is evaluated). */
  async *chunks(): AsyncGenerator<{ x: tf.Tensor2D; labels: Int32Array }> {
    const readAt = (s: number) => this.rows.read(s, Math.min(PASS_ROWS, this.count - s));
    let next = this.count > 0 ? readAt(0) : null;
    for (let s = 0; s < this.count; s += PASS_ROWS) {
      const x = await next!;
      next = s + PASS_ROWS < this.count ? readAt(s + PASS_ROWS) : null;
      const n = x.length / this.width;
      yield { x: tf.tensor2d(x, [n, this.width]), labels: this.labels.subarray(s, s + n) };
    }
  }

  dispose(): void {
    this.ahead = null;
    void this.rows.close().catch(() => undefined);
  }
}
