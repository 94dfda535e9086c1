/**
 * SoftSom, the differentiable SOM layer (docs/SCIENCE.md §6, seed 002 "Embedding SOMs into neural networks"):
 *   out(p) = Σ_v g_v exp(−β‖p − l_v‖) / Σ_v exp(−β‖p − l_v‖)
 * a softmax over −β‖p − l_v‖ weighting the grid coordinates g_v [V, m] (m = 2 on 2-D grids, 1 on chain
 * and ring: the column index). The node locations l [V, n] are a weight, trainable by gradients or fixed
 * (`trainableLocations`), and the codebook of a Som, so the Kohonen rule can organise them too (trainSom).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { pickOption, TOPOLOGIES, type SomInit, type Topology } from '../../shared/options';
import { Som } from '../som';
import { makeGrid, type Grid } from '../../shared/som-math';
import { oneTensor, positiveInt, singleShape, type LayerArgs } from './shapes';

export interface SoftSomArgs extends LayerArgs {
  rows: number;
  cols: number;
  /** Checked again when built: a layer config read back from JSON may carry any string. */
  topology?: Topology;
  /** Sharpness β > 0: large β tends to the hard winner's coordinates. */
  beta: number;
  /** Whether gradients move the node locations. Default true. */
  trainableLocations?: boolean;
  seed?: number;
}

/** Grid coordinates g [V, m]: (row, col) positions, or the column alone on 1-D lattices. */
export function gridCoords(g: Grid): { data: Float32Array; m: number } {
  if (g.topology === 'chain' || g.topology === 'ring')
    return { data: Float32Array.from({ length: g.n }, (_, j) => g.positions[j * 2 + 1]!), m: 1 };
  return { data: g.positions.slice(), m: 2 };
}

/** Each node's share of each sample, softmax over −β‖p − l_v‖ for p [B, n], l [V, n]: [B, V], rows sum to 1. */
export function softSomWeights(p: tf.Tensor2D, l: tf.Tensor2D, beta: number): tf.Tensor2D {
  return tf.tidy(() => {
    const d2 = tf.relu(
      tf.add(tf.sub(tf.sum(tf.square(p), 1, true), tf.mul(tf.matMul(p, l, false, true), 2)), tf.sum(tf.square(l), 1)),
    );
    // +1e-12 keeps sqrt's gradient finite where p sits on a node; tf.softmax subtracts the max logit.
    return tf.softmax(tf.mul(tf.sqrt(tf.add(d2, 1e-12)), -beta));
  });
}

/** The soft-SOM map for p [B, n], l [V, n], g [V, m]: differentiable in p and l. */
export function softSomMap(p: tf.Tensor2D, l: tf.Tensor2D, g: tf.Tensor2D, beta: number): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(softSomWeights(p, l, beta), g) as tf.Tensor2D);
}

function gridOf(args: SoftSomArgs): Grid {
  const rows = positiveInt('SoftSom', 'rows', args.rows),
    cols = positiveInt('SoftSom', 'cols', args.cols);
  try {
    return makeGrid(rows, cols, pickOption('topology', TOPOLOGIES, args.topology ?? 'rect'));
  } catch (e) {
    throw new Error(`SoftSom: ${(e as Error).message}`);
  }
}

export class SoftSom extends tfl.layers.Layer {
  static className = 'SoftSom';
  readonly grid: Grid;
  readonly beta: number;
  readonly trainableLocations: boolean;
  readonly seed: number;
  private map: Som | null = null;
  private coords: tf.Tensor2D | null = null;

  constructor(args: SoftSomArgs) {
    super(args);
    if (typeof args.beta !== 'number' || !(args.beta > 0 && Number.isFinite(args.beta)))
      throw new Error(`SoftSom: beta must be a finite number > 0, received ${String(args.beta)}`);
    this.grid = gridOf(args);
    this.beta = args.beta;
    this.trainableLocations = args.trainableLocations ?? true;
    this.seed = args.seed ?? 0;
  }

  /** m: 2 on 2-D grids, 1 on chain and ring. */
  get outputSize(): number {
    return gridCoords(this.grid).m;
  }

  /** The Som over the node locations (views, QE/TE, initialisation). */
  get som(): Som {
    if (!this.map) throw new Error('SoftSom: the layer is not built yet (apply it to an input first)');
    return this.map;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const s = singleShape('SoftSom', inputShape),
      n = s[1];
    if (s.length !== 2 || n == null)
      throw new Error(
        `SoftSom needs inputs [batch, features] with a known feature count, received shape [${s.join(', ')}]`,
      );
    const init = tfl.initializers.randomUniform({ minval: 0, maxval: 1, seed: this.seed + 7 });
    const locations = this.addWeight(
      'locations',
      [this.grid.n, n],
      'float32',
      init,
      undefined,
      this.trainableLocations,
    );
    this.map = new Som(this.grid, n, 'gaussian', this.seed, locations.read() as tf.Variable);
    const g = gridCoords(this.grid);
    this.coords = tf.keep(tf.tensor2d(g.data, [this.grid.n, g.m]));
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return [singleShape('SoftSom', inputShape)[0] ?? null, this.outputSize];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return softSomMap(oneTensor('SoftSom', inputs) as tf.Tensor2D, this.som.codebook, this.coords!, this.beta);
  }

  /** Kohonen step on the node locations: W ← (1−α)W + α·hᵀP/Σh at σ_org on the grid. */
  trainSom(p: tf.Tensor, sigmaOrg: number, alpha: number): void {
    if (p.rank !== 2 || p.shape[1] !== this.som.dim)
      throw new Error(`SoftSom.trainSom: p must be [batch, ${this.som.dim}], received [${p.shape.join(', ')}]`);
    if (!(sigmaOrg > 0 && Number.isFinite(sigmaOrg)))
      throw new Error(`SoftSom.trainSom: sigmaOrg must be a finite number > 0, received ${sigmaOrg}`);
    if (!(alpha > 0 && alpha <= 1)) throw new Error(`SoftSom.trainSom: alpha must be in (0, 1], received ${alpha}`);
    this.som.trainBatchBlended(p as tf.Tensor2D, sigmaOrg, alpha);
  }

  async initSom(p: tf.Tensor, method: SomInit): Promise<void> {
    await this.som.initFrom(p, method);
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { rows, cols, topology } = this.grid;
    return {
      rows,
      cols,
      topology,
      beta: this.beta,
      trainableLocations: this.trainableLocations,
      seed: this.seed,
      ...super.getConfig(),
    };
  }

  protected override disposeWeights(): number {
    this.coords?.dispose();
    this.coords = null;
    this.map?.dispose(); // its neighbourhood cache; the locations weight is the layer's
    this.map = null;
    return super.disposeWeights();
  }
}

tf.serialization.registerClass(SoftSom);
