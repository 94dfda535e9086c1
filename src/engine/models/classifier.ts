/**
 * Supervised training of a tfjs-layers model with a raw optimizer loop (optimizer.minimize): faster than
 * model.fit and leaves room for the SOM hooks of the masked nets. Loss is read back only every
 * `readEvery` steps so GPU backends are not synchronised on every batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Experiment, SavedFile } from '../train/experiment';
import type { MaskStat, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { ExperimentHooks } from './hooks';
import type { DeviceSplit } from '../data/batches';
import { saveLayersModel } from './save';
import { LateMetrics } from '../train/late-metrics';
import { currentReducer, reduceTensors } from '../parallel/reduce';

export type LossFn = (logits: tf.Tensor, labels: tf.Tensor1D, nClasses: number) => tf.Scalar;

export const softmaxCrossEntropy: LossFn = (logits, labels, nClasses) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(labels, nClasses), logits) as tf.Scalar;

export interface ClassifierOptions {
  model: LayersModel;
  train: DeviceSplit;
  test?: DeviceSplit;
  nClasses: number;
  epochs: number;
  batchSize: number;
  optimizer: tf.Optimizer;
  l2: number;
  loss?: LossFn;
  /** Accuracy metric over logits/codes; default argmax of logits. */
  predict?: (logits: tf.Tensor) => tf.Tensor1D;
  readEvery?: number;
  /** What the model adds (SOM masks, a decision boundary, kWTA scaling). */
  hooks?: ExperimentHooks<ClassifierExperiment>;
}

export class ClassifierExperiment implements Experiment {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly late = new LateMetrics();
  private last: Record<string, number> = {};
  private lastEval: Record<string, number> = {};
  /** This thread's fraction of the last batch (1 outside a data-parallel pool), for hooks that average. */
  share = 1;

  constructor(private readonly o: ClassifierOptions) {
    this.stepsPerEpoch = o.train.stepsPerEpoch(o.batchSize);
    this.totalSteps = this.stepsPerEpoch * o.epochs;
  }

  private get lossFn(): LossFn {
    return this.o.loss ?? softmaxCrossEntropy;
  }
  private predict(logits: tf.Tensor): tf.Tensor1D {
    return this.o.predict ? this.o.predict(logits) : (tf.argMax(logits, -1) as tf.Tensor1D);
  }

  private l2Penalty(): tf.Scalar {
    const kernels = this.o.model.trainableWeights.filter((w) => w.name.includes('kernel'));
    return tf.mul(this.o.l2, tf.addN(kernels.map((w) => tf.sum(tf.square(w.read()))))) as tf.Scalar;
  }

  step(step: number, epoch: number): Record<string, number> {
    const { train, batchSize } = this.o;
    const readEvery = this.o.readEvery ?? 10;
    const read = step % readEvery === 0 || step === this.totalSteps - 1;
    const { idx, share } = train.shareIndices(epoch, step % this.stepsPerEpoch, batchSize);
    this.share = share;
    const { x, y } = train.batch(idx);
    const [loss, acc] =
      currentReducer().size === 1 ? this.minimize(x, y, read) : this.minimizeShared(x, y, read, share);
    this.o.hooks?.afterStep?.(this, x, step);
    x.dispose();
    y.dispose();
    if (read) this.late.add(step, this.readLoss(loss!, acc));
    else tf.dispose(acc ? [loss, acc] : [loss]);
    return {};
  }

  /** The batch's loss (times `scale`), and its accuracy when `read`, as the optimiser's objective. */
  private objective(x: tf.Tensor, y: tf.Tensor1D, read: boolean, scale: number, acc: { t: tf.Scalar | null }) {
    return (): tf.Scalar => {
      const logits = this.o.model.apply(x, { training: true }) as tf.Tensor;
      if (read) acc.t = tf.keep(tf.mul(tf.mean(tf.cast(tf.equal(this.predict(logits), y), 'float32')), scale));
      const l = this.lossFn(logits, y, this.o.nClasses);
      const total = this.o.l2 > 0 ? tf.add(l, this.l2Penalty()) : l;
      return (scale === 1 ? total : tf.mul(total, scale)) as tf.Scalar;
    };
  }

  private get vars(): tf.Variable[] {
    return this.o.model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  private minimize(x: tf.Tensor, y: tf.Tensor1D, read: boolean): [tf.Scalar, tf.Scalar | null] {
    const acc = { t: null as tf.Scalar | null };
    const loss = this.o.optimizer.minimize(this.objective(x, y, read, 1, acc), true, this.vars);
    return [loss!, acc.t];
  }

  /**
   * Data-parallel: this rank's gradients of share × its mean loss, summed over ranks, are the batch's gradients;
   * every rank applies the same sum, so the replicas stay equal. Loss and accuracy ride along in the same sum.
   */
  private minimizeShared(x: tf.Tensor, y: tf.Tensor1D, read: boolean, share: number): [tf.Scalar, tf.Scalar | null] {
    const vars = this.vars;
    const acc = { t: null as tf.Scalar | null };
    const empty = x.shape[0] === 0;
    const { value, grads } = empty
      ? { value: tf.scalar(0), grads: Object.fromEntries(vars.map((v) => [v.name, tf.zerosLike(v)])) }
      : this.o.optimizer.computeGradients(this.objective(x, y, read, share, acc), vars);
    if (read) acc.t ??= tf.scalar(0);
    const names = vars.map((v) => v.name);
    const mine = [...names.map((n) => grads[n]!), value, ...(acc.t ? [acc.t] : [])];
    const summed = reduceTensors(mine);
    tf.dispose(mine);
    this.o.optimizer.applyGradients(Object.fromEntries(names.map((n, i) => [n, summed[i]!])));
    tf.dispose(summed.slice(0, names.length));
    return [summed[names.length] as tf.Scalar, read ? (summed[names.length + 1] as tf.Scalar) : null];
  }

  /** Loss and accuracy of a step, read back without holding the step up. */
  private async readLoss(loss: tf.Scalar, acc: tf.Scalar | null): Promise<Record<string, number>> {
    try {
      const [l, a] = await Promise.all([loss.data(), acc?.data()]);
      this.last = { loss: l[0]!, accuracy: a?.[0] ?? NaN };
      return { ...this.last };
    } finally {
      tf.dispose([loss, ...(acc ? [acc] : [])]);
    }
  }

  async evaluate(): Promise<Record<string, number>> {
    const extra = (await this.o.hooks?.evaluate?.(this)) ?? {};
    const split = this.o.test ?? this.o.train;
    let correct = 0,
      lossSum = 0;
    for (const { x, y, n } of split.chunks(1000)) {
      const [c, l] = tf.tidy(() => {
        const logits = this.o.model.apply(x, { training: false }) as tf.Tensor;
        return [
          tf.sum(tf.cast(tf.equal(this.predict(logits), y), 'float32')),
          tf.mul(this.lossFn(logits, y, this.o.nClasses), n),
        ];
      });
      correct += (await c!.data())[0]!;
      lossSum += (await l!.data())[0]!;
      tf.dispose([x, y, c!, l!]);
    }
    const prefix = this.o.test ? 'test' : 'train';
    this.lastEval = {
      [`${prefix}Accuracy`]: correct / split.count,
      [`${prefix}Loss`]: lossSum / split.count,
      ...extra,
    };
    return { ...this.lastEval };
  }

  snapshots(step: number): Promise<SomSnapshot[]> {
    return this.o.hooks?.snapshots?.(this, step) ?? Promise.resolve([]);
  }
  winners(step: number): Promise<WinnerTrace[]> {
    return this.o.hooks?.winners?.(this, step) ?? Promise.resolve([]);
  }
  maskStats(): Promise<MaskStat[]> {
    return this.o.hooks?.maskStats?.(this) ?? Promise.resolve([]);
  }

  async finalMetrics(): Promise<Record<string, number>> {
    if (Object.keys(this.lastEval).length === 0) await this.evaluate();
    const extra = (await this.o.hooks?.finalMetrics?.(this)) ?? {};
    return { ...this.lastEval, ...(this.last.loss !== undefined ? { trainLoss: this.last.loss } : {}), ...extra };
  }

  async save(): Promise<SavedFile[]> {
    return [...(await saveLayersModel(this.o.model)), ...((await this.o.hooks?.save?.(this)) ?? [])];
  }

  dispose(): void {
    this.o.hooks?.dispose?.();
    this.o.model.dispose();
    this.o.train.dispose();
    this.o.test?.dispose();
    this.o.optimizer.dispose();
  }
}
