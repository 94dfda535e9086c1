/**
 * Run events, versioned. The trainer process emits them; hosts relay them unchanged to the renderer
 * and the run store persists them. Big arrays are Float32Array/Int32Array so they cross
 * process and IPC boundaries as structured clones (or as binary frames over the WebSocket).
 */
import type { BackendName } from './options';
import type { ExperimentSpec } from './spec';

export const EVENTS_VERSION = 1;

export type RunId = string;

export interface BackendReport {
  /** The backend that runs. */
  name: BackendName;
  /** Human words for the device (e.g. "wasm SIMD, 2 threads", "NVIDIA H100 via Dawn/Vulkan"). */
  device: string;
  /** Why each earlier candidate was skipped, in picker order. */
  skipped: { name: BackendName; reason: string }[];
}

/** One row of scalars; `step` is the global optimiser/SOM step, `t` ms since run start. */
export interface MetricRow {
  step: number;
  epoch: number;
  t: number;
  [metric: string]: number;
}

export interface SomSnapshot {
  step: number;
  /** Which SOM in the model ("som" for plain SOM runs, a layer name for mask layers). */
  layer: string;
  rows: number;
  cols: number;
  topology: string;
  /** Per-sample shape of a codebook vector (e.g. [28,28,1], [9,9,1], [3]). */
  shape: number[];
  codebook: Float32Array; // [N*D]
  hits: Float32Array; // [N]
  umatrix: Float32Array; // [N]
  /** Majority class per neuron, -1 where no sample won. Absent when data is unlabelled. */
  classMap?: Int32Array;
}

export type RunEvent =
  | {
      type: 'run-started';
      v: number;
      runId: RunId;
      spec: ExperimentSpec;
      backend: BackendReport;
      totalSteps: number;
      startedAt: string;
    }
  | { type: 'metrics'; v: number; runId: RunId; rows: MetricRow[] }
  | { type: 'som-snapshot'; v: number; runId: RunId; snapshot: SomSnapshot }
  | { type: 'winners'; v: number; runId: RunId; step: number; layer: string; winners: Int32Array; labels?: Int32Array }
  | {
      type: 'mask-stats';
      v: number;
      runId: RunId;
      step: number;
      layers: { name: string; sparsity: number; strength: number }[];
    }
  | { type: 'eval'; v: number; runId: RunId; step: number; epoch: number; metrics: Record<string, number> }
  | { type: 'state'; v: number; runId: RunId; state: 'running' | 'paused' }
  | { type: 'log'; v: number; runId: RunId; level: 'info' | 'warn' | 'error'; message: string }
  | {
      type: 'finished';
      v: number;
      runId: RunId;
      status: 'finished' | 'stopped';
      finalMetrics: Record<string, number>;
      endedAt: string;
    }
  | { type: 'failed'; v: number; runId: RunId; error: string; endedAt: string };

export type RunEventType = RunEvent['type'];
export type RunEventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

/** Commands a host sends to a trainer process. */
export type TrainerCommand =
  | {
      type: 'start';
      runId: RunId;
      spec: ExperimentSpec;
      projectDir: string;
      dataRoots: string[];
      /** Dataset folders anywhere are allowed (Electron, where the user picked the folder); dataRoots is ignored. */
      unrestricted?: boolean;
      /** Sweep this run belongs to. */
      group?: string;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'snapshot' };
