/**
 * One worker thread of a data-parallel run: its own tfjs engine on the run's backend, the same dataset and
 * the same experiment as rank 0 (same spec and seed, so the same starting weights), stepped when rank 0 says;
 * inside a step its share of the batch goes through the collective. Only rank 0 evaluates, snapshots and saves.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Experiment } from '../train/experiment';
import { memberReducer, postFailure } from './collective';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { setReducer } from './reduce';

const init = workerData as WorkerInit;
const say = (m: FromWorker): void => parentPort!.postMessage(m);
const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));
let exp: Experiment | undefined;
let failed = false;

function fail(e: unknown): void {
  if (failed) return;
  failed = true;
  const error = text(e);
  postFailure(init.port, init.sig, init.rank, error);
  say({ type: 'failed', error });
}

async function start(): Promise<void> {
  const { defaultTrainerDeps } = await import('../train/default-deps');
  await import('../models');
  const { buildFromRegistry } = await import('../train/trainer-deps');
  await defaultTrainerDeps.pickBackend(init.backend);
  const data = await defaultTrainerDeps.loadDataset(init.spec.dataset, {
    allowedRoots: init.allowedRoots,
    seed: init.spec.seed,
    ...(init.cacheRoot ? { cacheRoot: init.cacheRoot, stream: init.spec.kind === 'som' } : {}),
  });
  exp = await buildFromRegistry(init.spec, data);
  setReducer(memberReducer(init.rank, init.size, init.port, init.sig));
  say({ type: 'ready' });
}

async function onMessage(m: ToWorker): Promise<void> {
  if (m.type === 'close') {
    exp?.dispose();
    exp = undefined;
    say({ type: 'closed' });
    init.port.close();
    process.exit(0); // in a worker thread this ends the thread only
  }
  if (failed || !exp) return;
  await exp.step(m.step, m.epoch);
  exp.late?.take(); // rank 0 reports the metrics; drain this rank's reads so they do not pile up
}

// Steps run one after another, in the order rank 0 sent them.
let queue = Promise.resolve();
parentPort!.on('message', (m: ToWorker) => {
  queue = queue.then(() => onMessage(m)).catch(fail);
});
start().catch(fail);
