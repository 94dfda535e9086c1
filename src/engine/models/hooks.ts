/**
 * What a model adds to one of the two base experiments (ClassifierExperiment, SomExperiment): one shape for
 * both. Each hook gets the experiment it extends; the base experiment decides where the hook's output goes
 * (its own views first, hook scalars merged into its evaluation and final metrics, hook files saved beside
 * its weights).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { MaskStat, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { SavedFile } from '../train/experiment';

export interface ExperimentHooks<E> {
  /** After each training step, with that step's input batch (e.g. the Kohonen update of a mask layer). */
  afterStep?(exp: E, x: tf.Tensor, step: number): void;
  /** Scalars added to each evaluation (the classifier runs it before its own, so it may refresh what that reads). */
  evaluate?(exp: E): Promise<Record<string, number>>;
  /** Extra panels shipped as snapshots (mask-layer SOMs, a decision boundary, a reconstruction triptych). */
  snapshots?(exp: E, step: number): Promise<SomSnapshot[]>;
  /** Winner traces of the probe set at `step`. */
  winners?(exp: E, step: number): Promise<WinnerTrace[]>;
  maskStats?(exp: E): Promise<MaskStat[]>;
  /** Extra scalars for the final record (e.g. active fraction, PSNR). */
  finalMetrics?(exp: E): Promise<Record<string, number>>;
  /** Extra files stored under the run's model/ folder. */
  save?(exp: E): Promise<SavedFile[]>;
  /** Frees what the hooks own (tensors made for their views). */
  dispose?(): void;
}
