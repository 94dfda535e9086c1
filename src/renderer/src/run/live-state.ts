/**
 * One run's live state as the renderer keeps it: plain objects (markRaw'd by the store), series decimated,
 * snapshots the latest per layer, winner frames a decimated history for the scrubber. live-fold.ts fills it.
 */
import type { BackendReport, RunId, SomSnapshot, WinnerTrace } from '../../../shared/run-types';
import type { ExperimentSpec } from '../../../shared/spec';
import type { RunStatus } from '../../../shared/project';
import type { PhaseReport } from '../../../shared/events';
import { DecimatedList, DecimatedSeries } from '../chart/decimate';

export const MAX_POINTS = 2000;
export const MAX_WINNER_FRAMES = 400;

export type LiveStatus = RunStatus | 'paused';

export interface LiveRun {
  id: RunId;
  /** 'live': built from events in this session; 'disk': read back with runs:get. */
  source: 'live' | 'disk';
  spec: ExperimentSpec | null;
  backend: BackendReport | null;
  status: LiveStatus;
  totalSteps: number;
  startedAt?: string;
  endedAt?: string;
  step: number;
  epoch: number;
  t: number;
  series: Map<string, DecimatedSeries>;
  snapshots: Map<string, SomSnapshot>;
  snapshotSteps: number[];
  /** Steps with a stored winner trace (reopened runs load them with runs:winners). */
  winnerSteps: number[];
  winners: Map<string, DecimatedList<WinnerTrace>>;
  maskLayers: string[];
  evals: { step: number; epoch: number; metrics: Record<string, number> }[];
  logs: { level: 'info' | 'warn' | 'error'; message: string }[];
  /** The dataset's load warnings (resized images, grey expanded to RGB, skipped files), live or from run.json. */
  warnings: string[];
  finalMetrics: Record<string, number>;
  error?: string;
  /** Recent (step, t) pairs for samples/s. */
  pace: [number, number][];
  samplesPerSec?: number;
  /** The dataset's class names by index (from run-started, or run.json for a reopened run). */
  classes: string[];
  /** (step, ms since start) of the rows, decimated: maps a step onto the wall-time x axis. */
  clock: DecimatedSeries;
  /** A reopened run's .npy files (relative to its folder) and, for a long run, how many metric rows it has. */
  npyFiles: string[];
  metricRows?: number;
  /** The long phase it is in (converting, decoding, evaluating), while a live run is in one. */
  phase?: PhaseReport;
}

export function newRun(id: RunId, source: LiveRun['source'] = 'live'): LiveRun {
  return {
    id,
    source,
    spec: null,
    backend: null,
    status: 'running',
    totalSteps: 0,
    step: 0,
    epoch: 0,
    t: 0,
    series: new Map(),
    snapshots: new Map(),
    snapshotSteps: [],
    winnerSteps: [],
    winners: new Map(),
    maskLayers: [],
    evals: [],
    logs: [],
    warnings: [],
    finalMetrics: {},
    pace: [],
    classes: [],
    clock: new DecimatedSeries(MAX_POINTS),
    npyFiles: [],
  };
}

/** Appends to a named series, ignoring points that do not move forward (a row seen twice: disk + live). */
export function pushPoint(run: LiveRun, name: string, x: number, y: number): void {
  if (typeof y !== 'number') return;
  let s = run.series.get(name);
  if (!s) run.series.set(name, (s = new DecimatedSeries(MAX_POINTS)));
  const last = s.last;
  if (last && x <= last[0]) return;
  s.push(x, y);
}

export function maskKey(run: LiveRun, layer: string, what: string): string {
  if (!run.maskLayers.includes(layer)) run.maskLayers.push(layer);
  return `mask.${layer}.${what}`;
}
