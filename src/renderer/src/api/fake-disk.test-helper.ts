/**
 * The fake Api's "disk": each run event recorded the way the engine's run store writes it, and read back the
 * way the engine's read side answers runs:get, runs:snapshot and runs:winners.
 */
import type { RunDetail } from '../../../shared/api';
import { traceOf, type RunEvent } from '../../../shared/events';
import type { RunSummary } from '../../../shared/project';
import type { MetricRow, RunId, SomSnapshot, WinnerTrace } from '../../../shared/run-types';
import type { ExperimentSpec } from '../../../shared/spec';

export interface FakeRun {
  summary: RunSummary;
  spec: ExperimentSpec;
  metrics: MetricRow[];
  snapshots: Map<number, Map<string, SomSnapshot>>;
  winners: Map<number, Map<string, WinnerTrace>>;
}

function put<T>(m: Map<number, Map<string, T>>, step: number, layer: string, value: T): void {
  const byLayer = m.get(step) ?? new Map<string, T>();
  byLayer.set(layer, value);
  m.set(step, byLayer);
}

export class FakeDisk {
  readonly runs = new Map<RunId, FakeRun>();

  record(e: RunEvent, group?: string): void {
    if (e.type === 'run-started') {
      const { spec, backend } = e;
      this.runs.set(e.runId, {
        spec,
        metrics: [],
        snapshots: new Map(),
        winners: new Map(),
        summary: {
          id: e.runId,
          name: spec.name,
          kind: spec.kind,
          preset: spec.preset,
          ...(group ? { group } : {}),
          status: 'running',
          backend: backend.name,
          device: backend.device,
          versions: {},
          startedAt: e.startedAt,
          totalSteps: e.totalSteps,
          finalMetrics: {},
          ...(e.warnings ? { warnings: e.warnings } : {}),
        },
      });
      return;
    }
    const r = this.runs.get(e.runId);
    if (!r) return;
    if (e.type === 'metrics') {
      r.metrics.push(...e.rows);
      r.summary.lastStep = e.rows[e.rows.length - 1]?.step ?? r.summary.lastStep;
    }
    if (e.type === 'winners') put(r.winners, e.step, e.layer, traceOf(e));
    if (e.type === 'som-snapshot') put(r.snapshots, e.snapshot.step, e.snapshot.layer, e.snapshot);
    if (e.type === 'finished')
      Object.assign(r.summary, { status: e.status, finalMetrics: e.finalMetrics, endedAt: e.endedAt });
    if (e.type === 'failed') Object.assign(r.summary, { status: 'failed', error: e.error, endedAt: e.endedAt });
  }

  run(id: RunId, where: string): FakeRun {
    const r = this.runs.get(id);
    if (!r) throw new Error(`run "${id}" not found in project ${where}`);
    return r;
  }

  detail(id: RunId, where: string): RunDetail {
    const r = this.run(id, where);
    const steps = (m: Map<number, unknown>): number[] => [...m.keys()].sort((a, b) => a - b);
    // Layers in the order the engine lists its snapshot files: by step, then by name.
    const layers = steps(r.snapshots).flatMap((s) => [...r.snapshots.get(s)!.keys()].sort());
    return {
      summary: { ...r.summary },
      spec: r.spec,
      metrics: [...r.metrics],
      snapshotSteps: steps(r.snapshots),
      snapshotLayers: [...new Set(layers)],
      winnerSteps: steps(r.winners),
    };
  }

  /** A stored array of run `id` at (step, layer), or an error naming what is missing. */
  stored<T>(id: RunId, where: string, what: 'snapshots' | 'winners', step: number, layer = 'som'): T {
    const found = this.run(id, where)[what].get(step)?.get(layer);
    const noun = what === 'snapshots' ? 'snapshot' : 'winners';
    if (!found) throw new Error(`run "${id}" has no ${noun} of layer "${layer}" at step ${step}`);
    return found as T;
  }
}
