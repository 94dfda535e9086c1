/**
 * The local sweep executor: every variant a normal run in the project, grouped under the sweep, `parallel`
 * trainer processes at once (default: the machine's cores) and the rest queued. One line per variant as it
 * ends, no progress bars (several trainers would fight over one terminal line). Ctrl-C stops them all.
 */
import { availableParallelism } from 'node:os';
import type { SweepSpec } from '../shared/sweep-spec';
import type { CheckedVariant } from '../shared/sweep-validate';
import { TrainerQueue } from '../host/trainer-queue';
import { formatMetrics } from './list';
import { trainOne, type TrainOutcome } from './train-one';

/**
 * Trainer threads each trainer uses. Today every trainer is single-threaded (wasm, cpu), so a sweep runs one
 * trainer per core; once multi-worker training lands, raise this and the sweep runs fewer, wider trainers.
 */
export const WORKERS_PER_TRAINER = 1;

/** Trainers at once on `cores` cores. */
export const defaultParallel = (cores = availableParallelism()): number =>
  Math.max(1, Math.floor(cores / WORKERS_PER_TRAINER));

export interface LocalSweep {
  id: string;
  sweep: SweepSpec;
  variants: readonly CheckedVariant[];
  project: string;
  data: string[];
  parallel?: number;
  /** Passed to each run's admission check (train-one.ts). */
  memoryBudget?: number;
  log?: (line: string) => void;
}

export interface LocalOutcome extends TrainOutcome {
  index: number;
  label: string;
}

export async function runLocal(o: LocalSweep): Promise<LocalOutcome[]> {
  const parallel = o.parallel ?? defaultParallel();
  const log = o.log ?? ((l: string) => console.error(l));
  log(`sweep ${o.id}: ${o.variants.length} variants, ${parallel} at a time`);
  const outcomes: LocalOutcome[] = [];
  // The host's bounded queue: `parallel` trainers at once, the next variant starts as one exits.
  const queue = new TrainerQueue<{ exited: Promise<void> }>({ maxRunning: parallel });
  // Ctrl-C: each running trainer stops after its batch (trainOne's handler); no queued variant starts.
  const onSigint = (): void => void queue.close();
  process.on('SIGINT', onSigint);
  const train = async (v: CheckedVariant): Promise<void> => {
    const out = await trainOne(v.parsed, {
      project: o.project,
      data: o.data,
      group: o.sweep.name,
      memoryBudget: o.memoryBudget,
      sweep: { id: o.id, index: v.index },
      progress: false,
    });
    outcomes.push({ ...out, index: v.index, label: v.label });
    const what = out.status === 'failed' ? `failed: ${out.error}` : `${out.status} ${formatMetrics(out.finalMetrics)}`;
    const n = `[${outcomes.length}/${o.variants.length}]`;
    log(`${n} ${v.label}: ${what} (${(out.wallMs / 1000).toFixed(1)} s, run ${out.runId})`);
  };
  try {
    for (const v of o.variants) queue.add({ id: String(v.index), launch: () => ({ exited: train(v) }) });
    await queue.idle();
  } finally {
    process.off('SIGINT', onSigint);
  }
  return outcomes.sort((a, b) => a.index - b.index);
}
