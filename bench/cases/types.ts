import type * as tfc from '@tensorflow/tfjs-core';

export type Tf = typeof tfc;

/**
 * A workload built on the active backend. `step` runs one training step as a training loop would (what it
 * dispatches and reads back is counted); `sync`, when there is one, waits until the step's work is done (on
 * asynchronous backends a step only queues it) and is timed but not counted.
 */
export interface Workload {
  step(): Promise<void> | void;
  sync?(): Promise<void>;
  dispose(): void;
}

/** One bench case: export it from a file in bench/cases (cases/index.ts finds it; names must be unique). */
export interface BenchCase {
  name: string;
  /** Samples per step (samples/s = batch / median step time). */
  batch: number;
  /** Floating-point operations per sample of one step (forward + backward + update), for GFLOP/s. */
  flopsPerSample: number;
  /** Key of the reference figure (the `--ref` command's JSON, e.g. a PyTorch run) this case is compared with. */
  ref?: string;
  /** Run on the pure-JS cpu backend too (only cases small enough to finish in seconds there). */
  cpuOk?: boolean;
  /** Worker threads the case trains on (1 when absent). */
  workers?: number;
  setup(tf: Tf): Promise<Workload> | Workload;
}
