import type * as tfc from '@tensorflow/tfjs-core';

export type Tf = typeof tfc;

/** A workload built on the active backend. `step` runs one training step and waits until it is done. */
export interface Workload {
  step(): Promise<void> | void;
  dispose(): void;
}

/** One bench case: export it from a file in bench/cases (cases/index.ts finds it; names must be unique). */
export interface BenchCase {
  name: string;
  /** Samples per step (samples/s = batch / median step time). */
  batch: number;
  /** Floating-point operations per sample of one step (forward + backward + update), for GFLOP/s. */
  flopsPerSample: number;
  /** Key of the PyTorch reference figure (bench-ref/torch_ref.py) this case is compared with. */
  ref?: string;
  /** Run on the pure-JS cpu backend too (only cases small enough to finish in seconds there). */
  cpuOk?: boolean;
  setup(tf: Tf): Promise<Workload> | Workload;
}
