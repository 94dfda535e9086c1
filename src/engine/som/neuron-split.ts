/**
 * The batch SOM step split by neurons across the ranks of a worker pool. The data-parallel split (each rank's
 * Σ hᵀX over its share of the rows, summed) moves and adds the whole [N, D] codebook every step, and every rank
 * repeats the O(N·D) work (W's transpose for the product, the blend): on the 400×784 step at 256 rows two
 * threads took longer than one. Here every rank holds the whole batch and owns rows [lo, hi) of the codebook: it
 * finds each sample's nearest neuron among its own, the ranks gather those (2 numbers a sample) and pick the
 * winners, and each rank steps its own rows. Each rank does 1/size of both products and of the blend. Rank 0
 * collects the new rows into the whole codebook (it alone evaluates, snapshots and saves); the other ranks keep
 * only their block between steps, so their codebook variable is stale while the run trains. The winners are the
 * one-thread winners but for near-ties: a rank's scores come from a product over its own block, which may round
 * differently.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CHUNK, fused } from './batch';
import { SOM_BEST, SOM_STEP } from './kernels/names';
import { shareOf, type Reducer } from '../parallel/reduce';

/** Whether a step of `rows` rows on an N-neuron map can split by neurons across `ranks` ranks here. */
export function splitsByNeurons(rows: number, neurons: number, ranks: number): boolean {
  return ranks > 1 && neurons >= ranks && rows <= CHUNK && fused(SOM_BEST) && fused(SOM_STEP);
}

/**
 * Each sample's winner from every rank's [best [B], neuron [B]] end to end in rank order: the highest score,
 * ties to the lower rank (the lower neuron index, as one thread breaks them).
 */
export function winnersFrom(all: Float32Array, b: number, ranks: number): Int32Array {
  const win = new Int32Array(b);
  for (let i = 0; i < b; i++) {
    let top = all[i]!;
    win[i] = all[b + i]!;
    for (let k = 1; k < ranks; k++) {
      const v = all[k * 2 * b + i]!;
      if (v > top) {
        top = v;
        win[i] = all[k * 2 * b + b + i]!;
      }
    }
  }
  return win;
}

/** One rank's block of the codebook between neuron-split steps. */
export class NeuronSplit {
  private mine: tf.Tensor2D | null = null;
  /** The codebook data `mine` was cut from or written into (a codebook set since then is cut again). */
  private from: object | null = null;

  /** This rank's part of the step on the whole batch x (see the module comment). */
  step(w: tf.Variable<tf.Rank.R2>, x: tf.Tensor2D, h: tf.Tensor2D, alpha: number, r: Reducer): void {
    const [n, d] = w.shape;
    const [lo, hi] = shareOf(n, r);
    if (!this.mine || this.from !== w.dataId) this.keep(tf.slice(w, [lo, 0], [hi - lo, d]), w);
    const next = tf.tidy(() => {
      const win = tf.tensor1d(this.winners(x, lo, r), 'int32');
      return tf.engine().runKernel(SOM_STEP, { x, w: this.mine!, h, win }, { alpha, lo }) as tf.Tensor2D;
    });
    const all = r.collect(next.dataSync() as Float32Array);
    if (all) tf.tidy(() => w.assign(tf.tensor2d(all, [n, d])));
    this.keep(next, w);
  }

  dispose(): void {
    this.mine?.dispose();
    this.mine = this.from = null;
  }

  /** Every sample's winner over all ranks, from this rank's nearest neurons (numbered from lo). */
  private winners(x: tf.Tensor2D, lo: number, r: Reducer): Int32Array {
    const b = x.shape[0];
    const [best, at] = tf.engine().runKernel(SOM_BEST, { x, w: this.mine! }) as tf.Tensor[];
    const part = new Float32Array(2 * b);
    part.set(best!.dataSync());
    const local = at!.dataSync();
    for (let i = 0; i < b; i++) part[b + i] = local[i]! + lo;
    return winnersFrom(r.gather(part), b, r.size);
  }

  private keep(block: tf.Tensor2D, w: tf.Variable): void {
    if (block !== this.mine) this.mine?.dispose();
    this.mine = tf.keep(block);
    this.from = w.dataId;
  }
}
