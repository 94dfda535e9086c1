import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import { listRuns, readRecord } from './read-runs';
import { createRun } from './run-store';
import { COLOURS_SPEC, newProject, useTempDirs } from './runs.test-helper';

const tempDir = useTempDirs();

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

describe('RunHandle record', () => {
  it('keeps the end status when a record update comes after it, and records failures', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r5', heartbeatMs: 0 });
    const late = run.update({ device: 'late' });
    await run.fail(new Error('out of memory'));
    await run.update({ device: 'later' });
    await run.finish('finished', {});
    await late;
    expect(await readRecord(run.dir)).toMatchObject({ status: 'failed', error: 'out of memory' });
  });

  it('beats on a thread of its own, so a blocked main thread still reads as alive', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r6', heartbeatMs: 20 });
    const started = Date.now();
    while (Date.now() - started < 400); // a step that never yields, as a long cpu kernel does
    const beat = (await stat(run.files.heartbeat)).mtimeMs;
    expect(beat).toBeGreaterThan(started + 150);
    expect((await listRuns(project, { now: Date.now(), staleAfterMs: 200 }))[0]!.status).toBe('running');
    await run.finish('stopped', {});
    expect(existsSync(run.files.heartbeat)).toBe(false);
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
