import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../../shared/run-types';
import { parseSpec } from '../../shared/validate';
import {
  listSnapshotSteps,
  listSnapshots,
  listWinnerSteps,
  readRecord,
  readRun,
  readSnapshot,
  readWinners,
} from './read-runs';
import { createRun } from './run-store';
import { COLOURS_SPEC, listTree, newProject, useTempDirs } from './test-helpers';

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

describe('createRun', () => {
  it('writes the validated spec and a running record with pid and heartbeat', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, {
      id: 'r1',
      backend: 'cpu',
      device: 'js',
      heartbeatMs: 0,
      versions: { tfjs: '4.22.0' },
    });
    expect(run.dir).toBe(join(project, 'runs', 'r1'));
    const spec = JSON.parse(await readFile(join(run.dir, 'spec.json'), 'utf8'));
    expect(spec).toEqual(parseSpec(COLOURS_SPEC));
    const rec = await readRecord(run.dir);
    expect(rec).toMatchObject({
      id: 'r1',
      kind: 'som',
      status: 'running',
      pid: process.pid,
      backend: 'cpu',
      device: 'js',
    });
    expect(rec.versions).toEqual({ node: process.versions.node, tfjs: '4.22.0' });
    expect(rec.updatedAt).toBe(rec.startedAt);
  });

  it('makes a sortable id from the time, kind and dataset when none is given', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { heartbeatMs: 0 });
    expect(run.id).toMatch(/^\d{8}-\d{6}-som-colors-[0-9a-f]{4}$/);
  });

  it('refuses an invalid spec, a bad id, a taken id and a folder that is not a project', async () => {
    const project = await newProject(tempDir);
    await expect(createRun(project, { ...COLOURS_SPEC, som: {} }, { heartbeatMs: 0 })).rejects.toThrow(/som\.rows/);
    await expect(createRun(project, COLOURS_SPEC, { id: '../escape', heartbeatMs: 0 })).rejects.toThrow(/bad run id/);
    await createRun(project, COLOURS_SPEC, { id: 'same', heartbeatMs: 0 });
    await expect(createRun(project, COLOURS_SPEC, { id: 'same', heartbeatMs: 0 })).rejects.toThrow(
      /run same already exists/,
    );
    await expect(createRun(await tempDir(), COLOURS_SPEC, { heartbeatMs: 0 })).rejects.toThrow(/not a SOM Lab project/);
  });
});

describe('RunHandle', () => {
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

  it('keeps the end status when a heartbeat comes after it, and records failures', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r5', heartbeatMs: 0 });
    const beat = run.heartbeat();
    await run.fail(new Error('out of memory'));
    await run.heartbeat();
    await run.finish('finished', {});
    await beat;
    expect(await readRecord(run.dir)).toMatchObject({ status: 'failed', error: 'out of memory' });
  });

  it('heartbeats on a timer, advancing updatedAt', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r6', heartbeatMs: 5 });
    const first = (await readRecord(run.dir)).updatedAt!;
    let later = first;
    for (let i = 0; i < 200 && later === first; i++) {
      await new Promise((r) => setTimeout(r, 5));
      later = (await readRecord(run.dir).catch(() => ({ updatedAt: first }))).updatedAt!;
    }
    await run.finish('stopped', {});
    expect(Date.parse(later)).toBeGreaterThan(Date.parse(first));
  });

  it('refuses model file names that are paths', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r7', heartbeatMs: 0 });
    await expect(run.saveModel([{ name: '../x', data: '' }])).rejects.toThrow(/bad model file name/);
    await expect(run.saveModel([{ name: 'a/b', data: '' }])).rejects.toThrow(/bad model file name/);
  });
});

describe('NaN in final metrics', () => {
  it('a diverged metric (NaN) keeps the run readable', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createProject, createRun, listRuns } = await import('.');
    const dir = await mkdtemp(join(tmpdir(), 'somlab-nan-'));
    await createProject(dir, 'nan');
    const run = await createRun(
      dir,
      {
        kind: 'som',
        dataset: { source: 'builtin', name: 'colors' },
        som: { rows: 2, cols: 2, sigma: { start: 1, end: 0.5 } },
      },
      { heartbeatMs: 0 },
    );
    await run.finish('finished', { acc: 0.5, loss: NaN });
    const [r] = await listRuns(dir);
    expect(r!.status).toBe('finished');
    expect(Number.isNaN(r!.finalMetrics.loss)).toBe(true);
  });
});
