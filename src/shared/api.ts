/**
 * The typed API between the renderer and a host (Electron preload or the lab server's WebSocket).
 * Preload, the WebSocket client and the test fake all `satisfies Api`.
 */
import type { RunEvent } from './events';
import type { DataShape } from './admission/estimate';
import type { MetricRow, Preset, RunId, SomSnapshot, WinnerTrace } from './run-types';
import type { DatasetRef, ExperimentSpecInput, ExperimentSpec } from './spec';
import type { RunMeta, RunSummary, ProjectFile } from './project';
import type { ExportRequestInput, ExportResult, FigureSpecInput } from './figure-spec';
import type { RobustnessCurve, RobustnessRequestInput } from './robustness';

export interface ProjectInfo extends ProjectFile {
  dir: string;
}

export interface RunDetail {
  summary: RunSummary;
  spec: ExperimentSpec;
  metrics: MetricRow[];
  /** Rows on disk when `metrics` is their min/max envelope (a long run opened in a window); absent: all rows. */
  metricRows?: number;
  snapshotSteps: number[];
  /** Steps with a stored winner trace (for the time scrubber of a reopened run). */
  winnerSteps?: number[];
  /** Layers with stored snapshots ("som", or the mask layers' names). */
  snapshotLayers?: string[];
  /** The run's NumPy files, relative to its folder (snapshots/…, winners/…), for numpy.load. */
  npyFiles?: string[];
}

export interface DatasetPreview {
  name: string;
  format: string;
  source: string;
  shape: number[];
  classes: string[];
  trainCount: number;
  testCount: number;
  warnings: string[];
  /** A few samples to show (images when shape is [h, w, c]). */
  samples: { label: number; data: Float32Array }[];
  /** What the table costs, before a run starts (absent from older hosts). */
  limits?: DatasetLimits;
}

export interface DatasetLimits {
  rows: number;
  features: number;
  /** Bytes of the project's dataset cache for this folder (absent for built-ins or without a project). */
  cacheBytes?: number;
  /** The rows stay on disk and stream in batches (a batch SOM on a big table). */
  streamed: boolean;
  /** The dataset's part of a batch SOM trainer's memory (shared/admission datasetPart), and what it is. */
  memoryBytes: number;
  memoryWhat: string;
  /**
   * The shape the trainer's admission check will estimate with (engine/data/shape.ts shapeOfData, limits
   * applied), so the form can show the same estimate for the spec being edited (absent from older hosts).
   */
  dataShape?: DataShape;
}

/** Request/response calls: name → signature. */
export interface ApiCalls {
  'project:open': (dir: string) => ProjectInfo;
  'project:create': (dir: string, name: string) => ProjectInfo;
  'project:current': () => ProjectInfo | null;
  /** Opens the host's default project (created on first use): where "Try a built-in experiment" runs. */
  'project:openDefault': () => ProjectInfo;
  /** Project folders opened before, most recent first (Electron keeps them; the lab server has none). */
  'projects:recent': () => string[];
  'runs:list': () => RunSummary[];
  'runs:get': (runId: RunId) => RunDetail;
  'runs:snapshot': (runId: RunId, step: number, layer?: string) => SomSnapshot;
  'runs:winners': (runId: RunId, step: number, layer?: string) => WinnerTrace;
  'runs:start': (spec: ExperimentSpecInput) => RunId;
  /** Starts a preset: one run, or a sweep's variants one after another (grouped). Returns the first run. */
  'runs:startPreset': (name: string) => RunId;
  'runs:pause': (runId: RunId) => void;
  'runs:resume': (runId: RunId) => void;
  'runs:stop': (runId: RunId) => void;
  'presets:list': () => Preset[];
  /** Folders a dataset path may point into (the lab server's --data roots; anywhere the user picked in Electron). */
  'datasets:roots': () => string[];
  'datasets:preview': (ref: DatasetRef) => DatasetPreview;
  /** A native folder dialog (Electron); the lab server answers null and the UI offers a text field. */
  'dialogs:pickFolder': (purpose: 'project' | 'dataset') => string | null;
  /**
   * Shows a file or folder of the open project (a path relative to it, e.g. `runs/<id>`) in the system's
   * file manager. False where the host has none (the lab server: the files may be on another machine).
   */
  'files:reveal': (projectPath: string) => boolean;
  /** Sets a run's name, tags or note (kept in meta.json; an empty string clears). */
  'runs:update': (runId: RunId, patch: RunMetaPatch) => RunSummary;
  /** Moves a run into the project's trash/ (refused while it trains); 'runs:restore' brings it back. */
  'runs:trash': (runId: RunId) => void;
  'runs:restore': (runId: RunId) => void;
  'runs:trashed': () => string[];
  /** Stops every run of a sweep group and the variants still waiting. */
  'runs:stopGroup': (group: string) => void;
  /** One panel of one run into runs/<id>/figures/ (what `somlab export` writes). */
  'figures:export': (request: ExportRequestInput) => ExportResult;
  /** A composed figure into figures/ (what `somlab figure` writes). */
  'figures:compose': (spec: FigureSpecInput) => ExportResult;
  /**
   * Attacks a finished classifier run's saved model (FGSM or PGD over ε, in a process of its own; progress
   * as 'robustness' run events) and keeps the curve in runs/<id>/robustness/<attack>.json.
   */
  'runs:robustness': (runId: RunId, request: RobustnessRequestInput) => RobustnessCurve;
  /** The robustness curves saved with a run (one per attack; [] when none). */
  'runs:robustnessCurves': (runId: RunId) => RobustnessCurve[];
}

export type RunMetaPatch = RunMeta;

export type ApiCallName = keyof ApiCalls;

/** The calls on a project's results (run management and figures): one table in the host and in the fake. */
export type ResultCallName =
  | 'runs:update'
  | 'runs:trash'
  | 'runs:restore'
  | 'runs:trashed'
  | 'runs:stopGroup'
  | 'figures:export'
  | 'figures:compose';

/** Every call name, for hosts and clients that build one function per call. */
export const API_CALL_NAMES = [
  'project:open',
  'project:create',
  'project:current',
  'project:openDefault',
  'projects:recent',
  'runs:list',
  'runs:get',
  'runs:snapshot',
  'runs:winners',
  'runs:start',
  'runs:startPreset',
  'runs:pause',
  'runs:resume',
  'runs:stop',
  'presets:list',
  'datasets:roots',
  'datasets:preview',
  'dialogs:pickFolder',
  'files:reveal',
  'runs:update',
  'runs:trash',
  'runs:restore',
  'runs:trashed',
  'runs:stopGroup',
  'figures:export',
  'figures:compose',
  'runs:robustness',
  'runs:robustnessCurves',
] as const satisfies readonly ApiCallName[];
type Missing = Exclude<ApiCallName, (typeof API_CALL_NAMES)[number]>;
// Compile-time check that the list is complete: `Missing` must be never.
export const API_NAMES_COMPLETE: Missing extends never ? true : Missing = true;
type Promisify<F> = F extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never;

export type Api = { [K in ApiCallName]: Promisify<ApiCalls[K]> } & {
  /** Subscribe to every run event; returns a disposer. */
  onRunEvent(listener: (e: RunEvent) => void): () => void;
};
