/** What the trainer and its worker threads say to each other (besides the collective's own ports). */
import type { MessagePort } from 'node:worker_threads';
import type { BackendName } from '../../shared/options';
import type { ExperimentSpec } from '../../shared/spec';

export interface WorkerInit {
  /** The module the boot script imports (worker-main.ts). */
  entry: string;
  spec: ExperimentSpec;
  rank: number;
  size: number;
  /** The backend rank 0 runs on (asked for by name, so every rank runs the same kernels). */
  backend: BackendName;
  allowedRoots?: string[];
  /** The project's dataset cache (rank 0 has built it): a big table streams from it here too. */
  cacheRoot?: string;
  port: MessagePort;
  sig: Int32Array;
}

export type ToWorker = { type: 'step'; step: number; epoch: number } | { type: 'close' };

export type FromWorker = { type: 'ready' } | { type: 'failed'; error: string } | { type: 'closed' };
