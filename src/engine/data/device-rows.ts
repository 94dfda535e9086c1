/**
 * Rows [count, ...shape] held on the device as parts of at most `maxBytes` each. A GPU kernel that reads a
 * tensor binds its whole buffer, and a buffer over the device's maxStorageBufferBindingSize (128 MiB on lavapipe
 * and some real GPUs; full MNIST's training split is 188 MB) is rejected, so a split that big goes up as several
 * tensors, once per run, and each batch is gathered from them on the device. Below the limit there is one part
 * and every call is the single tensor op it always was (one gather, one slice).
 */
import * as tf from '@tensorflow/tfjs-core';

/** Rows per part: as many whole rows as fit in `maxBytes` (at least one row must). */
export function rowsPerPart(count: number, rowBytes: number, maxBytes: number): number {
  if (rowBytes > maxBytes)
    throw new Error(
      `one row is ${rowBytes} bytes, over the device's storage-buffer binding limit of ${maxBytes} bytes: ` +
        'no part of it can be bound',
    );
  return Math.max(1, Math.min(Math.max(count, 1), Math.floor(maxBytes / Math.max(rowBytes, 1))));
}

export class DeviceRows {
  readonly parts: tf.Tensor[] = [];
  readonly perPart: number;

  constructor(
    values: Float32Array | Int32Array,
    readonly count: number,
    readonly shape: readonly number[],
    dtype: 'float32' | 'int32',
    maxBytes: number,
  ) {
    const size = shape.reduce((a, b) => a * b, 1);
    this.perPart = rowsPerPart(count, size * 4, maxBytes);
    if (count <= this.perPart) this.parts.push(tf.tensor(values, [count, ...shape], dtype));
    else
      for (let s = 0; s < count; s += this.perPart) {
        const n = Math.min(this.perPart, count - s);
        this.parts.push(tf.tensor(values.subarray(s * size, (s + n) * size), [n, ...shape], dtype));
      }
  }

  /** Rows `indices`, in that order, as one tensor (the caller disposes it). */
  gather(indices: Int32Array): tf.Tensor {
    return tf.tidy(() => {
      if (this.parts.length === 1 || indices.length === 0)
        return tf.gather(this.parts[0]!, tf.tensor1d(indices, 'int32'));
      const { local, counts, inverse } = this.plan(indices);
      const pieces: tf.Tensor[] = [];
      let at = 0;
      counts.forEach((c, p) => {
        if (c > 0) pieces.push(tf.gather(this.parts[p]!, tf.tensor1d(local.subarray(at, at + c), 'int32')));
        at += c;
      });
      // The pieces hold the rows grouped by part; one more gather puts them back in the batch's order.
      return pieces.length === 1 ? pieces[0]! : tf.gather(tf.concat(pieces), tf.tensor1d(inverse, 'int32'));
    });
  }

  /**
   * Indices grouped by part (a stable counting sort): `local` holds each part's row numbers within that part,
   * part after part, `counts` how many each part has, and `inverse` where each index of the batch landed.
   */
  private plan(indices: Int32Array): { local: Int32Array; counts: Int32Array; inverse: Int32Array } {
    const P = this.parts.length,
      per = this.perPart,
      counts = new Int32Array(P);
    for (const i of indices) {
      if (!(i >= 0 && i < this.count))
        throw new Error(`row index ${i} is outside the split's ${this.count} rows (0 to ${this.count - 1})`);
      counts[Math.floor(i / per)]! += 1;
    }
    const next = new Int32Array(P);
    for (let p = 1; p < P; p++) next[p] = next[p - 1]! + counts[p - 1]!;
    const local = new Int32Array(indices.length),
      inverse = new Int32Array(indices.length);
    indices.forEach((i, k) => {
      const p = Math.floor(i / per),
        pos = next[p]!++;
      local[pos] = i - p * per;
      inverse[k] = pos;
    });
    return { local, counts, inverse };
  }

  /** Rows [start, start + n) as one tensor (the caller disposes it). */
  slice(start: number, n: number): tf.Tensor {
    if (this.parts.length === 1 || n === 0) return tf.slice(this.parts[0]!, n === 0 ? 0 : start, n);
    return tf.tidy(() => {
      const pieces: tf.Tensor[] = [];
      for (let s = start; s < start + n;) {
        const p = Math.floor(s / this.perPart),
          from = s - p * this.perPart,
          m = Math.min(this.perPart - from, start + n - s);
        pieces.push(tf.slice(this.parts[p]!, from, m));
        s += m;
      }
      return pieces.length === 1 ? pieces[0]! : tf.concat(pieces);
    });
  }

  dispose(): void {
    tf.dispose(this.parts);
  }
}
