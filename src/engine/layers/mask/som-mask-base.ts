/**
 * What the three SOM-masked layers share (docs/SCIENCE.md §4): N units on a SOM grid, a forward mask from the
 * SOM's winner (σ_fwd, threshold θ or K active units), mask before or after the ReLU, and the Kohonen
 * training of the SOM on the layer's own input between gradient steps (σ_org). Subclasses say what the
 * SOM sees and how the mask meets the pre-activation.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { MASK_ORDERS, THRESHOLD_AT } from '../../../shared/spec-nets';
import { pickOption, TOPOLOGIES, type Topology } from '../../../shared/options';
import { SomGate, type GateStats } from './som-gate';

export interface SomMaskArgs {
  rows: number;
  cols: number;
  /** Checked again when built: a layer config read back from JSON may carry any string. */
  topology?: Topology;
  /** Forward-mask radius; 'inf' (or Infinity) = no mask. */
  sigmaFwd?: number | 'inf';
  threshold?: number;
  thresholdAt?: 'train-and-eval' | 'eval';
  order?: 'som-relu' | 'relu-som';
  activeUnits?: number;
  seed?: number;
  name?: string;
  inputShape?: number[];
}

type LayerWeight = ReturnType<tfl.layers.Layer['addWeight']>;

function checkArgs(cls: string, a: SomMaskArgs): void {
  for (const k of ['rows', 'cols'] as const) {
    if (!Number.isInteger(a[k]) || a[k] < 1)
      throw new Error(`${cls}: ${k} must be a whole number ≥ 1, received ${String(a[k])}`);
  }
  pickOption(`${cls} thresholdAt`, THRESHOLD_AT, a.thresholdAt ?? 'train-and-eval');
  if (a.threshold !== undefined && !(a.threshold >= 0 && a.threshold < 1))
    throw new Error(`${cls}: threshold must be in [0, 1), received ${a.threshold}`);
  if (a.sigmaFwd !== undefined && a.sigmaFwd !== 'inf' && !(a.sigmaFwd > 0))
    throw new Error(`${cls}: sigmaFwd must be > 0 or "inf", received ${String(a.sigmaFwd)}`);
  pickOption(`${cls} order`, MASK_ORDERS, a.order ?? 'som-relu');
  pickOption(`${cls} topology`, TOPOLOGIES, a.topology ?? 'rect');
}

export abstract class SomMaskBase extends tfl.layers.Layer {
  readonly units: number;
  readonly maskArgs: Required<Omit<SomMaskArgs, 'activeUnits' | 'name' | 'inputShape' | 'thresholdAt'>> & {
    activeUnits?: number;
    thresholdAt?: 'train-and-eval' | 'eval';
  };
  protected gate: SomGate | null = null;
  protected codebook: LayerWeight | null = null;
  /** The SOM's view of the last training batch, kept for the Kohonen step after the gradient step. */
  private lastSomInput: tf.Tensor2D | null = null;
  /**
   * The SOM learns even where it does not gate (σ_fwd = ∞ on a layer the spec marks `mask: true`): the CNN
   * baseline then shows the map its layer's inputs organise, beside the SOM-CNN's, while the network itself
   * is untouched (the codebook is not trainable and no mask multiplies the layer). Set by the model builder;
   * not part of the layer's config.
   */
  organise = false;

  constructor(args: SomMaskArgs) {
    super({ name: args.name, inputShape: args.inputShape });
    const cls = (this.constructor as unknown as { className: string }).className;
    checkArgs(cls, args);
    const sigmaFwd = args.sigmaFwd === Infinity ? 'inf' : (args.sigmaFwd ?? 5);
    this.maskArgs = {
      rows: args.rows,
      cols: args.cols,
      topology: args.topology ?? 'rect',
      sigmaFwd,
      threshold: args.threshold ?? 0,
      order: args.order ?? 'som-relu',
      activeUnits: args.activeUnits,
      seed: args.seed ?? 0,
      ...(args.thresholdAt === 'eval' ? { thresholdAt: 'eval' as const } : {}),
    };
    this.units = args.rows * args.cols;
  }

  /** Adds the non-trainable codebook and its gate once the SOM's input size is known. */
  protected buildGate(somDim: number): void {
    const a = this.maskArgs;
    this.codebook = this.addWeight(
      'codebook',
      [this.units, somDim],
      'float32',
      tfl.initializers.randomUniform({ minval: 0, maxval: 1, seed: a.seed + 7 }),
      undefined,
      false,
    );
    this.gate = new SomGate(
      a.rows,
      a.cols,
      a.topology,
      somDim,
      this.codebook.read() as tf.Variable,
      { sigmaFwd: a.sigmaFwd, threshold: a.threshold, activeUnits: a.activeUnits, thresholdAt: a.thresholdAt },
      a.seed,
    );
  }

  /** Whether the layer's SOM is trained and viewed: it gates, or it organises alongside. */
  get learns(): boolean {
    return this.somGate.enabled || this.organise;
  }

  get somGate(): SomGate {
    if (!this.gate) throw new Error(`${this.name}: the layer is not built yet`);
    return this.gate;
  }

  /** ReLU with the mask before (SOM-ReLU) or after (ReLU-SOM); `m` already broadcasts against `z`. */
  protected gated(z: tf.Tensor, m: tf.Tensor | null): tf.Tensor {
    if (!m) return tf.relu(z);
    return this.maskArgs.order === 'som-relu' ? tf.relu(tf.mul(m, z)) : tf.mul(m, tf.relu(z));
  }

  protected remember(somInput: tf.Tensor2D, training: boolean): void {
    if (!training || !this.gate || !(this.gate.enabled || this.organise)) return;
    this.lastSomInput?.dispose();
    this.lastSomInput = tf.keep(tf.clone(somInput));
  }

  /** Kohonen step on the last training batch's SOM inputs (called by the model after each gradient step). */
  trainSom(sigmaOrg: number, alpha: number): void {
    if (!this.lastSomInput || !this.gate) return;
    this.gate.trainOn(this.lastSomInput, sigmaOrg, alpha);
    this.lastSomInput.dispose();
    this.lastSomInput = null;
  }

  /** What the SOM sees for inputs `x` (flat rows), for winners, snapshots and initialisation. */
  abstract somInput(x: tf.Tensor): tf.Tensor2D;

  maskStats(): Promise<GateStats> {
    return this.somGate.stats();
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { rows, cols, topology, sigmaFwd, threshold, thresholdAt, order, activeUnits, seed } = this.maskArgs;
    return {
      ...super.getConfig(),
      rows,
      cols,
      topology,
      sigmaFwd,
      threshold,
      order,
      seed,
      ...(activeUnits !== undefined ? { activeUnits } : {}),
      ...(thresholdAt ? { thresholdAt } : {}),
    };
  }

  override dispose(): ReturnType<tfl.layers.Layer['dispose']> {
    this.lastSomInput?.dispose();
    this.lastSomInput = null;
    this.gate?.dispose();
    return super.dispose();
  }
}
