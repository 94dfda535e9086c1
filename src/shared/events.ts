/**
 * Run events, versioned. The trainer process emits them; hosts relay them unchanged to the renderer
 * and the run store persists them. The values they carry are the run types of run-types.ts.
 */
import type { AttackName, RobustnessCurve, RobustnessRequest } from './robustness';
import type { BackendReport, MaskStat, MetricRow, RunId, SomSnapshot, WinnerTrace } from './run-types';
import type { SweepRef } from './project';
import type { ExperimentSpec } from './spec';

export const EVENTS_VERSION = 1;

/**
 * The long phases outside training steps that report progress: a dataset folder converted into the project's
 * dataset cache (CSV, IDX, CIFAR), an image folder decoded into it, and the evaluation over every row.
 */
export const PROGRESS_PHASES = ['convert', 'decode', 'evaluate'] as const;
export type ProgressPhase = (typeof PROGRESS_PHASES)[number];
/** What `done` and `total` count: rows (of a table or a binary file), images, or source bytes (a CSV). */
export type ProgressUnit = 'rows' | 'images' | 'bytes';

export type RunEvent =
  /** The host accepted the run but holds it until a trainer slot is free (it is not on disk yet). */
  | { type: 'run-queued'; v: number; runId: RunId; spec: ExperimentSpec; queuedAt: string }
  /** The trainer wrote the run folder (spec.json, run.json): the run can be opened from disk from now on. */
  | { type: 'run-created'; v: number; runId: RunId; startedAt: string }
  | {
      type: 'run-started';
      v: number;
      runId: RunId;
      spec: ExperimentSpec;
      backend: BackendReport;
      totalSteps: number;
      startedAt: string;
      /** The dataset's load warnings (also stored in run.json). */
      warnings?: string[];
      /** The dataset's class names by index (also in run.json), for legends and class maps. */
      classes?: string[];
    }
  | { type: 'metrics'; v: number; runId: RunId; rows: MetricRow[] }
  | { type: 'som-snapshot'; v: number; runId: RunId; snapshot: SomSnapshot }
  | ({ type: 'winners'; v: number; runId: RunId } & WinnerTrace)
  | { type: 'mask-stats'; v: number; runId: RunId; step: number; layers: MaskStat[] }
  | { type: 'eval'; v: number; runId: RunId; step: number; epoch: number; metrics: Record<string, number> }
  | { type: 'state'; v: number; runId: RunId; state: 'running' | 'paused' }
  | { type: 'log'; v: number; runId: RunId; level: 'info' | 'warn' | 'error'; message: string }
  /**
   * A long phase's progress, at most a few per second: `done` of `total` (done === total when it ends). The
   * dataset phases come before `run-started`; a CSV counts source bytes, with the rows converted so far in
   * `rows`. `label` names what is converted or evaluated (the dataset folder's name, a split).
   */
  | {
      type: 'progress';
      v: number;
      runId: RunId;
      phase: ProgressPhase;
      unit: ProgressUnit;
      done: number;
      total: number;
      rows?: number;
      label?: string;
    }
  | {
      type: 'finished';
      v: number;
      runId: RunId;
      status: 'finished' | 'stopped';
      finalMetrics: Record<string, number>;
      endedAt: string;
    }
  | { type: 'failed'; v: number; runId: RunId; error: string; endedAt: string }
  /** A robustness evaluation of a finished run: progress, then the curve (or the error that stopped it). */
  | {
      type: 'robustness';
      v: number;
      runId: RunId;
      attack: AttackName;
      done: number;
      total: number;
      curve?: RobustnessCurve;
      error?: string;
    };

export type RunEventType = RunEvent['type'];
export type RunEventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;
/** A `progress` event without its envelope: what the engine's long phases report. */
export type PhaseReport = Omit<RunEventOf<'progress'>, 'type' | 'v' | 'runId'>;

/** What a trainer is told to start a run with: the host's launch options and the trainer's start command. */
export interface TrainerStart {
  spec: ExperimentSpec;
  projectDir: string;
  dataRoots: string[];
  /** Dataset folders anywhere are allowed (Electron, where the user picked the folder); dataRoots is ignored. */
  unrestricted?: boolean;
  /** Sweep this run belongs to. */
  group?: string;
  /** The sweep's id in the project and this run's variant index. */
  sweep?: SweepRef;
  /** How often the trainer's heartbeat thread touches the run's heartbeat file (ms); its default when absent. */
  heartbeatMs?: number;
  /** Peak memory (bytes) the run may plan for: checked again with the dataset's real shape once loaded. */
  memoryBudget?: number;
}

/** Commands a host sends to a trainer process. */
export type TrainerCommand =
  | ({ type: 'start'; runId: RunId } & TrainerStart)
  /** Evaluates a finished run's saved model under attack (robustness.ts), then exits. */
  | {
      type: 'robustness';
      runId: RunId;
      projectDir: string;
      dataRoots: string[];
      unrestricted?: boolean;
      request: RobustnessRequest;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'snapshot' };

/** The trace a `winners` event carries, without the event's envelope. */
export function traceOf(e: RunEventOf<'winners'>): WinnerTrace {
  const { step, layer, winners, labels } = e;
  return labels ? { step, layer, winners, labels } : { step, layer, winners };
}
