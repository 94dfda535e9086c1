/**
 * QE, TE, hit counts and the class map of a SOM over data of any size, in one pass of chunks: each chunk
 * is one [m, N] distance block on the device (m ≤ CHUNK), reduced to its best two units, read back and
 * folded into running sums. Nothing of size rows × neurons, nor one value per row, is ever held.
 */
import * as tf from '@tensorflow/tfjs-core';
import { majority, topographicErrors } from '../../shared/som-math';
import { CHUNK, scores } from './batch';
import type { Som } from './som';

export interface FullQuality {
  qe: number;
  te: number;
  /** Rows won per neuron. */
  hits: Float32Array;
  /** Majority label per neuron (-1 where no labelled row won); empty when there are no classes. */
  classMap: Int32Array;
  rows: number;
}

/** A chunk of rows [start, start + n) as a [n, D] tensor (the pass disposes it) with their labels. */
export interface RowChunk {
  x: tf.Tensor2D;
  labels: Int32Array;
}

/**
 * The distance to the best unit (√, [m, 1]) and the best k ≤ 2 units per row ([m, k], best first, ties to the
 * lower index as tf.topk gives them), from the scores ‖w‖² − 2x·w (‖x‖² is added to the [m, 1] minimum only):
 * two arg-min passes instead of topk's sort, which took about 40 % of a chunk on wasm (4096 × 900).
 */
function bestTwo(x: tf.Tensor2D, w: tf.Tensor2D, k: number): [tf.Tensor, tf.Tensor] {
  const s = scores(x, w);
  const best = tf.argMin(s, 1);
  const qe = tf.sqrt(tf.relu(tf.add(tf.min(s, 1, true), tf.sum(tf.square(x), 1, true))));
  if (k === 1) return [qe, tf.expandDims(best, 1)];
  // The best unit pushed out of reach (a finite 1e30: 0 × ∞ would be NaN everywhere else).
  // (oneHot's own on-value and dtype are not honoured by the wasm kernel: it gives int32, so the cast.)
  const masked = tf.add(s, tf.mul(tf.cast(tf.oneHot(best, s.shape[1]), 'float32'), 1e30));
  return [qe, tf.stack([best, tf.argMin(masked, 1)], 1)];
}

export class QualityAccumulator {
  private qe = 0;
  private errors = 0;
  private rows = 0;
  private readonly hits: Float32Array;
  private readonly counts: Int32Array;

  constructor(
    private readonly som: Som,
    private readonly nClasses: number,
  ) {
    this.hits = new Float32Array(som.grid.n);
    this.counts = new Int32Array(som.grid.n * nClasses);
  }

  /** Folds in one chunk of any size (split into CHUNK-row blocks on the device). */
  async add(c: RowChunk): Promise<void> {
    const n = c.x.shape[0],
      k = Math.min(2, this.som.grid.n);
    for (let s = 0; s < n; s += CHUNK) {
      const m = Math.min(CHUNK, n - s);
      const [vals, idx] = tf.tidy(() => bestTwo(tf.slice(c.x, s, m), this.som.codebook, k));
      const [v, i] = await Promise.all([vals!.data(), idx!.data()]);
      tf.dispose([vals!, idx!]);
      for (let r = 0; r < m; r++) {
        this.qe += v[r]!;
        const w = i[r * k]!;
        this.hits[w]! += 1;
        const y = c.labels[s + r]!;
        if (y >= 0 && y < this.nClasses) this.counts[w * this.nClasses + y]! += 1;
      }
      if (k === 2) this.errors += topographicErrors(this.som.grid, i, m);
    }
    this.rows += n;
  }

  result(): FullQuality {
    const n = Math.max(1, this.rows);
    return {
      qe: this.qe / n,
      te: this.som.grid.n >= 2 ? this.errors / n : 0,
      hits: this.hits,
      classMap: this.nClasses > 0 ? majority(this.counts, this.som.grid.n, this.nClasses) : new Int32Array(0),
      rows: this.rows,
    };
  }
}

/** Runs the pass over `chunks`, telling `progress` the rows done after each chunk. */
export async function fullQuality(
  som: Som,
  chunks: AsyncIterable<RowChunk>,
  nClasses: number,
  progress?: (rows: number) => void,
): Promise<FullQuality> {
  const acc = new QualityAccumulator(som, nClasses);
  let rows = 0;
  for await (const c of chunks) {
    try {
      await acc.add(c);
    } finally {
      c.x.dispose();
    }
    rows += c.labels.length;
    progress?.(rows);
  }
  return acc.result();
}
