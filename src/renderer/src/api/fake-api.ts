/**
 * An in-memory Api for tests and the demo mode. It keeps a project "on disk" in memory and records every
 * event it emits the way the real run store would, so a run can be watched live and reopened afterwards.
 * With `autoplay`, runs:start plays a scripted run (demo/demo-run.ts); without it, tests drive `emit`.
 */
import type { Api, DatasetPreview, ProjectInfo, RunDetail } from '../../../shared/api';
import type { MetricRow, Preset, RunId, SomSnapshot, WinnerTrace } from '../../../shared/run-types';
import type { RunEvent } from '../../../shared/events';
import type { DatasetRef, ExperimentSpec } from '../../../shared/spec';
import type { RunSummary } from '../../../shared/project';
import { findPreset, PRESETS } from '../../../shared/presets';
import { parseSpec } from '../../../shared/validate';
import { EVENTS_VERSION, traceOf } from '../../../shared/events';
import { scriptRun, type ScriptControl } from '../demo/demo-run';
import { demoData } from '../demo/demo-data';

export interface FakeRun {
  summary: RunSummary;
  spec: ExperimentSpec;
  metrics: MetricRow[];
  snapshots: Map<number, Map<string, SomSnapshot>>;
  winners: Map<number, Map<string, WinnerTrace>>;
}

export interface FakeApiOptions {
  project?: ProjectInfo | null;
  /** Play a scripted run on runs:start (demo mode). */
  autoplay?: boolean;
  tickMs?: number;
  presets?: Preset[];
}

export type FakeApi = Api & {
  emit(e: RunEvent): void;
  readonly runs: Map<RunId, FakeRun>;
  readonly calls: { call: string; args: unknown[] }[];
  listenerCount(): number;
  /** Plays a whole scripted run synchronously into the fake disk (finished runs for the demo). */
  seedRun(spec: unknown, startedAt?: Date): RunId;
};

const now = (): string => new Date().toISOString();

export function createFakeApi(o: FakeApiOptions = {}): FakeApi {
  let project: ProjectInfo | null = o.project === undefined ? null : o.project;
  const runs = new Map<RunId, FakeRun>();
  const listeners = new Set<(e: RunEvent) => void>();
  const controls = new Map<RunId, ScriptControl>();
  const calls: { call: string; args: unknown[] }[] = [];
  let counter = 0;

  function record(e: RunEvent): void {
    if (e.type === 'run-started') {
      runs.set(e.runId, {
        spec: e.spec,
        metrics: [],
        snapshots: new Map(),
        winners: new Map(),
        summary: {
          id: e.runId,
          name: e.spec.name,
          kind: e.spec.kind,
          preset: e.spec.preset,
          status: 'running',
          backend: e.backend.name,
          device: e.backend.device,
          versions: {},
          startedAt: e.startedAt,
          totalSteps: e.totalSteps,
          finalMetrics: {},
          ...(e.warnings ? { warnings: e.warnings } : {}),
        },
      });
      return;
    }
    const r = runs.get(e.runId);
    if (!r) return;
    if (e.type === 'metrics') {
      r.metrics.push(...e.rows);
      r.summary.lastStep = e.rows[e.rows.length - 1]?.step ?? r.summary.lastStep;
    }
    if (e.type === 'winners') {
      const byLayer = r.winners.get(e.step) ?? new Map<string, WinnerTrace>();
      byLayer.set(e.layer, traceOf(e));
      r.winners.set(e.step, byLayer);
    }
    if (e.type === 'som-snapshot') {
      const byLayer = r.snapshots.get(e.snapshot.step) ?? new Map<string, SomSnapshot>();
      byLayer.set(e.snapshot.layer, e.snapshot);
      r.snapshots.set(e.snapshot.step, byLayer);
    }
    if (e.type === 'finished')
      Object.assign(r.summary, { status: e.status, finalMetrics: e.finalMetrics, endedAt: e.endedAt });
    if (e.type === 'failed') Object.assign(r.summary, { status: 'failed', error: e.error, endedAt: e.endedAt });
  }

  function emit(e: RunEvent): void {
    record(e);
    for (const l of [...listeners]) l(e);
  }

  const need = (): ProjectInfo => {
    if (!project) throw new Error('no project is open: open or create a project folder first');
    return project;
  };
  const run = (id: RunId): FakeRun => {
    const r = runs.get(id);
    if (!r) throw new Error(`run "${id}" not found in project ${need().dir}`);
    return r;
  };
  const newId = (d = new Date()): RunId =>
    `${d.toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${String(++counter).padStart(3, '0')}`;
  const log = (call: string, args: unknown[]): void => {
    calls.push({ call, args });
  };

  function preview(ref: DatasetRef): DatasetPreview {
    if (ref.source === 'folder' && /missing|bad/.test(ref.path))
      throw new Error(`${ref.path}: no dataset found (expected IDX files, CIFAR-10 batches, class folders or a CSV)`);
    const name = ref.source === 'builtin' ? ref.name : 'mnist';
    const d = demoData(name, 8, 1);
    return {
      name: ref.source === 'builtin' ? ref.name : (ref.path.split('/').filter(Boolean).pop() ?? ref.path),
      format: ref.source === 'builtin' ? 'builtin' : 'imagefolder',
      source: ref.source === 'builtin' ? `builtin:${ref.name}` : ref.path,
      shape: d.shape,
      classes: d.classes,
      trainCount: 60000,
      testCount: 10000,
      warnings: [],
      samples: Array.from({ length: d.count }, (_, i) => ({
        label: d.labels?.[i] ?? -1,
        data: d.x.slice(i * d.dim, (i + 1) * d.dim),
      })),
    };
  }

  const api = {
    async 'project:open'(dir) {
      log('project:open', [dir]);
      project = {
        format: 'somlab-project',
        version: 1,
        name: dir.split('/').filter(Boolean).pop() ?? dir,
        created: now(),
        dir,
      };
      return project;
    },
    async 'project:create'(dir, name) {
      log('project:create', [dir, name]);
      project = { format: 'somlab-project', version: 1, name, created: now(), dir };
      return project;
    },
    async 'project:current'() {
      return project;
    },
    async 'project:openDefault'() {
      return this['project:open']('/demo/default-project');
    },
    async 'projects:recent'() {
      return [];
    },
    async 'runs:list'() {
      need();
      return [...runs.values()].map((r) => ({ ...r.summary })).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    async 'runs:get'(id) {
      const r = run(id);
      const sorted = (m: Map<number, unknown>): number[] => [...m.keys()].sort((a, b) => a - b);
      return {
        summary: { ...r.summary },
        spec: r.spec,
        metrics: [...r.metrics],
        snapshotSteps: sorted(r.snapshots),
        winnerSteps: sorted(r.winners),
      } satisfies RunDetail;
    },
    async 'runs:winners'(id, step, layer) {
      const w = run(id)
        .winners.get(step)
        ?.get(layer ?? 'som');
      if (!w) throw new Error(`run "${id}" has no winners of layer "${layer ?? 'som'}" at step ${step}`);
      return w;
    },
    async 'runs:snapshot'(id, step, layer) {
      const s = run(id)
        .snapshots.get(step)
        ?.get(layer ?? 'som');
      if (!s) throw new Error(`run "${id}" has no snapshot of layer "${layer ?? 'som'}" at step ${step}`);
      return s;
    },
    async 'runs:start'(input) {
      log('runs:start', [input]);
      need();
      const spec = parseSpec(input);
      const id = newId();
      if (o.autoplay) {
        const c = scriptRun(spec, id, emit, { tickMs: o.tickMs });
        controls.set(id, c);
        void c.done.then(() => controls.delete(id));
      } else {
        emit({
          type: 'run-started',
          v: EVENTS_VERSION,
          runId: id,
          spec,
          totalSteps: 100,
          startedAt: now(),
          backend: { name: 'cpu', device: 'fake', skipped: [] },
        });
      }
      return id;
    },
    async 'runs:startPreset'(name) {
      log('runs:startPreset', [name]);
      const p = findPreset(name);
      return this['runs:start']({ ...p.spec, preset: p.name });
    },
    async 'runs:pause'(id) {
      log('runs:pause', [id]);
      const c = controls.get(id);
      if (c) c.pause();
      else emit({ type: 'state', v: EVENTS_VERSION, runId: id, state: 'paused' });
    },
    async 'runs:resume'(id) {
      log('runs:resume', [id]);
      const c = controls.get(id);
      if (c) c.resume();
      else emit({ type: 'state', v: EVENTS_VERSION, runId: id, state: 'running' });
    },
    async 'runs:stop'(id) {
      log('runs:stop', [id]);
      const c = controls.get(id);
      if (c) c.stop();
      else
        emit({ type: 'finished', v: EVENTS_VERSION, runId: id, status: 'stopped', finalMetrics: {}, endedAt: now() });
    },
    async 'presets:list'() {
      return o.presets ?? PRESETS;
    },
    async 'datasets:roots'() {
      return ['/data'];
    },
    async 'datasets:preview'(ref) {
      log('datasets:preview', [ref]);
      return preview(ref);
    },
    // Like the lab server: no native dialog, the UI keeps its text field.
    async 'dialogs:pickFolder'(purpose) {
      log('dialogs:pickFolder', [purpose]);
      return null;
    },
    async 'files:reveal'(path) {
      log('files:reveal', [path]);
      return false;
    },
    onRunEvent(l: (e: RunEvent) => void) {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
  } satisfies Api;

  return Object.assign(api, {
    emit,
    runs,
    calls,
    listenerCount: () => listeners.size,
    seedRun(input: unknown, startedAt = new Date()): RunId {
      const id = newId(startedAt);
      scriptRun(parseSpec(input), id, record, { instant: true, startedAt });
      return id;
    },
  });
}
