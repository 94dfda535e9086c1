/**
 * The seam between the training loop and a model: trainer ⟂ model ⟂ data. A model builder turns
 * (spec, dataset) into an Experiment; the loop (train/loop.ts) only calls these methods, between
 * which it honours pause/resume/stop, throttles metrics and persists everything.
 */
import type { PhaseReport } from '../../shared/events';
import type { MaskStat, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { ExperimentSpec } from '../../shared/spec';
import type { Dataset } from '../data/types';
import type { LateMetrics } from './late-metrics';

/** Files of a saved tfjs model (from tf.io.withSaveHandler), or any extra artefacts. */
export interface SavedFile {
  name: string;
  data: Uint8Array | string;
}

export interface Experiment {
  /** Steps (batches) in the whole run; the loop calls step(0..totalSteps-1). */
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  /**
   * One batch of training. Returns scalars known without a read-back (σ, learning rate); values that need one
   * (loss, QE) go through `late`, so a step never waits for the device.
   */
  step(step: number, epoch: number): Promise<Record<string, number>> | Record<string, number>;
  /** Reads queued by steps; the loop turns them into rows of their own step as they arrive. */
  readonly late?: LateMetrics;
  /** End of an epoch (and of the run): evaluation metrics (test accuracy, QE/TE on a held-out set...). */
  evaluate?(epoch: number): Promise<Record<string, number>>;
  /** Current SOM states, for the live grid and snapshots on disk. */
  snapshots?(step: number): Promise<SomSnapshot[]>;
  /** Winners of the fixed probe set at this step, for the winner trace. */
  winners?(step: number): Promise<WinnerTrace[]>;
  maskStats?(): Promise<MaskStat[]>;
  /** Final numbers for run.json and `somlab list` (e.g. qe, te, testAccuracy, psnr). */
  finalMetrics(): Promise<Record<string, number>>;
  /** Set by the trainer before the first step: progress of long phases (streaming, full-data evaluation). */
  progress?: (message: string) => void;
  /** Set by the trainer too: how far a long phase is (the full-data evaluation), as `progress` events. */
  report?: (p: PhaseReport) => void;
  /** Model weights and extra artefacts to store under the run's model/ folder. */
  save?(): Promise<SavedFile[]>;
  dispose(): void;
}

export type ExperimentBuilder<S extends ExperimentSpec = ExperimentSpec> = (
  spec: S,
  data: Dataset,
) => Promise<Experiment>;
