/**
 * One run's live state and how each event folds into it. Plain objects (markRaw'd by the store): series
 * are decimated, snapshots are the latest per layer, winner frames are a decimated history for the scrubber.
 */
import type { RunDetail } from '../../../shared/api';
import { traceOf, type RunEvent } from '../../../shared/events';
import type { BackendReport, MetricRow, RunId, SomSnapshot, WinnerTrace } from '../../../shared/run-types';
import type { ExperimentSpec } from '../../../shared/spec';
import type { RunStatus } from '../../../shared/project';
import type { BackendName } from '../../../shared/options';
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

const ROW_KEYS = new Set(['step', 'epoch', 't']);
/** The loop writes mask stats as metric columns "<layer>.sparsity" / "<layer>.strength". */
const MASK_KEY = /^(?:mask\.)?(.+)\.(sparsity|strength)$/;

export function maskKey(run: LiveRun, layer: string, what: string): string {
  if (!run.maskLayers.includes(layer)) run.maskLayers.push(layer);
  return `mask.${layer}.${what}`;
}

function foldRow(run: LiveRun, row: MetricRow): void {
  for (const [k, v] of Object.entries(row)) {
    if (ROW_KEYS.has(k)) continue;
    const m = MASK_KEY.exec(k);
    pushPoint(run, m ? maskKey(run, m[1]!, m[2]!) : k, row.step, v);
  }
  if (row.step >= run.step) {
    run.step = row.step;
    run.epoch = row.epoch;
    run.t = row.t;
  }
  const tick = run.clock.last;
  if (!tick || row.step > tick[0]) run.clock.push(row.step, row.t);
  run.pace.push([row.step, row.t]);
  if (run.pace.length > 40) run.pace.splice(0, run.pace.length - 40);
  const batch = run.spec?.batchSize ?? 0;
  const [s0, t0] = run.pace[0]!,
    [s1, t1] = run.pace[run.pace.length - 1]!;
  if (typeof row.samplesPerSec === 'number') run.samplesPerSec = row.samplesPerSec;
  else if (batch && t1 > t0) run.samplesPerSec = ((s1 - s0) * batch * 1000) / (t1 - t0);
}

function addSnapshotStep(run: LiveRun, step: number): void {
  const a = run.snapshotSteps;
  if (a.length === 0 || step > a[a.length - 1]!) a.push(step);
  else if (!a.includes(step)) {
    a.push(step);
    a.sort((x, y) => x - y);
  }
}

export function foldEvent(run: LiveRun, e: RunEvent): void {
  switch (e.type) {
    case 'run-started':
      Object.assign(run, {
        spec: e.spec,
        backend: e.backend,
        totalSteps: e.totalSteps,
        startedAt: e.startedAt,
        status: 'running',
        warnings: e.warnings ?? [],
        classes: e.classes ?? [],
      });
      break;
    case 'metrics':
      for (const row of e.rows) foldRow(run, row);
      break;
    case 'som-snapshot':
      run.snapshots.set(e.snapshot.layer, e.snapshot);
      addSnapshotStep(run, e.snapshot.step);
      break;
    case 'winners': {
      let list = run.winners.get(e.layer);
      if (!list) run.winners.set(e.layer, (list = new DecimatedList<WinnerTrace>(MAX_WINNER_FRAMES)));
      list.push(traceOf(e));
      break;
    }
    case 'mask-stats':
      // The loop also writes these as a metrics row; whichever comes first at a step is kept.
      for (const l of e.layers) {
        pushPoint(run, maskKey(run, l.name, 'sparsity'), e.step, l.sparsity);
        pushPoint(run, maskKey(run, l.name, 'strength'), e.step, l.strength);
      }
      break;
    case 'eval':
      // The values also arrive as a metrics row (that is what a reopened run has), so no series here.
      run.evals.push({ step: e.step, epoch: e.epoch, metrics: e.metrics });
      break;
    case 'state':
      if (run.status === 'running' || run.status === 'paused') run.status = e.state;
      break;
    case 'log':
      run.logs.push({ level: e.level, message: e.message });
      if (run.logs.length > 200) run.logs.splice(0, run.logs.length - 200);
      break;
    case 'finished':
      Object.assign(run, { status: e.status, finalMetrics: e.finalMetrics, endedAt: e.endedAt });
      break;
    case 'failed':
      Object.assign(run, { status: 'failed', error: e.error, endedAt: e.endedAt });
      break;
  }
}

function skippedOf(d: RunDetail): BackendReport['skipped'] {
  return (d.summary.backendSkipped ?? []).map((k) => ({ name: k.name as BackendName, reason: k.reason }));
}

/** A saved run as a LiveRun: the same series (mask rows recognised by their names), no live pace. */
export function runFromDetail(d: RunDetail): LiveRun {
  const run = newRun(d.summary.id, 'disk');
  Object.assign(run, {
    spec: d.spec,
    status: d.summary.status,
    totalSteps: d.summary.totalSteps ?? 0,
    startedAt: d.summary.startedAt,
    endedAt: d.summary.endedAt,
    finalMetrics: d.summary.finalMetrics,
    error: d.summary.error,
    warnings: d.summary.warnings ?? [],
    snapshotSteps: [...d.snapshotSteps],
    winnerSteps: [...(d.winnerSteps ?? [])],
    classes: d.summary.classes ?? [],
    npyFiles: d.npyFiles ?? [],
    metricRows: d.metricRows,
    backend: d.summary.backend
      ? { name: d.summary.backend, device: d.summary.device ?? '', skipped: skippedOf(d) }
      : null,
  });
  for (const row of [...d.metrics].sort((a, b) => a.step - b.step)) foldRow(run, row);
  run.pace = [];
  // What the live run showed, as stored in run.json (older runs have none).
  run.samplesPerSec = d.summary.samplesPerSec;
  return run;
}

/** ETA in seconds from the recent pace, or undefined. */
export function etaSeconds(run: LiveRun): number | undefined {
  if (run.pace.length < 2 || !run.totalSteps) return undefined;
  const [s0, t0] = run.pace[0]!,
    [s1, t1] = run.pace[run.pace.length - 1]!;
  if (s1 <= s0 || t1 <= t0) return undefined;
  return ((run.totalSteps - 1 - s1) * (t1 - t0)) / (s1 - s0) / 1000;
}
