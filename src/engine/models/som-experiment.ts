/**
 * A plain Kohonen SOM run (docs/SCIENCE.md §1): minibatch batch-SOM (or the online rule) with decaying σ and α,
 * QE/TE on a fixed evaluation subset every snapshot, winner traces of a fixed probe set.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MaskStat, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { SpecOf } from '../../shared/spec';
import { sampleSize, type Dataset } from '../data/types';
import { somFromConfig, type Som } from '../som';
import { decayValue } from '../../shared/som-math';
import type { Experiment, SavedFile } from '../train/experiment';
import { DeviceSplit } from '../data/batches';
import { LateMetrics } from '../train/late-metrics';
import type { ExperimentHooks } from './hooks';
import { pickProbes } from './probes';
import { saveNamedTensors } from './save';
import { currentReducer } from '../parallel/reduce';

const EVAL_SAMPLES = 2000;

/** What a SOM run needs of its spec (plain SOM, patch SOM, SOM after features). */
export type SomRunSpec = Pick<SpecOf<'som'>, 'som' | 'epochs' | 'batchSize' | 'seed' | 'probeCount' | 'snapshotEvery'>;

export class SomExperiment implements Experiment {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly late = new LateMetrics();
  private readonly train: DeviceSplit;
  /** First EVAL_SAMPLES training samples (the split is stored in dataset order). */
  private readonly evalX: tf.Tensor2D;
  private readonly evalY: Int32Array;
  private readonly probeX: tf.Tensor2D;
  private readonly probeY: Int32Array;
  private readonly dim: number;

  private constructor(
    private readonly spec: SomRunSpec,
    readonly som: Som,
    train: DeviceSplit,
    private readonly data: Dataset,
    private readonly codebookShape: number[],
    private readonly hooks: ExperimentHooks<SomExperiment>,
  ) {
    this.train = train;
    this.dim = sampleSize(codebookShape);
    this.stepsPerEpoch = train.stepsPerEpoch(spec.batchSize);
    this.totalSteps = this.stepsPerEpoch * spec.epochs;
    const nEval = Math.min(EVAL_SAMPLES, train.count);
    this.evalX = tf.tidy(() => tf.reshape(tf.slice(train.x, 0, nEval), [nEval, this.dim]) as tf.Tensor2D);
    this.evalY = train.labels.slice(0, nEval);
    // The same number of probes from every class, wherever they sit in the split (not the first files).
    const probes = tf.tidy(() => {
      const p = pickProbes(train.x, train.labels, spec.probeCount);
      return { x: tf.reshape(p.x, [p.y.length, this.dim]) as tf.Tensor2D, y: p.y };
    });
    this.probeX = probes.x;
    this.probeY = probes.y;
  }

  /** `x` holds the training vectors ([n, D] flat), with labels per vector (-1 when none). */
  static async create(
    spec: SomRunSpec,
    data: Dataset,
    vectors: Dataset['train'],
    codebookShape: number[],
    hooks: ExperimentHooks<SomExperiment> = {},
  ): Promise<SomExperiment> {
    const dim = sampleSize(codebookShape);
    const train = new DeviceSplit(vectors, [dim], spec.seed);
    const som = somFromConfig(spec.som, dim, spec.seed);
    await som.initFrom(train.x as tf.Tensor2D, spec.som.init);
    return new SomExperiment(spec, som, train, data, codebookShape, hooks);
  }

  private schedules(step: number): { sigma: number; alpha: number } {
    const T = Math.max(1, this.totalSteps - 1);
    return { sigma: decayValue(this.spec.som.sigma, step, T), alpha: decayValue(this.spec.som.learningRate, step, T) };
  }

  async step(step: number, epoch: number): Promise<Record<string, number>> {
    const { sigma, alpha } = this.schedules(step);
    const { idx } = this.train.shareIndices(epoch, step % this.stepsPerEpoch, this.spec.batchSize);
    const x = this.train.batchX(idx);
    if (this.spec.som.mode === 'online') await this.som.trainOnline(x as tf.Tensor2D, sigma, alpha);
    else this.som.trainBatchBlended(x as tf.Tensor2D, sigma, alpha);
    this.hooks.afterStep?.(this, x, step);
    tf.dispose(x);
    // QE/TE: its kernels are queued now (on this step's codebook), read back later.
    if (currentReducer().rank > 0) return { sigma, lr: alpha }; // rank 0 reports
    if (step % this.spec.snapshotEvery === 0 || step === this.totalSteps - 1)
      this.late.add(step, this.som.quality(this.evalX));
    return { sigma, lr: alpha };
  }

  async evaluate(): Promise<Record<string, number>> {
    return { ...(await this.som.quality(this.evalX)), ...(await this.hooks.evaluate?.(this)) };
  }

  async snapshots(step: number): Promise<SomSnapshot[]> {
    const g = this.som.grid;
    const nClasses = this.data.classes.length;
    const extra = (await this.hooks.snapshots?.(this, step)) ?? [];
    const som: SomSnapshot = {
      step,
      layer: 'som',
      rows: g.rows,
      cols: g.cols,
      topology: g.topology,
      shape: this.codebookShape,
      codebook: await this.som.getCodebook(),
      hits: await this.som.hits(this.evalX),
      umatrix: await this.som.uMatrix(),
      ...(nClasses > 0 ? { classMap: await this.som.classMap(this.evalX, this.evalY, nClasses) } : {}),
    };
    return [som, ...extra];
  }

  async winners(step: number): Promise<WinnerTrace[]> {
    const extra = (await this.hooks.winners?.(this, step)) ?? [];
    if (this.spec.probeCount === 0) return extra;
    const w = tf.tidy(() => this.som.winners(this.probeX));
    const winners = new Int32Array(await w.data());
    w.dispose();
    return [{ step, layer: 'som', winners, labels: this.probeY }, ...extra];
  }

  async maskStats(): Promise<MaskStat[]> {
    return (await this.hooks.maskStats?.(this)) ?? [];
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return { ...(await this.som.quality(this.train.x as tf.Tensor2D)), ...(await this.hooks.finalMetrics?.(this)) };
  }

  async save(): Promise<SavedFile[]> {
    const g = this.som.grid;
    const files = await saveNamedTensors(
      { codebook: this.som.codebook },
      { rows: g.rows, cols: g.cols, topology: g.topology, shape: this.codebookShape },
    );
    return [...files, ...((await this.hooks.save?.(this)) ?? [])];
  }

  dispose(): void {
    this.hooks.dispose?.();
    tf.dispose([this.evalX, this.probeX]);
    this.train.dispose();
    this.som.dispose();
  }
}

export function buildSomExperiment(spec: SpecOf<'som'>, data: Dataset): Promise<SomExperiment> {
  return SomExperiment.create(spec, data, data.train, data.shape);
}
