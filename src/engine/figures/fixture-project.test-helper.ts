/** A small project with hand-set runs for the figure tests: no training, every value checkable by hand. */
import type { SomSnapshot } from '../../shared/run-types';
import { createProject, createRun } from '../runs';

export const CLASSES = ['red', 'green', 'blue'];

export function snapshot(step: number, layer = 'som'): SomSnapshot {
  const n = 16;
  return {
    step,
    layer,
    rows: 4,
    cols: 4,
    topology: 'rect',
    shape: [3],
    codebook: Float32Array.from({ length: n * 3 }, (_, k) => ((k * 7 + step) % 16) / 15),
    hits: Float32Array.from({ length: n }, (_, i) => (i * (step + 1)) % 5),
    umatrix: Float32Array.from({ length: n }, (_, i) => i / 15 + step / 100),
    classMap: Int32Array.from({ length: n }, (_, i) => (i < 2 ? -1 : i % 3)),
  };
}

/** One finished 4×4 colour SOM run ("fig-som") with QE/TE rows, snapshots at 0, 5, 10 and a winner trace. */
export async function figureProject(dir: string): Promise<{ project: string; run: string }> {
  await createProject(dir, 'figures');
  const run = await createRun(
    dir,
    {
      kind: 'som',
      name: 'colours 4x4',
      dataset: { source: 'builtin', name: 'colors' },
      som: { rows: 4, cols: 4, sigma: { start: 2, end: 0.5 } },
    },
    { id: 'fig-som', heartbeatMs: 0 },
  );
  await run.update({ classes: CLASSES, totalSteps: 11 });
  await run.appendMetrics(
    Array.from({ length: 11 }, (_, s) => ({ step: s, epoch: 0, t: s * 100, qe: 1 / (s + 1), te: s % 2 ? 0.1 : 0.3 })),
  );
  for (const s of [0, 5, 10]) {
    await run.writeSnapshot(snapshot(s));
    await run.writeWinners({
      step: s,
      layer: 'som',
      winners: Int32Array.from([s % 16, 3, 7]),
      labels: Int32Array.from([0, 1, 2]),
    });
  }
  await run.finish('finished', { qe: 1 / 11, te: 0.3 });
  return { project: dir, run: 'fig-som' };
}
