/**
 * LabHost's runs in this session: each spec is admitted (memory estimate against the budget), then queued;
 * at most `maxTrainers` trainers run at once and the rest wait as `queued` runs in the list (in memory only:
 * a host that dies leaves nothing stale on disk). Calls answer at once, before the trainer boots.
 */
import type { RunDetail } from '../shared/api';
import type { RunEvent } from '../shared/events';
import type { RunSummary } from '../shared/project';
import type { RunId } from '../shared/run-types';
import type { ExperimentSpec } from '../shared/spec';
import { parseSpec } from '../shared/validate';
import { admitSpec, defaultMemoryBudget, shapeOf } from '../engine/admission';
import { newRunId } from '../engine/runs';
import { launchTrainer, type TrainerHandle } from './launch-trainer';
import { withHonestPreset } from './results-calls';
import { stopAll, type StopAllResult } from './shutdown';
import { TrainerQueue, type QueueJob } from './trainer-queue';
import type { TrainerTransport } from './trainer-child';

export interface HostRunsOptions {
  transport?: TrainerTransport;
  /** Peak memory one trainer may plan for (bytes); default: half the machine's RAM. */
  memoryBudget?: number;
  /** Trainers at once; default: the machine's cores. */
  maxTrainers?: number;
  dataRoots(): string[];
  unrestricted: boolean;
  emit(e: RunEvent): void;
}

interface RunJob extends QueueJob<TrainerHandle> {
  spec: ExperimentSpec;
  projectDir: string;
  queuedAt: string;
  /** Launched, but its run folder not yet on disk. */
  booting?: boolean;
}

export class HostRuns {
  readonly budget: number;
  private readonly queue: TrainerQueue<TrainerHandle, RunJob>;

  constructor(private readonly o: HostRunsOptions) {
    this.budget = o.memoryBudget ?? defaultMemoryBudget();
    this.queue = new TrainerQueue({
      maxRunning: o.maxTrainers,
      onLaunchError: (id, e) => o.emit({ type: 'log', v: 1, runId: id, level: 'error', message: String(e) }),
    });
  }

  get maxTrainers(): number {
    return this.queue.maxRunning;
  }

  /** Validates and admits every spec first, so a sweep with one spec over the budget queues none. */
  enqueue(project: () => string, inputs: unknown[], group?: string): RunId[] {
    const specs = inputs.map((s) => withHonestPreset(parseSpec(s)));
    const projectDir = project(); // after the specs: a bad spec is named even with no project open
    for (const spec of specs) admitSpec(spec, shapeOf(spec.dataset), this.budget);
    if (group) this.queue.cancelGroup(group); // a sweep started again replaces its waiting variants
    const taken = new Set([...this.queue.queued(), ...this.queue.started().map((s) => s.job)].map((j) => j.id));
    return specs.map((spec) => {
      let id = newRunId(spec);
      while (taken.has(id)) id = newRunId(spec); // ids share the second; the random tail may repeat
      taken.add(id);
      const job: RunJob = {
        id,
        group,
        spec,
        projectDir,
        queuedAt: new Date().toISOString(),
        launch: () => this.launch(job),
      };
      this.queue.add(job);
      return id;
    });
  }

  private launch(job: RunJob): TrainerHandle {
    job.booting = true;
    const h = launchTrainer({
      transport: this.o.transport,
      spec: job.spec,
      projectDir: job.projectDir,
      dataRoots: this.o.dataRoots(),
      unrestricted: this.o.unrestricted,
      group: job.group,
      runId: job.id,
      memoryBudget: this.budget,
      onEvent: (e) => this.o.emit(e),
    });
    void h.created.then(() => (job.booting = false));
    return h;
  }

  /** A started run's handle; a queued one is named as such (it can be stopped, not paused). */
  handle(id: RunId, what: 'pause' | 'resume' | 'stop'): TrainerHandle {
    if (this.queue.isWaiting(id))
      throw new Error(
        `run ${id} is queued (waiting for one of ${this.maxTrainers} trainer slots): it cannot ${what} ` +
          'before it starts; stop it to take it off the queue',
      );
    const h = this.queue.handle(id);
    // A run that said it ended is no longer training, though its process may take a moment to exit.
    if (!h || h.ended) throw new Error(`run ${id} is not training in this session`);
    return h;
  }

  stop(id: RunId): void {
    if (!this.queue.cancel(id)) this.handle(id, 'stop').stop();
  }

  /** Stops every run of a group and takes its waiting variants off the queue. */
  stopGroup(group: string): void {
    this.queue.cancelGroup(group);
    for (const { job, handle } of this.queue.started()) if (job.group === group) handle.stop();
  }

  /** Runs not (yet) on disk: queued ones, and started ones whose trainer has not created the folder. */
  private inMemory(projectDir: string): RunSummary[] {
    const jobs = [
      ...this.queue.queued().map((job) => ({ job, status: 'queued' as const })),
      ...this.queue.started().flatMap(({ job }) => (job.booting ? [{ job, status: 'running' as const }] : [])),
    ];
    return jobs
      .filter(({ job }) => job.projectDir === projectDir)
      .map(({ job, status }) => ({
        id: job.id,
        kind: job.spec.kind,
        ...(job.spec.name ? { name: job.spec.name } : {}),
        ...(job.spec.preset ? { preset: job.spec.preset } : {}),
        ...(job.group ? { group: job.group } : {}),
        status,
        versions: {},
        startedAt: job.queuedAt,
        finalMetrics: {},
      }));
  }

  /** The disk's list with this session's runs not yet on disk, newest first. */
  list(projectDir: string, onDisk: RunSummary[]): RunSummary[] {
    const known = new Set(onDisk.map((r) => r.id));
    const extra = this.inMemory(projectDir).filter((r) => !known.has(r.id));
    return [...extra.reverse(), ...onDisk];
  }

  /** A run not yet on disk, as a run with no rows; undefined when the disk must answer. */
  detail(projectDir: string, id: RunId): RunDetail | undefined {
    const summary = this.inMemory(projectDir).find((r) => r.id === id);
    const job = [...this.queue.queued(), ...this.queue.started().map((s) => s.job)].find((j) => j.id === id);
    return summary && job ? { summary, spec: job.spec, metrics: [], snapshotSteps: [] } : undefined;
  }

  /** Shutdown: nothing more starts, waiting runs are dropped, running ones stopped (shutdown.ts). */
  async close(graceMs: number): Promise<StopAllResult> {
    this.queue.close();
    return stopAll(
      this.queue.started().map((s) => s.handle),
      graceMs,
    );
  }
}
