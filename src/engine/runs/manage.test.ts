import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, readRun } from './read-runs';
import { listTrash, restoreRun, trashRun, updateRunMeta } from './manage';
import { createRun } from './run-store';
import { COLOURS_SPEC, listTree, newProject, useTempDirs } from './runs.test-helper';

const tempDir = useTempDirs();

describe('run management', () => {
  it('renames, tags and annotates a run without touching run.json', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r1', heartbeatMs: 0 });
    await run.finish('finished', { qe: 0.2 });
    const before = await readFile(join(run.dir, 'run.json'), 'utf8');
    await updateRunMeta(project, 'r1', { name: 'baseline', tags: [' sweep ', 'paper', 'paper'], note: 'σ from 3' });
    expect(await readFile(join(run.dir, 'run.json'), 'utf8')).toBe(before);
    const [s] = await listRuns(project);
    expect(s).toMatchObject({ name: 'baseline', tags: ['sweep', 'paper'], note: 'σ from 3', status: 'finished' });
    await updateRunMeta(project, 'r1', { note: '' });
    expect((await readRun(project, 'r1')).summary.note).toBeUndefined();
  });

  it('deletes into trash/ and restores, whole, and refuses what would lose a run', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r1', heartbeatMs: 0 });
    await run.appendMetrics([{ step: 0, epoch: 0, t: 1, qe: 0.5 }]);
    await expect(trashRun(project, 'r1')).rejects.toThrow(/still training: stop it before deleting it/);
    await run.finish('finished', {});
    const files = await listTree(run.dir);
    await trashRun(project, 'r1');
    expect(await listRuns(project)).toEqual([]);
    expect(await listTrash(project)).toEqual(['r1']);
    expect(await listTree(join(project, 'trash', 'r1'))).toEqual(files);
    await restoreRun(project, 'r1');
    expect((await readRun(project, 'r1')).metrics).toHaveLength(1);
    await expect(restoreRun(project, 'r1')).rejects.toThrow(/not in .*trash/);
    await expect(trashRun(project, 'nope')).rejects.toThrow(/run nope not found/);
    await expect(trashRun(project, '../x')).rejects.toThrow(/bad run id/);
    await expect(updateRunMeta(project, 'r1', { tags: [''] })).rejects.toThrow(/tags/);
  });

  it('names a damaged meta.json', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r1', heartbeatMs: 0 });
    await writeFile(join(run.dir, 'meta.json'), '{"name": 3');
    await expect(updateRunMeta(project, 'r1', { name: 'x' })).rejects.toThrow(/meta\.json is corrupt/);
  });
});
