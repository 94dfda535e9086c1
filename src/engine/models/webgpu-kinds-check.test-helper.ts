/**
 * webgpu check (child process, see webgpu-kinds.test.ts): each experiment kind trained a few steps on the cpu
 * backend and on webgpu from the same spec and data, every weight it created and every metric row compared; and
 * the custom kernels (the fused batch-SOM step and sums) and the matmuls tfjs would split along K, on both backends.
 */
import * as tf from '@tensorflow/tfjs-core';
import { childMain } from '../backend/webgpu-checks/child-main.test-helper';
import { deviceFault } from '../backend/webgpu-device';
import { loadDataset } from '../data';
import type { Dataset } from '../data/types';
import { batchBlend, batchSums } from '../som/batch';
import { randomCase } from '../som/kernels/naive.test-helper';
import { buildFromRegistry } from '../train/trainer-deps';
import { parseSpec } from '../../shared/validate';
import { mulberry32 } from '../../shared/random';
import { maxRelDiff } from '../parallel/parallel.test-helper';
import { KIND_SPECS } from './webgpu-kinds.test-helper';

interface Trained {
  weights: Float32Array[];
  rows: { step: number; values: Record<string, number> }[];
}

async function trainOn(backend: 'cpu' | 'webgpu', raw: unknown, data: Dataset, steps: number): Promise<Trained> {
  await tf.setBackend(backend);
  const spec = parseSpec(raw, 'test spec');
  const before = new Set(Object.keys(tf.engine().registeredVariables));
  const exp = await buildFromRegistry(spec, data);
  const vars = Object.values(tf.engine().registeredVariables).filter((v) => !before.has(v.name));
  try {
    for (let s = 0; s < Math.min(steps, exp.totalSteps); s++) await exp.step(s, Math.floor(s / exp.stepsPerEpoch));
    const rows = (await exp.late?.settle()) ?? [];
    const weights = await Promise.all(vars.map(async (v) => ((await v.data()) as Float32Array).slice()));
    return { weights, rows };
  } finally {
    exp.dispose();
  }
}

/** The largest |a − b| of two metric rows' values, relative to max(1, |a|). */
function rowsDiff(a: Trained['rows'], b: Trained['rows']): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  a.forEach((r, i) => {
    for (const [k, v] of Object.entries(r.values))
      worst = Math.max(worst, Math.abs(v - (b[i]!.values[k] ?? NaN)) / Math.max(1, Math.abs(v)) || 0);
  });
  return worst;
}

/** The fused SOM kernels on one backend: the step (α 0.7) and the two sums, read back. */
async function somKernels(backend: 'cpu' | 'webgpu', b: number, side: number, d: number): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const c = randomCase(b, side, d, b + d);
  const x = tf.tensor2d(c.x, [c.b, c.d]),
    w = tf.tensor2d(c.w, [c.n, c.d]),
    h = tf.tensor2d(c.h, [c.n, c.n]);
  const out = [tf.tidy(() => batchBlend(w, x, h, 0.7)), ...tf.tidy(() => batchSums(w, x, h))];
  const values = await Promise.all(out.map(async (t) => (await t.data()) as Float32Array));
  tf.dispose([x, w, h, ...out]);
  return values;
}

await childMain(async () => {
  await import('../models');
  const kinds: Record<string, { kind: string; weights: number; tensors: number; rows: number; rowsDiff: number }> = {};
  for (const [name, [raw, steps]] of Object.entries(KIND_SPECS)) {
    const spec = parseSpec(raw, name);
    const data = await loadDataset(spec.dataset, { seed: spec.seed });
    const cpu = await trainOn('cpu', raw, data, steps);
    const gpu = await trainOn('webgpu', raw, data, steps);
    kinds[name] = {
      kind: spec.kind,
      weights: maxRelDiff(cpu.weights, gpu.weights),
      tensors: cpu.weights.length,
      rows: cpu.rows.length,
      rowsDiff: rowsDiff(cpu.rows, gpu.rows),
    };
  }
  const kernels: Record<string, number> = {};
  for (const [b, side, d] of [
    [37, 5, 11],
    [256, 20, 784],
  ] as const) {
    const [cpu, gpu] = [await somKernels('cpu', b, side, d), await somKernels('webgpu', b, side, d)];
    kernels[`${b}x${side * side}x${d}`] = maxRelDiff(cpu, gpu);
  }
  // Products with few outputs and a long K, where tfjs would take its split-K matmul (backend/webgpu.ts).
  for (const [b, d, n] of [
    [64, 3136, 32],
    [64, 12544, 32],
    [1, 5000, 16],
  ] as const) {
    const r = mulberry32(d);
    const x = Float32Array.from({ length: b * d }, () => r()),
      w = Float32Array.from({ length: n * d }, () => r());
    const on = async (be: string) => {
      await tf.setBackend(be);
      const t = tf.tidy(() => tf.matMul(tf.tensor2d(x, [b, d]), tf.tensor2d(w, [n, d]), false, true));
      const v = (await t.data()) as Float32Array;
      t.dispose();
      return v;
    };
    kernels[`matMul ${b}x${d}·${d}x${n}`] = maxRelDiff([await on('cpu')], [await on('webgpu')]);
  }
  await tf.setBackend('webgpu');
  return { kinds, kernels, fault: deviceFault() };
});
