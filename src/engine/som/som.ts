/**
 * The Kohonen SOM on tfjs: codebook W [N, D] as a variable. A batch step is one distance matmul
 * (‖w‖² − 2xWᵀ; ‖x‖² does not move the winner), argMin, a gather of cached neighbourhood rows and
 * W = hᵀX / Σh, with no read-back. Inputs above CHUNK rows are processed in chunks, so 60k×784 never
 * becomes one [60k, N] matrix; quality and views read back chunk by chunk.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Neighbourhood, SomInit } from '../../shared/options';
import type { SomConfig } from '../../shared/spec';
import { batchBlend, CHUNK, scores, sumsOf, blendSums } from './batch';
import { currentReducer, reduceTensors } from '../parallel/reduce';
import {
  classMapOf,
  hitsOf,
  makeGrid,
  neighbourhoodFn,
  topographicErrors,
  uMatrixOf,
  type Grid,
} from '../../shared/som-math';
import { initCodebook } from './init';
import { NeuronSplit } from './neuron-split';
import { NeighbourhoodCache } from './neighbourhood-cache';
import { onlineUpdate } from './online';

/** How many rows initFrom reads: enough for PCA or sampled codebooks, without reading back a whole split. */
export const INIT_ROWS = 5000;

export class Som {
  readonly codebook: tf.Variable<tf.Rank.R2>;
  private readonly h: NeighbourhoodCache;
  private readonly hFn: (d2: number, sigma: number) => number;
  private readonly ownsCodebook: boolean;
  private readonly split = new NeuronSplit();

  /** `codebook` may be supplied (a layer's non-trainable weight); otherwise the Som owns a new variable. */
  constructor(
    readonly grid: Grid,
    readonly dim: number,
    readonly neighbourhood: Neighbourhood = 'gaussian',
    private readonly seed = 0,
    codebook?: tf.Variable,
  ) {
    this.hFn = neighbourhoodFn(neighbourhood);
    this.h = new NeighbourhoodCache(grid.dist2, grid.n, neighbourhood);
    if (codebook && (codebook.shape[0] !== grid.n || codebook.shape[1] !== dim)) {
      throw new Error(`codebook variable is [${codebook.shape.join(', ')}]; this SOM needs [${grid.n}, ${dim}]`);
    }
    // tidy frees the zeros the new variable was made from.
    this.codebook = (codebook ?? tf.tidy(() => tf.variable(tf.zeros([grid.n, dim]), false))) as tf.Variable<tf.Rank.R2>;
    this.ownsCodebook = !codebook;
  }

  /** Initialises the codebook from the first INIT_ROWS rows of `x` (all of them when fewer). */
  async initFrom(x: tf.Tensor, method: SomInit): Promise<void> {
    const n = Math.min(x.shape[0]!, INIT_ROWS);
    const head = tf.tidy(() => tf.reshape(tf.slice(x, 0, n), [n, this.dim]));
    const data = (await head.data()) as Float32Array;
    head.dispose();
    this.setCodebook(initCodebook(method, data, this.dim, this.grid, this.seed));
  }

  setCodebook(w: Float32Array): void {
    if (w.length !== this.grid.n * this.dim)
      throw new Error(`codebook needs ${this.grid.n}×${this.dim} values, received ${w.length}`);
    tf.tidy(() => this.codebook.assign(tf.tensor2d(w, [this.grid.n, this.dim])));
  }

  async getCodebook(): Promise<Float32Array> {
    return (await this.codebook.data()) as Float32Array;
  }

  /** Squared distances [B, N] (clamped at 0 against rounding). */
  distances(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.relu(tf.add(scores(x, this.codebook), tf.sum(tf.square(x), 1, true))) as tf.Tensor2D);
  }

  /** Best-matching unit of each row, int32 [B]. For inputs of any size without a [B, N] matrix, use winnersOf. */
  winners(x: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => tf.argMin(scores(x, this.codebook), 1) as tf.Tensor1D);
  }

  /** The batch rule on this minibatch: W = hᵀX / Σh per neuron; neurons no sample reaches keep their vector. */
  trainBatch(x: tf.Tensor2D, sigma: number): void {
    this.trainBatchBlended(x, sigma, 1);
  }

  /**
   * Minibatch form for big datasets: W ← (1 − α)W + α·(hᵀX / Σh). α = 1 is the plain batch rule; α above 1
   * (a learning-rate schedule may start there) acts as 1, since a blend past the batch target overshoots it.
   */
  trainBatchBlended(x: tf.Tensor2D, sigma: number, alpha: number, whole = false): void {
    if (!(alpha >= 0)) throw new Error(`SOM batch blend α must be a number ≥ 0, received ${alpha}`);
    this.checkInput(x, 'trainBatch');
    const h = this.h.get(sigma); // built outside the tidy: the cache owns it
    const a = Math.min(alpha, 1),
      r = currentReducer();
    // `whole`: x is the whole batch on every rank, and each steps its block of neurons (splitsByNeurons).
    if (whole && r.size > 1) return this.split.step(this.codebook, x, h, a, r);
    tf.tidy(() => {
      if (r.size === 1) return this.codebook.assign(batchBlend(this.codebook, x, h, a));
      // Else x is this rank's share of the batch; Σ hᵀX and Σh summed over ranks give every rank the one-thread step.
      const [num, den] = reduceTensors(sumsOf(this.codebook, x, h)) as [tf.Tensor2D, tf.Tensor1D];
      this.codebook.assign(blendSums(this.codebook, num, den, a));
    });
  }

  /** The online rule w_j ← w_j + α·h_j·(x − w_j), sample by sample, on the host (small maps, exact order). */
  async trainOnline(x: tf.Tensor2D, sigma: number, alpha: number): Promise<void> {
    this.checkInput(x, 'trainOnline');
    const xs = (await x.data()) as Float32Array;
    const w = await this.getCodebook();
    onlineUpdate(w, xs, this.dim, this.grid, (d2) => this.hFn(d2, sigma), alpha);
    this.setCodebook(w);
  }

  /** Mean quantisation error and topographic error over `x`, in one pass of chunks (`progress`: rows done). */
  async quality(x: tf.Tensor, progress?: (rows: number) => void): Promise<{ qe: number; te: number }> {
    const n = x.shape[0]!,
      k = Math.min(2, this.grid.n);
    let qe = 0,
      errors = 0;
    for (let s = 0; s < n; s += CHUNK) {
      const m = Math.min(CHUNK, n - s);
      const [vals, idx] = tf.tidy(() => {
        const top = tf.topk(tf.neg(this.distances(tf.reshape(tf.slice(x, s, m), [m, this.dim]))), k);
        return [tf.sqrt(tf.relu(tf.neg(tf.slice(top.values, [0, 0], [m, 1])))), top.indices];
      });
      const [v, i] = await Promise.all([vals!.data(), idx!.data()]);
      tf.dispose([vals!, idx!]);
      for (let r = 0; r < m; r++) qe += v[r]!;
      if (k === 2) errors += topographicErrors(this.grid, i, m);
      progress?.(s + m);
    }
    return { qe: qe / n, te: k === 2 ? errors / n : 0 };
  }

  async quantizationError(x: tf.Tensor): Promise<number> {
    return (await this.quality(x)).qe;
  }
  async topographicError(x: tf.Tensor): Promise<number> {
    return (await this.quality(x)).te;
  }

  /** Winners of any number of rows, read back chunk by chunk. */
  async winnersOf(x: tf.Tensor): Promise<Int32Array> {
    const n = x.shape[0]!,
      out = new Int32Array(n);
    for (let s = 0; s < n; s += CHUNK) {
      const m = Math.min(CHUNK, n - s);
      const w = tf.tidy(() => this.winners(tf.reshape(tf.slice(x, s, m), [m, this.dim])));
      out.set(await w.data(), s);
      w.dispose();
    }
    return out;
  }

  async hits(x: tf.Tensor): Promise<Float32Array> {
    return hitsOf(await this.winnersOf(x), this.grid.n);
  }

  /** Majority label per neuron; -1 where no labelled sample won. Labels outside [0, nClasses) are ignored. */
  async classMap(x: tf.Tensor, labels: Int32Array, nClasses: number): Promise<Int32Array> {
    return classMapOf(await this.winnersOf(x), labels, this.grid.n, nClasses);
  }

  /** Mean codebook distance of each neuron to its lattice neighbours. */
  async uMatrix(): Promise<Float32Array> {
    return uMatrixOf(await this.getCodebook(), this.dim, this.grid);
  }

  async componentPlane(feature: number): Promise<Float32Array> {
    if (!(Number.isInteger(feature) && feature >= 0 && feature < this.dim))
      throw new Error(`component ${feature} is out of range 0..${this.dim - 1}`);
    const w = await this.getCodebook();
    return Float32Array.from({ length: this.grid.n }, (_, j) => w[j * this.dim + feature]!);
  }

  dispose(): void {
    if (this.ownsCodebook) this.codebook.dispose();
    this.h.dispose();
    this.split.dispose();
  }

  private checkInput(x: tf.Tensor, who: string): void {
    if (x.rank !== 2 || x.shape[1] !== this.dim)
      throw new Error(`Som.${who}: x must be [batch, ${this.dim}], received [${x.shape.join(', ')}]`);
  }
}

export function somFromConfig(
  cfg: Pick<SomConfig, 'rows' | 'cols' | 'topology' | 'neighbourhood'>,
  dim: number,
  seed: number,
): Som {
  return new Som(makeGrid(cfg.rows, cfg.cols, cfg.topology), dim, cfg.neighbourhood, seed);
}
