/**
 * The SOM half of a SOM-masked layer: a Kohonen map whose winner for each input picks a row of the mask
 * table. The mask is built from argMin and a constant table, so no gradient flows through it; the SOM
 * itself learns by the Kohonen rule (trainOn), with its own σ_org, never by gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Topology } from '../../../shared/options';
import { Som } from '../../som';
import { makeGrid, type Grid } from '../../../shared/som-math';
import { constantOf } from '../detach';
import { activeLevel, maskTable, type MaskOptions } from './mask-table';

export interface GateStats {
  sparsity: number;
  strength: number;
}

export class SomGate {
  readonly som: Som;
  readonly grid: Grid;
  private readonly table: tf.Tensor2D | null;
  /** The mask table of training-mode calls when θ applies only at evaluation (else the same table). */
  private readonly trainTable: tf.Tensor2D | null;
  /** Sparsity and strength of the last training-mode mask, as kept scalars read only on request. */
  private last: [tf.Scalar, tf.Scalar] | null = null;

  constructor(
    rows: number,
    cols: number,
    topology: Topology,
    dim: number,
    codebook: tf.Variable,
    readonly opts: MaskOptions,
    seed: number,
  ) {
    this.grid = makeGrid(rows, cols, topology);
    this.som = new Som(this.grid, dim, 'gaussian', seed, codebook);
    const unmasked = opts.sigmaFwd === 'inf' && opts.activeUnits === undefined;
    const build = (o: MaskOptions) =>
      tf.keep(tf.tensor2d(maskTable(this.grid.dist2, this.grid.n, o), [this.grid.n, this.grid.n]));
    this.table = unmasked ? null : build(opts);
    const evalOnly = opts.thresholdAt === 'eval' && opts.threshold > 0;
    this.trainTable = unmasked ? null : evalOnly ? build({ ...opts, threshold: 0 }) : this.table;
  }

  get enabled(): boolean {
    return this.table !== null;
  }

  /**
   * m [·, N] for the SOM rows `toRows(x)` (null when σ_fwd = ∞: the layer is unmasked). Built inside
   * constantOf: zero gradient, and the patch extraction and distance matmul are not taped at all.
   */
  mask(
    x: tf.Tensor,
    record: boolean,
    toRows: (x: tf.Tensor) => tf.Tensor2D = (v) => v as tf.Tensor2D,
    training = false,
  ): tf.Tensor2D | null {
    if (!this.table) return null;
    const table = training ? this.trainTable! : this.table;
    // Layers record on every call, training or not: evaluation statistics are what the θ sweep reports.
    const m = constantOf(x, (input) => tf.gather(table, this.som.winners(toRows(input))) as tf.Tensor2D);
    if (record) this.record(m);
    return m;
  }

  record(m: tf.Tensor): void {
    const stats = tf.tidy(
      () =>
        [tf.mean(tf.cast(tf.greater(m, activeLevel(this.opts.threshold)), 'float32')), tf.mean(m)] as [
          tf.Scalar,
          tf.Scalar,
        ],
    );
    this.last?.forEach((t) => t.dispose());
    this.last = [tf.keep(stats[0]), tf.keep(stats[1])];
  }

  async stats(): Promise<GateStats> {
    if (!this.table) return { sparsity: 1, strength: 1 };
    if (!this.last) return { sparsity: NaN, strength: NaN };
    const [s, m] = await Promise.all(this.last.map((t) => t.data()));
    return { sparsity: s![0]!, strength: m![0]! };
  }

  /** One Kohonen step on flat inputs x [B, D]: W ← (1 − α)W + α·hᵀX/Σh at σ_org. */
  trainOn(x: tf.Tensor2D, sigmaOrg: number, alpha: number): void {
    this.som.trainBatchBlended(x, sigmaOrg, alpha);
  }

  dispose(): void {
    if (this.trainTable !== this.table) this.trainTable?.dispose();
    this.table?.dispose();
    this.last?.forEach((t) => t.dispose());
    this.som.dispose();
  }
}
