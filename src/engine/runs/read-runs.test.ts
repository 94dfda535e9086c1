import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, readRun, readSnapshot, readWinners } from './read-runs';
import { markInterrupted } from './recover';
import { createRun } from './run-store';
import { parseMetrics } from './metrics-file';
import { COLOURS_SPEC, newProject, useTempDirs } from './runs.test-helper';
import { parseSpec } from '../../shared/validate';

const tempDir = useTempDirs();

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

async function rewriteRecord(dir: string, patch: Record<string, unknown>): Promise<void> {
  const file = join(dir, 'run.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), ...patch }));
}

describe('metrics.ndjson', () => {
  it('skips a torn last line', () => {
    const text = '{"step":0,"epoch":0,"t":1,"qe":0.5}\n{"step":1,"epoch":0,"t":2,"qe":0.4}\n{"step":2,"ep';
    expect(parseMetrics(text, 'm.ndjson').map((r) => r.step)).toEqual([0, 1]);
  });

  it('keeps a complete last row that lost only its newline', () => {
    expect(parseMetrics('{"step":0,"epoch":0,"t":1}\n{"step":1,"epoch":0,"t":2}', 'm').map((r) => r.step)).toEqual([
      0, 1,
    ]);
  });

  it('names the file and line of a torn middle line', () => {
    const text = '{"step":0,"epoch":0,"t":1}\n{"step":1,"ep\n{"step":2,"epoch":0,"t":3}\n';
    expect(() => parseMetrics(text, 'runs/x/metrics.ndjson')).toThrow(/runs\/x\/metrics\.ndjson line 2 is corrupt/);
  });

  it('refuses a row without step, epoch and t, or with a non-number', () => {
    expect(() => parseMetrics('{"epoch":0,"t":1}\n{"step":1,"epoch":0,"t":2}\n', 'm')).toThrow(/m line 1 is corrupt/);
    expect(() => parseMetrics('{"step":0,"epoch":0,"t":1,"tag":"x"}\n{"step":1,"epoch":0,"t":2}\n', 'm')).toThrow(
      /line 1/,
    );
  });
});

describe('listRuns / readRun', () => {
  it('lists runs newest first, with their status', async () => {
    const project = await newProject(tempDir);
    const a = await createRun(project, COLOURS_SPEC, { id: 'a', heartbeatMs: 0 });
    await a.finish('finished', { qe: 0.1 });
    await rewriteRecord(a.dir, { startedAt: '2020-01-01T00:00:00.000Z' });
    const b = await createRun(project, COLOURS_SPEC, { id: 'b', heartbeatMs: 0 });
    await b.fail('boom');
    await rewriteRecord(b.dir, { startedAt: '2021-01-01T00:00:00.000Z' });
    await createRun(project, COLOURS_SPEC, { id: 'c', heartbeatMs: 0 });
    const runs = await listRuns(project);
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      ['c', 'running'],
      ['b', 'failed'],
      ['a', 'finished'],
    ]);
    expect(runs[1]!.error).toBe('boom');
    expect(runs[2]!.finalMetrics).toEqual({ qe: 0.1 });
  });

  it('lists a run with a corrupt or missing run.json as failed, with the reason, and keeps listing', async () => {
    const project = await newProject(tempDir);
    const good = await createRun(project, COLOURS_SPEC, { id: 'good', heartbeatMs: 0 });
    await good.finish('finished', {});
    const bad = await createRun(project, COLOURS_SPEC, { id: 'bad', heartbeatMs: 0 });
    await writeFile(join(bad.dir, 'run.json'), '{"id": "bad", "status": "runn');
    await rewriteRecord(good.dir, {});
    await mkdir(join(project, 'runs', 'empty'));
    const wrong = await createRun(project, COLOURS_SPEC, { id: 'wrong', heartbeatMs: 0 });
    await rewriteRecord(wrong.dir, { status: 'exploded' });
    const byId = Object.fromEntries((await listRuns(project)).map((r) => [r.id, r]));
    expect(byId.good!.status).toBe('finished');
    expect(byId.bad).toMatchObject({ status: 'failed', kind: 'unknown' });
    expect(byId.bad!.error).toMatch(/bad\/run\.json is corrupt/);
    expect(byId.empty!.error).toMatch(/empty\/run\.json not found/);
    expect(byId.wrong!.error).toMatch(/run\.json: status: .*received "exploded"/);
  });

  it('reports a running run whose process is gone as interrupted, with its last step', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r', pid: await deadPid(), heartbeatMs: 0 });
    await run.appendMetrics([
      { step: 0, epoch: 0, t: 1 },
      { step: 1, epoch: 0, t: 2 },
    ]);
    await appendFile(run.files.metrics, '{"step":2,"epo');
    const [summary] = await listRuns(project);
    expect(summary).toMatchObject({ id: 'r', status: 'interrupted', lastStep: 1 });
    expect(summary!.error).toMatch(/trainer process \d+ is no longer running/);
    expect((await readRun(project, 'r')).metrics.map((m) => m.step)).toEqual([0, 1]);
  });

  it('reports a running run with a stale heartbeat as interrupted, and a fresh one as running', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r', heartbeatMs: 0 });
    const beat = Date.parse(run.record.updatedAt!);
    expect((await listRuns(project, { now: beat + 30_000 }))[0]!.status).toBe('running');
    const [late] = await listRuns(project, { now: beat + 61_000 });
    expect(late).toMatchObject({ status: 'interrupted' });
    expect(late!.error).toMatch(/no heartbeat since/);
  });

  it('errors clearly on a damaged metrics file or a missing run', async () => {
    const project = await newProject(tempDir);
    const run = await createRun(project, COLOURS_SPEC, { id: 'r', heartbeatMs: 0 });
    await writeFile(run.files.metrics, '{"step":0,"epoch":0,"t":1}\ngarbage\n{"step":1,"epoch":0,"t":2}\n');
    await expect(readRun(project, 'r')).rejects.toThrow(/metrics\.ndjson line 2 is corrupt/);
    await expect(readRun(project, 'nope')).rejects.toThrow(/run nope not found/);
    await expect(readSnapshot(project, 'r', 5)).rejects.toThrow(/som-5\.json not found/);
  });

  it('rejects run ids and steps that could reach outside the project', async () => {
    const project = await newProject(tempDir);
    for (const id of ['..', '../x', 'a/b', 'a\\b', '/etc', '.hidden', '', 'a..b']) {
      await expect(readRun(project, id)).rejects.toThrow(/bad run id/);
      await expect(readSnapshot(project, id, 0)).rejects.toThrow(/bad run id/);
      await expect(markInterrupted(project, id, 'x')).rejects.toThrow(/bad run id/);
    }
    await expect(readWinners(project, 'ok', -1)).rejects.toThrow(/bad step -1/);
    await expect(readSnapshot(project, 'ok', 1.5)).rejects.toThrow(/bad step 1\.5/);
  });
});

describe('markInterrupted', () => {
  it('marks a running run interrupted and leaves an ended one alone', async () => {
    const project = await newProject(tempDir);
    await createRun(project, COLOURS_SPEC, { id: 'live', heartbeatMs: 0 });
    expect(await markInterrupted(project, 'live', 'trainer process exited with signal SIGKILL')).toBe('interrupted');
    const [live] = await listRuns(project);
    expect(live).toMatchObject({ status: 'interrupted', error: 'trainer process exited with signal SIGKILL' });
    expect(live!.endedAt).toBeDefined();
    const done = await createRun(project, COLOURS_SPEC, { id: 'done', heartbeatMs: 0 });
    await done.finish('finished', {});
    expect(await markInterrupted(project, 'done', 'x')).toBe('finished');
  });

  it('creates the run from the spec when the trainer died before writing anything', async () => {
    const project = await newProject(tempDir);
    expect(await markInterrupted(project, 'ghost', 'x')).toBeUndefined();
    expect(await markInterrupted(project, 'ghost', 'exited with code 1', parseSpec(COLOURS_SPEC))).toBe('interrupted');
    const detail = await readRun(project, 'ghost');
    expect(detail.summary).toMatchObject({
      id: 'ghost',
      kind: 'som',
      status: 'interrupted',
      error: 'exited with code 1',
    });
    expect(detail.metrics).toEqual([]);
  });
});
