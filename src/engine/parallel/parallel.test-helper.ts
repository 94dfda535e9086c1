/**
 * Trains a spec for a few steps on `workers` threads (rank 0 here, the rest in a WorkerPool) and returns every
 * weight the experiment created plus its late metric rows, so a test can hold the split run against one thread.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseSpec } from '../../shared/validate';
import { defaultTrainerDeps } from '../train/default-deps';
import { buildFromRegistry } from '../train/trainer-deps';
import type { LateRow } from '../train/late-metrics';
import { withPool } from '.';
import { WorkerPool } from './pool';

export interface Trained {
  weights: Float32Array[];
  rows: LateRow[];
}

export async function trainFor(raw: unknown, workers: number, steps: number): Promise<Trained> {
  await import('../models');
  const spec = parseSpec(raw, 'test spec');
  await defaultTrainerDeps.pickBackend('wasm');
  const data = await defaultTrainerDeps.loadDataset(spec.dataset, { seed: spec.seed });
  const before = new Set(Object.keys(tf.engine().registeredVariables));
  const built = await buildFromRegistry(spec, data);
  const vars = Object.values(tf.engine().registeredVariables).filter((v) => !before.has(v.name));
  const pool = workers > 1 ? await WorkerPool.open({ spec, size: workers, backend: 'wasm' }) : null;
  const exp = pool ? withPool(built, pool) : built;
  try {
    for (let s = 0; s < Math.min(steps, exp.totalSteps); s++) await exp.step(s, Math.floor(s / exp.stepsPerEpoch));
    const rows = (await exp.late?.settle()) ?? [];
    return { weights: vars.map((v) => (v.dataSync() as Float32Array).slice()), rows };
  } finally {
    exp.dispose();
    await pool?.close();
  }
}

/** The largest |a − b| over every weight, relative to the largest |a| of that tensor. */
export function maxRelDiff(a: Float32Array[], b: Float32Array[]): number {
  if (a.length !== b.length) throw new Error(`${a.length} weight tensors vs ${b.length}`);
  let worst = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    let scale = 1e-6,
      d = 0;
    for (let j = 0; j < x.length; j++) {
      scale = Math.max(scale, Math.abs(x[j]!));
      d = Math.max(d, Math.abs(x[j]! - y[j]!));
    }
    worst = Math.max(worst, d / scale);
  });
  return worst;
}
