/**
 * The worker threads of one data-parallel run (ranks 1..size−1; the trainer's thread is rank 0). open() starts
 * them and waits until each has built its replica; step() tells them to run a step (rank 0 then runs its own,
 * meeting them in the collective); close() disposes their engines and ends the threads. A worker that fails
 * or exits turns the next step into an error that names it.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { BackendName } from '../../shared/options';
import type { ExperimentSpec } from '../../shared/spec';
import { rootReducer, signalsFor } from './collective';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { setReducer, SOLO } from './reduce';

export interface PoolOptions {
  spec: ExperimentSpec;
  size: number;
  backend: BackendName;
  allowedRoots?: string[];
  cacheRoot?: string;
}

const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./worker-main.ts', import.meta.url).href;
const CLOSE_MS = 10_000;

export class WorkerPool {
  private failure: string | undefined;
  private closing = false;

  private constructor(private readonly workers: Worker[]) {
    workers.forEach((w, i) => {
      const who = `worker ${i + 1} of ${workers.length + 1}`;
      w.on('message', (m: FromWorker) => {
        if (m.type === 'failed') this.failure ??= `${who} failed: ${m.error}`;
      });
      w.on('error', (e) => (this.failure ??= `${who} crashed: ${e.message}`));
      w.on('exit', (code) => {
        if (!this.closing) this.failure ??= `${who} exited (code ${code}) before the run ended`;
      });
    });
  }

  get size(): number {
    return this.workers.length + 1;
  }

  /** Starts size − 1 workers, each building the run's experiment; rank 0's reducer is set once all are ready. */
  static async open(o: PoolOptions): Promise<WorkerPool> {
    const sig = signalsFor(o.size);
    const ports = [];
    const workers: Worker[] = [];
    for (let rank = 1; rank < o.size; rank++) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const init: WorkerInit = { entry: ENTRY, spec: o.spec, rank, size: o.size, backend: o.backend, port: port2, sig };
      if (o.allowedRoots) init.allowedRoots = o.allowedRoots;
      if (o.cacheRoot) init.cacheRoot = o.cacheRoot;
      workers.push(new Worker(BOOT, { workerData: init, transferList: [port2] }));
    }
    const pool = new WorkerPool(workers);
    try {
      await Promise.all(workers.map((w, i) => ready(w, i + 1, o.size)));
    } catch (e) {
      await pool.close();
      throw e;
    }
    setReducer(rootReducer(ports, sig));
    return pool;
  }

  /** Tells every worker to run `step`; throws the first failure seen so far. */
  step(step: number, epoch: number): void {
    this.check();
    this.workers.forEach((w) => w.postMessage({ type: 'step', step, epoch } satisfies ToWorker));
  }

  check(): void {
    if (this.failure) throw new Error(`data-parallel training: ${this.failure}`);
  }

  /** Disposes every worker's engine and ends its thread (terminated if it does not answer in time). */
  async close(): Promise<void> {
    this.closing = true;
    setReducer(SOLO);
    await Promise.all(
      this.workers.map(async (w) => {
        if (w.threadId < 0) return; // already exited
        const gone = new Promise<void>((r) => w.once('exit', () => r()));
        w.postMessage({ type: 'close' } satisfies ToWorker);
        const timer = setTimeout(() => void w.terminate(), CLOSE_MS);
        await gone;
        clearTimeout(timer);
      }),
    );
  }
}

function ready(w: Worker, rank: number, size: number): Promise<void> {
  const who = `worker ${rank} of ${size}`;
  return new Promise((resolve, reject) => {
    const off = (): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (m: FromWorker): void => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'failed') reject(new Error(`data-parallel training: ${who} could not start: ${m.error}`));
      else return;
      off();
    };
    const onError = (e: Error): void => (
      off(),
      reject(new Error(`data-parallel training: ${who} crashed: ${e.message}`))
    );
    const onExit = (code: number): void => (
      off(),
      reject(new Error(`data-parallel training: ${who} exited (${code})`))
    );
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
  });
}
