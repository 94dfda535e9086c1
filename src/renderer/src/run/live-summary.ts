// The plain view of a live or reopened run that the Live view's panels read; its lists are copies, so a later
// fold in place does not change a summary a computed already handed out.
import type { LiveRun } from './live-state';

/** What the Live view shows about run r: status, progress, layers, logs (the last 20) and stored files. */
export function liveSummary(r: LiveRun) {
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    spec: r.spec,
    backend: r.backend,
    step: r.step,
    epoch: r.epoch,
    totalSteps: r.totalSteps,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    samplesPerSec: r.samplesPerSec,
    eta: r.status === 'running' ? etaSeconds(r) : undefined,
    finalMetrics: r.finalMetrics,
    error: r.error,
    maskLayers: [...r.maskLayers],
    layers: [...r.snapshots.keys()],
    snapshotSteps: [...r.snapshotSteps],
    winnerLayers: [...r.winners.keys()],
    logs: r.logs.slice(-20),
    warnings: r.warnings,
    classes: r.classes,
    npyFiles: r.npyFiles,
    metricRows: r.metricRows,
    phase: r.phase,
  };
}

export type LiveSummary = ReturnType<typeof liveSummary>;

/** ETA in seconds from the recent pace, or undefined. */
export function etaSeconds(run: LiveRun): number | undefined {
  if (run.pace.length < 2 || !run.totalSteps) return undefined;
  const [s0, t0] = run.pace[0]!,
    [s1, t1] = run.pace[run.pace.length - 1]!;
  if (s1 <= s0 || t1 <= t0) return undefined;
  return ((run.totalSteps - 1 - s1) * (t1 - t0)) / (s1 - s0) / 1000;
}
