/**
 * At most `maxRunning` trainers at once; the rest wait in order (first in, first started). A job is started
 * through its own `launch`, so every host (LabHost, a CLI sweep's local executor) keeps its launcher; the
 * queue only decides when. A slot frees when the trainer's `exited` settles (its run's end is on disk).
 */
import { availableParallelism } from 'node:os';

/** What the queue needs of a started trainer. */
export interface Started {
  readonly exited: Promise<unknown>;
}

export interface QueueJob<H extends Started> {
  readonly id: string;
  /** Sweep group, for cancelling a whole sweep's waiting variants. */
  readonly group?: string;
  /** Starts the trainer; a throw frees the slot and is reported through onLaunchError. */
  launch(): H;
}

export interface TrainerQueueOptions {
  /** Trainers running at once (default: the machine's cores). */
  maxRunning?: number;
  /** A job whose launch threw (the host marks its run failed). */
  onLaunchError?(id: string, error: unknown): void;
}

/** Default bound on concurrent trainers: one per core (each trainer keeps a core busy). */
export const defaultMaxTrainers = (): number => Math.max(1, availableParallelism());

export class TrainerQueue<H extends Started, J extends QueueJob<H> = QueueJob<H>> {
  private readonly waiting: J[] = [];
  private readonly running = new Map<string, { job: J; handle: H }>();
  private closed = false;
  readonly maxRunning: number;

  constructor(private readonly o: TrainerQueueOptions = {}) {
    const n = o.maxRunning ?? defaultMaxTrainers();
    if (!Number.isInteger(n) || n < 1) throw new Error(`max trainers: expected a whole number ≥ 1, received ${n}`);
    this.maxRunning = n;
  }

  /** Adds a job: started at once while a slot is free ('starting'), else 'queued'. */
  add(job: J): 'starting' | 'queued' {
    if (this.closed) throw new Error('the host is shutting down: no new runs');
    this.waiting.push(job);
    this.pump();
    return this.running.has(job.id) ? 'starting' : 'queued';
  }

  /** The handle of a started job still running. */
  handle(id: string): H | undefined {
    return this.running.get(id)?.handle;
  }
  isWaiting(id: string): boolean {
    return this.waiting.some((j) => j.id === id);
  }
  /** Jobs still waiting, in the order they will start. */
  queued(): readonly J[] {
    return [...this.waiting];
  }
  /** Started jobs whose trainers have not exited. */
  started(): { job: J; handle: H }[] {
    return [...this.running.values()];
  }
  groupOf(id: string): string | undefined {
    return (this.running.get(id)?.job ?? this.waiting.find((j) => j.id === id))?.group;
  }

  /** Removes a waiting job; false when it is not waiting (running, done or unknown). */
  cancel(id: string): boolean {
    const i = this.waiting.findIndex((j) => j.id === id);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  /** Removes every waiting job of a group; returns their ids. */
  cancelGroup(group: string): string[] {
    const gone = this.waiting.filter((j) => j.group === group);
    for (const j of gone) this.cancel(j.id);
    return gone.map((j) => j.id);
  }

  /** Starts nothing more and drops every waiting job (returned); running trainers are the caller's to stop. */
  close(): J[] {
    this.closed = true;
    return this.waiting.splice(0);
  }

  /** Resolves once every started trainer has exited and none waits. */
  async idle(): Promise<void> {
    while (this.running.size || this.waiting.length)
      await Promise.race([...this.running.values()].map((r) => r.handle.exited));
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.maxRunning && this.waiting.length) {
      const job = this.waiting.shift()!;
      let handle: H;
      try {
        handle = job.launch();
      } catch (e) {
        this.o.onLaunchError?.(job.id, e);
        continue;
      }
      this.running.set(job.id, { job, handle });
      const free = (): void => {
        this.running.delete(job.id);
        this.pump();
      };
      handle.exited.then(free, free);
    }
  }
}
