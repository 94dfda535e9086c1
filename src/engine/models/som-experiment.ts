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
import type { FullQuality } from '../som/full-pass';
import { somSource, type EvalSet, type SomSource } from './som-source';
import { LateMetrics } from '../train/late-metrics';
import type { ExperimentHooks } from './hooks';
import { saveNamedTensors } from './save';
import { currentReducer } from '../parallel/reduce';
import { splitsByNeurons } from '../som/neuron-split';
import { phaseReporter, type Report } from '../train/phase-reporter';

const EVAL_SAMPLES = 2000;

/** What a SOM run needs of its spec (plain SOM, patch SOM, SOM after features). */
export type SomRunSpec = Pick<SpecOf<'som'>, 'som' | 'epochs' | 'batchSize' | 'seed' | 'probeCount' | 'snapshotEvery'>;

export class SomExperiment implements Experiment {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly late = new LateMetrics();
  /** Set by the trainer: notes on long phases as log lines, and how far the full-data evaluation is. */
  progress?: (message: string) => void;
  report?: Report;
  /** What the evaluation at the end found over all rows, and after how many steps. */
  private final: { steps: number; q: Promise<Partial<FullQuality>> } | null = null;
  private trained = 0;
  /** EVAL_SAMPLES training samples: the first ones in memory, a seeded random sample when streamed. */
  private readonly evalX: tf.Tensor2D;
  private readonly evalY: Int32Array;
  private readonly probeX: tf.Tensor2D;
  private readonly probeY: Int32Array;

  private constructor(
    private readonly spec: SomRunSpec,
    readonly som: Som,
    private readonly train: SomSource,
    private readonly data: Dataset,
    private readonly codebookShape: number[],
    private readonly hooks: ExperimentHooks<SomExperiment>,
    evalSet: EvalSet,
    probes: EvalSet,
  ) {
    this.stepsPerEpoch = train.stepsPerEpoch(spec.batchSize);
    this.totalSteps = this.stepsPerEpoch * spec.epochs;
    this.evalX = evalSet.x;
    this.evalY = evalSet.y;
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
    if (vectors.rows && spec.som.mode === 'online')
      throw new Error('the online SOM rule needs the data in memory; use som.mode "batch" for a streamed table');
    const train = somSource(vectors, dim, spec.seed, spec.batchSize);
    const som = somFromConfig(spec.som, dim, spec.seed);
    const head = await train.head(5000);
    await som.initFrom(head, spec.som.init).finally(() => head.dispose());
    const [evalSet, probes] = [await train.evalSet(EVAL_SAMPLES), await train.probes(spec.probeCount)];
    return new SomExperiment(spec, som, train, data, codebookShape, hooks, evalSet, probes);
  }

  private schedules(step: number): { sigma: number; alpha: number } {
    const T = Math.max(1, this.totalSteps - 1);
    return { sigma: decayValue(this.spec.som.sigma, step, T), alpha: decayValue(this.spec.som.learningRate, step, T) };
  }

  async step(step: number, epoch: number): Promise<Record<string, number>> {
    const { sigma, alpha } = this.schedules(step);
    const whole = splitsByNeurons(this.spec.batchSize, this.som.grid.n, currentReducer().size);
    const x = await this.train.batch(epoch, step % this.stepsPerEpoch, this.spec.batchSize, whole);
    this.trained = step + 1;
    if (step === 0 && this.train.note) this.progress?.(this.train.note);
    if (this.spec.som.mode === 'online') await this.som.trainOnline(x as tf.Tensor2D, sigma, alpha);
    else this.som.trainBatchBlended(x as tf.Tensor2D, sigma, alpha, whole);
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
    // A streamed table's last map shows hits and classes of every row (the pass is reused by finalMetrics).
    if (this.train.note && step === this.totalSteps - 1) {
      const q = await this.fullData();
      if (q.hits) som.hits = q.hits;
      if (q.classMap && nClasses > 0) som.classMap = q.classMap;
    }
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
    const { qe, te } = await this.fullData();
    return { qe: qe!, te: te!, ...(await this.hooks.finalMetrics?.(this)) };
  }

  /** QE/TE (streamed: also hits and classes) over all rows, once per codebook state, reported as 'evaluate'. */
  private fullData(): Promise<Partial<FullQuality>> {
    if (this.final?.steps === this.trained) return this.final.q;
    const total = this.train.count,
      started = Date.now();
    const tell = phaseReporter(this.report, { phase: 'evaluate', unit: 'rows', total, label: 'train' });
    const q = this.train.full(this.som, this.data.classes.length, tell);
    this.final = { steps: this.trained, q };
    return q.then((r) => {
      tell(total);
      if (this.train.note)
        this.progress?.(`evaluated ${total} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return r;
    });
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
