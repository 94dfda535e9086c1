import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../../shared/run-types';
import { listSnapshotSteps, listSnapshots, listWinnerSteps, readRun, readSnapshot, readWinners } from './read-runs';
import { createRun } from './run-store';
import { COLOURS_SPEC, listTree, newProject, useTempDirs } from './runs.test-helper';

const tempDir = useTempDirs();

function snapshot(step: number, layer = 'som', withClassMap = true): SomSnapshot {
  const s: SomSnapshot = {
    step,
    layer,
    rows: 2,
    cols: 3,
    topology: 'hex',
    shape: [3],
    codebook: Float32Array.from({ length: 18 }, (_, i) => i / 7 + step),
    hits: Float32Array.from([1, 0, 2, 0, 5, 1]),
    umatrix: Float32Array.from([0.5, NaN, 0.25, 1, 2, -0]),
  };
  if (withClassMap) s.classMap = Int32Array.from([0, -1, 2, 2, 1, 0]);
  return s;
}

describe('RunHandle files', () => {
  it('round-trips metrics, snapshots, winners, model files and the final record; no temp files left', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r2', heartbeatMs: 0 });
    await run.appendMetrics([
      { step: 0, epoch: 0, t: 1, qe: 0.5 },
      { step: 1, epoch: 0, t: 2, qe: NaN },
    ]);
    await run.appendMetrics([{ step: 2, epoch: 0, t: 3, qe: 0.25 }]);
    await run.writeSnapshot(snapshot(2));
    await run.writeSnapshot(snapshot(0, 'mask/dense 1', false));
    await run.writeWinners({
      step: 2,
      layer: 'som',
      winners: Int32Array.from([5, 0, 3]),
      labels: Int32Array.from([1, 1, 0]),
    });
    await run.saveModel([
      { name: 'model.json', data: '{"a":1}' },
      { name: 'weights.bin', data: new Uint8Array([1, 2, 3]) },
    ]);
    await run.finish('finished', { qe: 0.25, te: 0 });

    const detail = await readRun(project, 'r2');
    expect(detail.metrics.map((r) => r.step)).toEqual([0, 1, 2]);
    expect(detail.metrics[1]!.qe).toBeNaN();
    expect(detail.snapshotSteps).toEqual([0, 2]);
    expect(detail.summary).toMatchObject({ status: 'finished', finalMetrics: { qe: 0.25, te: 0 } });
    expect(detail.summary.endedAt).toBeDefined();

    expect(await readSnapshot(project, 'r2', 2)).toEqual(snapshot(2));
    const other = await readSnapshot(project, 'r2', 0, 'mask/dense 1');
    expect(other).toEqual(snapshot(0, 'mask/dense 1', false));
    expect(other.classMap).toBeUndefined();
    expect(await listSnapshots(project, 'r2')).toEqual([
      { layer: 'mask/dense 1', step: 0 },
      { layer: 'som', step: 2 },
    ]);
    expect(await listSnapshotSteps(project, 'r2', 'som')).toEqual([2]);

    expect(await listWinnerSteps(project, 'r2')).toEqual([2]);
    const w = await readWinners(project, 'r2', 2);
    expect(w).toEqual({
      step: 2,
      layer: 'som',
      winners: Int32Array.from([5, 0, 3]),
      labels: Int32Array.from([1, 1, 0]),
    });

    expect(await readFile(join(run.dir, 'model', 'model.json'), 'utf8')).toBe('{"a":1}');
    expect([...(await readFile(join(run.dir, 'model', 'weights.bin')))]).toEqual([1, 2, 3]);
    expect(await listTree(run.dir)).toEqual([
      'metrics.ndjson',
      'model/model.json',
      'model/weights.bin',
      'run.json',
      'snapshots/mask%2Fdense%201-0.codebook.npy',
      'snapshots/mask%2Fdense%201-0.hits.npy',
      'snapshots/mask%2Fdense%201-0.json',
      'snapshots/mask%2Fdense%201-0.umatrix.npy',
      'snapshots/som-2.classMap.npy',
      'snapshots/som-2.codebook.npy',
      'snapshots/som-2.hits.npy',
      'snapshots/som-2.json',
      'snapshots/som-2.umatrix.npy',
      'spec.json',
      'winners/som-2.json',
      'winners/som-2.labels.npy',
      'winners/som-2.winners.npy',
    ]);
  });
});
