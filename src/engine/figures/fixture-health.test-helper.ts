/**
 * Runs for the lattice-health and robustness panel tests, every value set by hand: a kWTA run whose code
 * snapshot is the 6-unit batch of unit-firing.test.ts (2 × 3 grid) and two MLP runs with saved curves.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RobustnessCurve } from '../../shared/robustness';
import { createProject, createRun } from '../runs';

export const CODE_FIRING = [0, 1, 2 / 6, 1 / 6, 2 / 6, 1 / 6];
// Unit-major [unit][class], classes a, b, c (2, 3 and 1 samples).
export const CODE_BY_CLASS = [0, 0, 0, 1, 1, 1, 1 / 2, 1 / 3, 0, 1 / 2, 0, 0, 0, 2 / 3, 0, 0, 0, 1];
export const EPS = [0, 0.1, 0.2];
export const ACCURACY: Record<string, Record<'fgsm' | 'pgd', number[]>> = {
  'fig-a': { fgsm: [0.9, 0.5, 0.25], pgd: [0.9, 0.375, 0.125] },
  'fig-b': { fgsm: [0.875, 0.625, 0.5], pgd: [0.875, 0.5, 0.25] },
};

function curve(runId: string, attack: 'fgsm' | 'pgd'): RobustnessCurve {
  return {
    format: 1,
    runId,
    attack,
    eps: EPS,
    accuracy: ACCURACY[runId]![attack],
    samples: 8,
    ...(attack === 'pgd' ? { steps: 10 } : {}),
    range: [0, 1],
    backend: 'cpu',
    wallMs: 1,
    at: '2026-12-02T00:00:00.000Z',
  };
}

export async function healthProject(dir: string): Promise<void> {
  await createProject(dir, 'health');
  const dataset = { source: 'builtin', name: 'spirals' } as const;
  const kwta = await createRun(
    dir,
    { kind: 'kwta-mlp', name: 'kwta', dataset, kwta: { hidden: 8, codeSize: 6, sparsity: 0.3 } },
    { id: 'fig-kwta', heartbeatMs: 0 },
  );
  await kwta.update({ classes: ['a', 'b', 'c'] });
  await kwta.writeSnapshot({
    step: 4,
    layer: 'code',
    rows: 2,
    cols: 3,
    topology: 'rect',
    codeLayout: true,
    shape: [3],
    codebook: Float32Array.from(CODE_BY_CLASS),
    hits: Float32Array.from(CODE_FIRING, (r) => Math.round(r * 6)),
    umatrix: new Float32Array(6),
    firing: Float32Array.from(CODE_FIRING),
    firingByClass: Float32Array.from(CODE_BY_CLASS),
  });
  await kwta.finish('finished', {});
  for (const [id, seed] of [
    ['fig-a', 1],
    ['fig-b', 2],
  ] as const) {
    const r = await createRun(dir, { kind: 'baseline-mlp', seed, dataset }, { id, heartbeatMs: 0 });
    await r.finish('finished', {});
    await mkdir(join(dir, 'runs', id, 'robustness'), { recursive: true });
    for (const a of ['fgsm', 'pgd'] as const)
      await writeFile(join(dir, 'runs', id, 'robustness', `${a}.json`), JSON.stringify(curve(id, a)));
  }
}
