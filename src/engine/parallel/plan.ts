/**
 * How many worker threads a run trains on. Asked for: spec.workers, else the machine's cores. One is used where
 * a split cannot give the single-thread result or costs more than it saves, and the note says why:
 * - backends other than wasm and cpu (a GPU backend is one device; its step is not split across threads);
 * - online SOM training (sample by sample, in order), dropout (each shard would draw the same mask rows),
 *   kWTA with the triplet loss (its loss couples the samples of a batch), and the kinds whose own step
 *   loop does not split batches yet (stacked-som, soft-som, som-after-features), and csom (its split run
 *   matches one thread for a step, then drifts: see parallel.test.ts);
 * - a table streamed from the dataset cache, unless spec.workers asks for more: it streams because it is big for
 *   this machine's memory, and every worker thread holds its own tfjs engine, modules and copy of the SOM
 *   (STREAMED_WORKER_MB more each, measured by bench:big-table on the 2M × 64 table);
 * - a step under MIN_WORK: batch rows × the run's weights (tf variables) per worker thread. Measured on the SOM
 *   step (400×784 weights, wasm, this 2-core box under load): 128 rows' sums 23–34 ms, 256 rows' 50–59 ms, so
 *   ≈ 0.2 ms a row; what a split adds is the collective (the weights read, posted, summed and uploaded again,
 *   0.2–0.9 ms) and the blend from the sums (1.1–4.5 ms). Halving B rows saves B/2 × 0.2 ms: the split pays
 *   from B ≈ 20–50 rows at 314k weights, 3–8M of work per worker. Weights under-count a conv net's work
 *   (LeNet: 215k weights, 2.9M multiply-adds a row), so convs split later than they could, never sooner.
 */
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentSpec } from '../../shared/spec';

/** batch rows × weights per worker below which a split step is slower than one thread (see the bench case). */
export const MIN_WORK = 4_000_000;

/**
 * Rows per worker below which a dense net's split step is slower than one thread: its work per row is about its
 * weights, so the gradient sum costs as much as B/2 rows of work. Measured (npm run bench, MLP 784-256-256-10,
 * wasm, this 2-core box, ms/step one thread vs two): b128 12.0 vs 13.2, b256 14.0 vs 13.4, b512 26.1 vs 20.9.
 * A conv net does ~13× more work per weight (LeNet b64: 77.8 vs 48.3) and MIN_WORK alone decides.
 */
export const MIN_DENSE_ROWS = 128;
const DENSE = new Set(['baseline-mlp', 'som-mask-mlp', 'kwta-mlp']);

/**
 * What one more worker thread added to the peak RSS of a streamed 30×30 SOM run (bench:big-table, 2M × 64,
 * wasm: 344 MB on one thread, 466 MB on two; the epoch took 102 s and 65 s on this loaded 2-core box).
 */
export const STREAMED_WORKER_MB = 120;

const SPLITS = new Set(['som', 'patch-som', 'baseline-mlp', 'baseline-cnn', 'som-mask-mlp', 'som-mask-cnn']);
const KWTA = 'kwta-mlp';

export interface WorkerPlan {
  workers: number;
  /** Why fewer than asked (absent when the run got what it asked for). */
  note?: string;
}

/** Why this spec cannot be split, or null. */
function unsplittable(spec: ExperimentSpec, backend: string): string | null {
  if (backend !== 'wasm' && backend !== 'cpu') return `the ${backend} backend trains on one device`;
  const s = spec as Record<string, unknown> & { kind: string };
  const som = s.som as { mode?: string } | undefined;
  if (som?.mode === 'online') return 'online SOM training is sample by sample';
  if (Number(s.dropout ?? 0) > 0 || Number(s.dropout2d ?? 0) > 0)
    return 'with dropout every shard would draw the same mask rows';
  const kwta = s.kwta as { loss?: string } | undefined;
  if (s.kind === KWTA) return kwta?.loss === 'triplet' ? 'the triplet loss couples the samples of a batch' : null;
  return SPLITS.has(s.kind) ? null : `${s.kind} does not split its batches yet`;
}

/** Weights of everything this engine holds as variables (the built experiment's model and maps). */
export function weightCount(): number {
  const vars = Object.values(tf.engine().registeredVariables);
  return vars.reduce((n, v) => n + v.size, 0);
}

export function planWorkers(
  spec: ExperimentSpec,
  backend: string,
  weights: number,
  cores = availableParallelism(),
  streamed = false,
): WorkerPlan {
  if (streamed && spec.workers === undefined && cores > 1) {
    const why = `each worker thread would add about ${STREAMED_WORKER_MB} MB to a table streamed from the cache`;
    return { workers: 1, note: `1 worker: ${why} (spec.workers asks for more)` };
  }
  const asked = spec.workers ?? cores;
  if (asked <= 1) return { workers: 1 };
  const why = unsplittable(spec, backend);
  if (why) return { workers: 1, note: `1 worker: ${why}` };
  const dense = DENSE.has(spec.kind);
  const rows = dense ? Math.floor(spec.batchSize / MIN_DENSE_ROWS) : spec.batchSize;
  const fit = Math.min(asked, Math.floor((spec.batchSize * weights) / MIN_WORK), rows);
  if (fit <= 1) {
    const step = `a step of ${spec.batchSize} rows × ${weights} weights`;
    const under = dense ? `${MIN_DENSE_ROWS} rows of a dense net` : MIN_WORK;
    return { workers: 1, note: `1 worker: ${step} is too small to split (under ${under} per worker)` };
  }
  if (fit === asked) return { workers: fit };
  return { workers: fit, note: `${fit} workers: a smaller share per worker would cost more than it saves` };
}
