/**
 * The fake Api's admission and queue, with LabHost's rules (src/host/host-runs.ts): specs admitted against
 * the memory budget by the shared estimate, at most maxTrainers playing at once, the rest listed `queued`
 * in order; a queued run can be stopped (taken off the queue) but not paused or resumed.
 */
import type { RunDetail } from '../../../shared/api';
import { admitSpec, shapeOf } from '../../../shared/admission/admit';
import type { RunSummary } from '../../../shared/project';
import type { RunId } from '../../../shared/run-types';
import type { ExperimentSpec } from '../../../shared/spec';

export interface FakeJob {
  id: RunId;
  spec: ExperimentSpec;
  group?: string;
  queuedAt: string;
}

export class FakeQueue {
  private readonly waiting: FakeJob[] = [];
  private running = 0;
  private readonly max: number;
  private readonly budget: number;

  constructor(
    o: { maxTrainers?: number; memoryBudget?: number },
    private readonly play: (job: FakeJob) => Promise<void>,
  ) {
    this.max = o.maxTrainers ?? 4;
    this.budget = o.memoryBudget ?? 8 * 2 ** 30;
  }

  admit(specs: ExperimentSpec[]): void {
    for (const spec of specs) admitSpec(spec, shapeOf(spec.dataset), this.budget);
  }

  add(job: FakeJob): RunId {
    this.waiting.push(job);
    this.pump();
    return job.id;
  }

  /** True when `id` is queued and the call is a stop (done: taken off); throws for pause and resume. */
  refuse(id: RunId, what: 'pause' | 'resume' | 'stop'): boolean {
    const i = this.waiting.findIndex((j) => j.id === id);
    if (i < 0) return false;
    if (what === 'stop') return (this.waiting.splice(i, 1), true);
    throw new Error(
      `run ${id} is queued (waiting for one of ${this.max} trainer slots): it cannot ${what} ` +
        'before it starts; stop it to take it off the queue',
    );
  }

  cancelGroup(group: string): void {
    for (const j of this.waiting.filter((w) => w.group === group)) this.refuse(j.id, 'stop');
  }

  summaries(): RunSummary[] {
    return this.waiting.map((j) => ({
      id: j.id,
      kind: j.spec.kind,
      ...(j.spec.name ? { name: j.spec.name } : {}),
      ...(j.spec.preset ? { preset: j.spec.preset } : {}),
      ...(j.group ? { group: j.group } : {}),
      status: 'queued',
      versions: {},
      startedAt: j.queuedAt,
      finalMetrics: {},
    }));
  }

  detail(id: RunId): RunDetail | undefined {
    const summary = this.summaries().find((s) => s.id === id);
    const job = this.waiting.find((j) => j.id === id);
    return summary && job ? { summary, spec: job.spec, metrics: [], snapshotSteps: [] } : undefined;
  }

  private pump(): void {
    while (this.running < this.max && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running++;
      void this.play(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}
