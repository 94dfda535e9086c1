/**
 * The engine's own training path on 1 and 2 worker threads (src/engine/parallel), so the workers column reads
 * the speed-up: the SOM step 400×784 b256, the MLP 784-256-256-10 b128 and LeNet b64 (one step per timed step),
 * the SOM peers' workload (the one xpysom, somoclu and MiniSom are timed on: 20×20, 784-d, 1,500 rows, 5 epochs,
 * σ 5 → 0.5 linear; one timed step is the whole run, so samples/s compares with the peers' own figures) and
 * a 30×30 SOM on full MNIST for 10 epochs (its wall time is the ms/step column).
 * Data: built-in MNIST (the peers use digits upscaled to 784-d; the work per row is the same).
 */
import type { ExperimentSpec } from '../../src/shared/spec';
import type { BenchCase, Tf } from './types';

const mnist = (trainLimit?: number) => ({ source: 'builtin', name: 'mnist', ...(trainLimit ? { trainLimit } : {}) });
const quiet = { probeCount: 0, snapshotEvery: 1_000_000, seed: 1 };
const som = (side: number, sigma: [number, number]) => ({
  rows: side,
  cols: side,
  sigma: { start: sigma[0], end: sigma[1], decay: 'linear' },
  learningRate: { start: 1, end: 1, decay: 'linear' },
  init: 'random',
});

interface RunCase {
  name: string;
  ref?: string;
  spec: Record<string, unknown>;
  /** Experiment steps per timed step (all of them: the whole run). */
  steps: number | 'all';
  batch: number;
  flopsPerSample: number;
}

function workersCase(c: RunCase, workers: number): BenchCase {
  return {
    name: `${c.name} ×${workers} workers`,
    batch: c.batch,
    flopsPerSample: c.flopsPerSample,
    ...(c.ref ? { ref: c.ref } : {}),
    workers,
    async setup(tf: Tf) {
      const backend = tf.getBackend();
      if (backend !== 'wasm' && backend !== 'cpu') throw new Error(`worker threads run on wasm or cpu, not ${backend}`);
      await import('../../src/engine/models');
      const { parseSpec } = await import('../../src/shared/validate');
      const { loadDataset } = await import('../../src/engine/data');
      const { buildFromRegistry } = await import('../../src/engine/train/trainer-deps');
      const { WorkerPool, withPool } = await import('../../src/engine/parallel');
      const spec: ExperimentSpec = parseSpec({ ...quiet, ...c.spec, workers }, c.name);
      const built = await buildFromRegistry(spec, await loadDataset(spec.dataset, { seed: spec.seed }));
      const pool = workers > 1 ? await WorkerPool.open({ spec, size: workers, backend }) : null;
      const exp = pool ? withPool(built, pool) : built;
      const per = c.steps === 'all' ? exp.totalSteps : c.steps;
      let at = 0;
      return {
        async step() {
          for (let i = 0; i < per; i++, at = (at + 1) % exp.totalSteps)
            await exp.step(at, Math.floor(at / exp.stepsPerEpoch));
          exp.late?.take();
        },
        async sync() {
          await exp.late?.settle();
        },
        dispose() {
          exp.dispose();
          void pool?.close();
        },
      };
    },
  };
}

const RUNS: RunCase[] = [
  {
    name: 'som-step 400×784 b256 (engine)',
    ref: 'som_step_400x784_b256',
    spec: { kind: 'som', dataset: mnist(10_000), batchSize: 256, epochs: 1, som: som(20, [3, 3]) },
    steps: 1,
    batch: 256,
    flopsPerSample: 4 * 400 * 784,
  },
  {
    name: 'mlp 784-256-256-10 b128 (engine)',
    ref: 'mlp_784_256_256_10_b128',
    spec: { kind: 'baseline-mlp', dataset: mnist(10_000), batchSize: 128, epochs: 1, hidden: [256, 256] },
    steps: 1,
    batch: 128,
    flopsPerSample: 6 * (784 * 256 + 256 * 256 + 256 * 10),
  },
  {
    name: 'cnn lenet b64 (engine)',
    ref: 'cnn_lenet_b64',
    spec: { kind: 'baseline-cnn', dataset: mnist(10_000), batchSize: 64, epochs: 1 },
    steps: 1,
    batch: 64,
    flopsPerSample: 6 * (28 * 28 * 16 * 25 + 14 * 14 * 32 * 16 * 25 + 1568 * 128 + 128 * 10),
  },
  {
    // One batch step per epoch over all 1,500 rows, as xpysom's and somoclu's batch SOMs do.
    name: 'som peers workload 20×20 784-d 1500 rows 5 epochs',
    spec: { kind: 'som', dataset: mnist(1500), batchSize: 1500, epochs: 5, som: som(20, [5, 0.5]) },
    steps: 'all',
    batch: 1500 * 5,
    flopsPerSample: 4 * 400 * 784,
  },
  {
    name: 'som full-mnist 30×30 10 epochs b1024 (wall time = ms/step)',
    spec: { kind: 'som', dataset: mnist(), batchSize: 1024, epochs: 10, som: som(30, [8, 0.5]) },
    steps: 'all',
    batch: 60_000 * 10,
    flopsPerSample: 4 * 900 * 784,
  },
];

export const workerCases: BenchCase[] = RUNS.flatMap((c) => [workersCase(c, 1), workersCase(c, 2)]);
