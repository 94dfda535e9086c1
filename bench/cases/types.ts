import type * as tfc from '@tensorflow/tfjs-core';

/** One workload: `setup` builds it on the active backend; `step` runs one training step (and waits for it). */
export interface BenchCase {
  name: string;
  batch: number;
  /** Forward + backward floating-point operations per sample, for GFLOP/s. */
  flopsPerSample: number;
  /** Backends this case is too slow for (skipped with the reason). */
  skipOn?: Record<string, string>;
  setup(tf: typeof tfc): Promise<{ step(): Promise<void>; dispose(): void }>;
}
