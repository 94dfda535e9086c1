/**
 * How each run event, and a saved run read back with runs:get, folds into a run's live state (live-state.ts).
 */
import type { RunDetail } from '../../../shared/api';
import { traceOf, type RunEvent } from '../../../shared/events';
import type { BackendReport, MetricRow, WinnerTrace } from '../../../shared/run-types';
import type { BackendName } from '../../../shared/options';
import { DecimatedList } from '../chart/decimate';
import { maskKey, MAX_WINNER_FRAMES, newRun, pushPoint, type LiveRun } from './live-state';
import { foldPhase } from './phase';

const ROW_KEYS = new Set(['step', 'epoch', 't']);
/** The loop writes mask stats as metric columns "<layer>.sparsity" / "<layer>.strength". */
const MASK_KEY = /^(?:mask\.)?(.+)\.(sparsity|strength)$/;

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
  run.phase = run.status === 'running' || run.status === 'paused' ? foldPhase(run.phase, e) : undefined;
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
