/**
 * Data-parallel training for a built experiment: plan the workers, start the pool, and step it with rank 0.
 * The pool outlives nothing: close() (the trainer calls it when the run ends, however it ends) ends every thread.
 */
import type { BackendName } from '../../shared/options';
import type { ExperimentSpec } from '../../shared/spec';
import type { Experiment } from '../train/experiment';
import { planWorkers, weightCount, type WorkerPlan } from './plan';
import { WorkerPool } from './pool';

export interface Parallel {
  exp: Experiment;
  plan: WorkerPlan;
  close(): Promise<void>;
}

/** `exp` whose every step first tells the pool's workers to run the same step (they meet in the collective). */
export function withPool(exp: Experiment, pool: WorkerPool): Experiment {
  return new Proxy(exp, {
    get(target, key) {
      if (key === 'step') return (step: number, epoch: number) => (pool.step(step, epoch), target.step(step, epoch));
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const noop = async (): Promise<void> => undefined;

/** Plans the run's workers and starts them; where they cannot start, the run trains on one thread. */
export async function parallelize(
  spec: ExperimentSpec,
  backend: BackendName,
  exp: Experiment,
  allowedRoots?: string[],
  cacheRoot?: string,
  streamed = false,
): Promise<Parallel> {
  const plan = planWorkers(spec, backend, weightCount(), undefined, streamed);
  if (plan.workers <= 1) return { exp, plan, close: noop };
  let pool: WorkerPool;
  try {
    pool = await WorkerPool.open({ spec, size: plan.workers, backend, allowedRoots, cacheRoot });
  } catch (e) {
    // Rank 0 has built this run already, so the run itself is sound: train it on one thread and say why.
    const why = e instanceof Error ? e.message : String(e);
    return { exp, plan: { workers: 1, note: `1 worker: the worker threads did not start (${why})` }, close: noop };
  }
  return { exp: withPool(exp, pool), plan, close: () => pool.close() };
}

export { planWorkers, MIN_WORK } from './plan';
export { WorkerPool } from './pool';
