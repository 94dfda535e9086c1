/**
 * An in-memory Api for the renderer's tests: a project "on disk" in memory (fake-disk), runs played by a
 * stand-in trainer at the engine loop's schedule (fake-trainer), and the host's rules: no calls before a
 * project is open, specs checked by parseSpec and admitted against a memory budget, at most maxTrainers
 * runs at once and the rest queued (fake-queue), a sweep's variants queued together in a group, pause/stop
 * only for runs still training. The contract test (src/host/api-contract.test.ts) holds it to what LabHost does.
 * Tests may also `emit` events themselves, as a trainer would.
 */
import type { Api, ProjectInfo } from '../../../shared/api';
import { EVENTS_VERSION as v, type RunEvent } from '../../../shared/events';
import { findPreset, PRESETS } from '../../../shared/presets';
import type { Preset, RunId } from '../../../shared/run-types';
import { expandPreset } from '../../../shared/sweep';
import { parseSpec } from '../../../shared/validate';
import { FakeDisk, type FakeRun } from './fake-disk.test-helper';
import { playRun, type FakeTrainer } from './fake-trainer.test-helper';
import { preview } from './fake-views.test-helper';
import { fakeResultsCalls } from './fake-results.test-helper';
import { FakeQueue } from './fake-queue.test-helper';
import { fakeRobustnessCalls } from './fake-robustness.test-helper';

export type { FakeRun } from './fake-disk.test-helper';

export interface FakeApiOptions {
  project?: ProjectInfo | null;
  presets?: Preset[];
  /** Runs at once (LabHost: the machine's cores); the rest wait as `queued`. */
  maxTrainers?: number;
  /** Bytes a spec may be estimated to need (LabHost: half the RAM). */
  memoryBudget?: number;
}

export type FakeApi = Api & {
  emit(e: RunEvent): void;
  readonly runs: Map<RunId, FakeRun>;
  readonly calls: { call: string; args: unknown[] }[];
  listenerCount(): number;
  /** Plays a whole run synchronously onto the fake disk (a finished run to reopen), without events. */
  seedRun(spec: unknown, startedAt?: Date): RunId;
};

const now = (): string => new Date().toISOString();

export function createFakeApi(o: FakeApiOptions = {}): FakeApi {
  let project: ProjectInfo | null = o.project === undefined ? null : o.project;
  const disk = new FakeDisk();
  const listeners = new Set<(e: RunEvent) => void>();
  const trainers = new Map<RunId, FakeTrainer>();
  const calls: { call: string; args: unknown[] }[] = [];
  let counter = 0;

  const emitTo = (group?: string) => (e: RunEvent) => {
    disk.record(e, group);
    for (const l of [...listeners]) l(e);
  };
  const emit = emitTo();
  const need = (): ProjectInfo => {
    if (!project) throw new Error('no project is open: open or create a project folder first');
    return project;
  };
  const where = (): string => need().dir;
  const newId = (d = new Date()): RunId =>
    `${d.toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${String(++counter).padStart(3, '0')}`;
  const log = (call: string, args: unknown[]): void => void calls.push({ call, args });

  const queue = new FakeQueue(o, (job) => {
    const t = playRun(job.spec, job.id, emitTo(job.group));
    trainers.set(job.id, t);
    return t.done.then(() => void trainers.delete(job.id));
  });
  /** Like LabHost: every spec checked and admitted first, then queued; answers at once. */
  function enqueue(inputs: unknown[], group?: string): RunId[] {
    const specs = inputs.map((i) => parseSpec(i)); // before the project check, as LabHost does
    need();
    queue.admit(specs);
    return specs.map((spec) => queue.add({ id: newId(), spec, group, queuedAt: now() }));
  }
  /** A run training in this session: played here, or started by a test's own events and not ended. */
  function control(id: RunId, what: 'pause' | 'resume' | 'stop'): void {
    if (queue.refuse(id, what)) return;
    const t = trainers.get(id);
    if (t) return t[what]();
    const status = disk.runs.get(id)?.summary.status;
    if (status !== 'running') throw new Error(`run ${id} is not training in this session`);
    if (what === 'stop') emit({ type: 'finished', v, runId: id, status: 'stopped', finalMetrics: {}, endedAt: now() });
    else emit({ type: 'state', v, runId: id, state: what === 'pause' ? 'paused' : 'running' });
  }

  const api = {
    async 'project:open'(dir) {
      log('project:open', [dir]);
      const name = dir.split('/').filter(Boolean).pop() ?? dir;
      return (project = { format: 'somlab-project', version: 1, name, created: now(), dir });
    },
    async 'project:create'(dir, name) {
      log('project:create', [dir, name]);
      return (project = { format: 'somlab-project', version: 1, name, created: now(), dir });
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
      const all = [...queue.summaries(), ...[...disk.runs.values()].map((r) => ({ ...r.summary }))];
      return all.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    async 'runs:get'(id) {
      return queue.detail(id) ?? disk.detail(id, where());
    },
    async 'runs:winners'(id, step, layer) {
      return disk.stored(id, where(), 'winners', step, layer);
    },
    async 'runs:snapshot'(id, step, layer) {
      return disk.stored(id, where(), 'snapshots', step, layer);
    },
    async 'runs:start'(input) {
      log('runs:start', [input]);
      return enqueue([input])[0]!;
    },
    async 'runs:startPreset'(name) {
      log('runs:startPreset', [name]);
      const preset = findPreset(name);
      return enqueue(
        expandPreset(preset).map((v) => v.spec),
        preset.variants ? preset.name : undefined,
      )[0]!;
    },
    async 'runs:pause'(id) {
      log('runs:pause', [id]);
      control(id, 'pause');
    },
    async 'runs:resume'(id) {
      log('runs:resume', [id]);
      control(id, 'resume');
    },
    async 'runs:stop'(id) {
      log('runs:stop', [id]);
      control(id, 'stop');
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
    ...fakeResultsCalls(
      disk.runs,
      log,
      async (id) => control(id, 'stop'),
      (group) => queue.cancelGroup(group),
    ),
    ...fakeRobustnessCalls(disk.runs, log, emit),
    onRunEvent(l: (e: RunEvent) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  } satisfies Api;

  return Object.assign(api, {
    emit,
    runs: disk.runs,
    calls,
    listenerCount: () => listeners.size,
    seedRun(input: unknown, startedAt = new Date()): RunId {
      const id = newId(startedAt);
      playRun(parseSpec(input), id, (e) => disk.record(e), { instant: true, startedAt });
      return id;
    },
  });
}
