/**
 * A big run folder for the big-run bench: a 20×20 colour SOM with 1,000,000 metric rows (QE/TE every row, σ
 * and α, one spike at row 777,777 that decimation must keep) and 500 snapshots, written once under /tmp
 * (reused while its marker file says it is complete) with the engine's own writers.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { createProject, createRun } from '../src/engine/runs';
import { writeSnapshotFiles } from '../src/engine/runs/snapshots';
import { mulberry32 } from '../src/shared/random';

export const BIG = { rows: 1_000_000, snapshots: 500, grid: 20, dim: 3, runId: 'big-run' } as const;

async function writeMetrics(file: string): Promise<void> {
  const out = createWriteStream(file);
  const rand = mulberry32(11);
  const perEpoch = 10_000;
  let chunk = '';
  for (let s = 0; s < BIG.rows; s++) {
    const f = s / BIG.rows;
    const qe = s === 777_777 ? 3.5 : 0.02 + 0.3 * Math.exp(-6 * f) + 0.01 * rand();
    const te = Math.min(1, 0.05 + 0.5 * Math.exp(-4 * f) + 0.05 * rand());
    const row = {
      step: s,
      epoch: Math.floor(s / perEpoch),
      t: s * 2,
      qe,
      te,
      sigma: 10 * (1 - f) + 0.5,
      lr: 0.5 * (1 - f),
    };
    chunk += `${JSON.stringify(row)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The project folder holding the big run (made on first use, in about half a minute). */
export async function bigRunProject(root = '/tmp/somlab-big-run'): Promise<string> {
  const marker = join(root, 'complete');
  if ((await readFile(marker, 'utf8').catch(() => '')) === JSON.stringify(BIG)) return root;
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await createProject(root, 'big-run bench');
  const spec = {
    kind: 'som',
    dataset: { source: 'builtin', name: 'colors' },
    epochs: 100,
    batchSize: 20,
    som: { rows: BIG.grid, cols: BIG.grid, sigma: { start: 10, end: 0.5 } },
  };
  const run = await createRun(root, spec, { id: BIG.runId, heartbeatMs: 0 });
  await writeMetrics(join(root, 'runs', BIG.runId, 'metrics.ndjson'));
  const n = BIG.grid * BIG.grid;
  const rand = mulberry32(5);
  for (let k = 0; k < BIG.snapshots; k++) {
    const step = Math.round((k * (BIG.rows - 1)) / (BIG.snapshots - 1));
    await writeSnapshotFiles(join(root, 'runs', BIG.runId, 'snapshots'), {
      step,
      layer: 'som',
      rows: BIG.grid,
      cols: BIG.grid,
      topology: 'rect',
      shape: [BIG.dim],
      codebook: Float32Array.from({ length: n * BIG.dim }, () => rand()),
      hits: Float32Array.from({ length: n }, () => Math.floor(rand() * 20)),
      umatrix: Float32Array.from({ length: n }, () => rand()),
      classMap: Int32Array.from({ length: n }, (_, i) => i % 7),
    });
  }
  await run.update({ totalSteps: BIG.rows });
  await run.finish('finished', { qe: 0.03, te: 0.07 });
  await writeFile(marker, JSON.stringify(BIG));
  return root;
}
