/**
 * The Kohonen SOM on tfjs: codebook W [N, D] as a variable. Batch training is one distance matmul
 * (‖x‖² − 2xWᵀ + ‖w‖²), argMin, a gather of precomputed neighbourhood rows and W = hᵀX / Σh, with no
 * read-back inside a step. Quality and views are read back in chunks so 60k×784 never becomes one matrix.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SomConfig } from '../../shared/spec';
import { areNeighbours, makeGrid, neighbourLists, type Grid } from './grid';
import { initCodebook } from './init';
import { NeighbourhoodCache, neighbourhoodFn } from './neighbourhood';

const CHUNK = 4096;

export class Som {
  readonly codebook: tf.Variable<tf.Rank.R2>;
  private readonly h: NeighbourhoodCache;
  private readonly hFn: (d2: number, sigma: number) => number;

  /** `codebook` may be supplied (a layer's non-trainable weight); otherwise the Som owns a new variable. */
  constructor(readonly grid: Grid, readonly dim: number, readonly neighbourhood = 'gaussian', private readonly seed = 0, codebook?: tf.Variable) {
    this.hFn = neighbourhoodFn(neighbourhood);
    this.h = new NeighbourhoodCache(grid.dist2, grid.n, neighbourhood);
    if (codebook && (codebook.shape[0] !== grid.n || codebook.shape[1] !== dim)) {
      throw new Error(`codebook variable is [${codebook.shape.join(', ')}]; this SOM needs [${grid.n}, ${dim}]`);
    }
    // tidy frees the zeros the new variable was made from.
    this.codebook = (codebook ?? tf.tidy(() => tf.variable(tf.zeros([grid.n, dim]), false))) as tf.Variable<tf.Rank.R2>;
    this.ownsCodebook = !codebook;
  }

  private readonly ownsCodebook: boolean;

  async initFrom(x: tf.Tensor, method: string): Promise<void> {
    const n = Math.min(x.shape[0]!, 5000);
    const head = tf.tidy(() => tf.reshape(tf.slice(x, 0, n), [n, this.dim]));
    const data = (await head.data()) as Float32Array;
    head.dispose();
    this.setCodebook(initCodebook(method, data, this.dim, this.grid, this.seed));
  }

  setCodebook(w: Float32Array): void {
    if (w.length !== this.grid.n * this.dim) throw new Error(`codebook needs ${this.grid.n}×${this.dim} values, received ${w.length}`);
    tf.tidy(() => this.codebook.assign(tf.tensor2d(w, [this.grid.n, this.dim])));
  }

  async getCodebook(): Promise<Float32Array> {
    return (await this.codebook.data()) as Float32Array;
  }

  /** Squared distances [B, N] (clamped at 0 against rounding). */
  distances(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const w = this.codebook;
      const xw = tf.matMul(x, w, false, true);
      const ww = tf.sum(tf.square(w), 1);
      const xx = tf.sum(tf.square(x), 1, true);
      return tf.relu(tf.add(tf.sub(xx, tf.mul(xw, 2)), ww)) as tf.Tensor2D;
    });
  }

  winners(x: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => {
      // ‖x‖² is the same for every neuron: argMin needs only ‖w‖² − 2xWᵀ.
      const score = tf.sub(tf.sum(tf.square(this.codebook), 1), tf.mul(tf.matMul(x, this.codebook, false, true), 2));
      return tf.argMin(score, 1) as tf.Tensor1D;
    });
  }

  /** The batch rule on this minibatch: hᵀX / Σh per neuron (neurons no sample reaches keep their vector). */
  private batchTarget(x: tf.Tensor2D, sigma: number): tf.Tensor2D {
    const hw = tf.gather(this.h.get(sigma), this.winners(x)); // [B, N]: h(j*(i), j)
    const num = tf.matMul(hw, x, true, false); // [N, D]
    const den = tf.reshape(tf.sum(hw, 0), [-1, 1]);
    // keep = 1 for neurons no sample reaches. Arithmetic, not tf.where: a broadcast Select costs ~19 ms on
    // wasm for 400×784 (the whole rest of the step costs ~18 ms).
    const keep = tf.cast(tf.lessEqual(den, 1e-12), 'float32');
    const target = tf.div(num, tf.maximum(den, 1e-12));
    return tf.add(tf.mul(target, tf.sub(1, keep)), tf.mul(this.codebook, keep)) as tf.Tensor2D;
  }

  trainBatch(x: tf.Tensor2D, sigma: number): void {
    tf.tidy(() => this.codebook.assign(this.batchTarget(x, sigma)));
  }

  /** Minibatch form for big datasets: W ← (1 − α)W + α·batchTarget. α = 1 is the plain batch rule. */
  trainBatchBlended(x: tf.Tensor2D, sigma: number, alpha: number): void {
    tf.tidy(() => {
      const target = this.batchTarget(x, sigma);
      this.codebook.assign(alpha >= 1 ? target : tf.add(tf.mul(this.codebook, 1 - alpha), tf.mul(target, alpha)));
    });
  }

  /** The online rule w_j ← w_j + α·h_j·(x − w_j), sample by sample, on the host (small maps, exact order). */
  async trainOnline(x: tf.Tensor2D, sigma: number, alpha: number): Promise<void> {
    const xs = (await x.data()) as Float32Array;
    const w = await this.getCodebook();
    onlineUpdate(w, xs, this.dim, this.grid, (d2) => this.hFn(d2, sigma), alpha);
    this.setCodebook(w);
  }

  /** Mean quantisation error and topographic error over `x`, in one pass of chunks. */
  async quality(x: tf.Tensor): Promise<{ qe: number; te: number }> {
    const n = x.shape[0]!;
    let qe = 0, errors = 0;
    for (let s = 0; s < n; s += CHUNK) {
      const m = Math.min(CHUNK, n - s);
      const [vals, idx] = tf.tidy(() => {
        const d = this.distances(tf.reshape(tf.slice(x, s, m), [m, this.dim]));
        const k = Math.min(2, this.grid.n);
        const top = tf.topk(tf.neg(d), k);
        return [tf.sqrt(tf.relu(tf.neg(tf.slice(top.values, [0, 0], [m, 1])))), top.indices];
      });
      const [v, i] = await Promise.all([vals!.data(), idx!.data()]);
      tf.dispose([vals!, idx!]);
      for (let r = 0; r < m; r++) qe += v[r]!;
      if (this.grid.n > 1) for (let r = 0; r < m; r++) if (!areNeighbours(this.grid, i[r * 2]!, i[r * 2 + 1]!)) errors += 1;
    }
    return { qe: qe / n, te: this.grid.n > 1 ? errors / n : 0 };
  }

  async winnersOf(x: tf.Tensor): Promise<Int32Array> {
    const n = x.shape[0]!, out = new Int32Array(n);
    for (let s = 0; s < n; s += CHUNK) {
      const m = Math.min(CHUNK, n - s);
      const w = tf.tidy(() => this.winners(tf.reshape(tf.slice(x, s, m), [m, this.dim])));
      out.set(await w.data(), s);
      w.dispose();
    }
    return out;
  }

  async hits(x: tf.Tensor): Promise<Float32Array> {
    const h = new Float32Array(this.grid.n);
    for (const j of await this.winnersOf(x)) h[j]! += 1;
    return h;
  }

  /** Majority label per neuron; -1 where no labelled sample won. */
  async classMap(x: tf.Tensor, labels: Int32Array, nClasses: number): Promise<Int32Array> {
    const counts = new Int32Array(this.grid.n * nClasses);
    const win = await this.winnersOf(x);
    win.forEach((j, i) => { const y = labels[i]!; if (y >= 0 && y < nClasses) counts[j * nClasses + y]! += 1; });
    return majority(counts, this.grid.n, nClasses);
  }

  /** Mean codebook distance of each neuron to its lattice neighbours. */
  async uMatrix(): Promise<Float32Array> {
    return uMatrixOf(await this.getCodebook(), this.dim, this.grid);
  }

  async componentPlane(feature: number): Promise<Float32Array> {
    if (!(feature >= 0 && feature < this.dim)) throw new Error(`component ${feature} is out of range 0..${this.dim - 1}`);
    const w = await this.getCodebook();
    return Float32Array.from({ length: this.grid.n }, (_, j) => w[j * this.dim + feature]!);
  }

  dispose(): void {
    if (this.ownsCodebook) this.codebook.dispose();
    this.h.dispose();
  }
}

export function onlineUpdate(w: Float32Array, xs: Float32Array, d: number, g: Grid, h: (d2: number) => number, alpha: number): void {
  const n = xs.length / d;
  for (let i = 0; i < n; i++) {
    let best = 0, bestD = Infinity;
    for (let j = 0; j < g.n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) { const e = xs[i * d + k]! - w[j * d + k]!; s += e * e; }
      if (s < bestD) { bestD = s; best = j; }
    }
    for (let j = 0; j < g.n; j++) {
      const a = alpha * h(g.dist2[best * g.n + j]!);
      if (a === 0) continue;
      for (let k = 0; k < d; k++) w[j * d + k]! += a * (xs[i * d + k]! - w[j * d + k]!);
    }
  }
}

export function majority(counts: Int32Array, n: number, nClasses: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let c = 0; c < nClasses; c++) if (counts[j * nClasses + c]! > best) { best = counts[j * nClasses + c]!; out[j] = c; }
  }
  return out;
}

export function uMatrixOf(w: Float32Array, d: number, g: Grid): Float32Array {
  const lists = neighbourLists(g);
  return Float32Array.from(lists, (nb, j) => {
    if (nb.length === 0) return 0;
    let total = 0;
    for (const k of nb) { let s = 0; for (let q = 0; q < d; q++) { const e = w[j * d + q]! - w[k * d + q]!; s += e * e; } total += Math.sqrt(s); }
    return total / nb.length;
  });
}

export function somFromConfig(cfg: Pick<SomConfig, 'rows' | 'cols' | 'topology' | 'neighbourhood'>, dim: number, seed: number): Som {
  return new Som(makeGrid(cfg.rows, cfg.cols, cfg.topology), dim, cfg.neighbourhood, seed);
}
