import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../shared/events';
import { parseSpec } from '../shared/validate';
import { listRuns, readRecord } from '../engine/runs';
import { COLOURS_SPEC, newProject, useTempDirs } from '../engine/runs/runs.test-helper';
import { launchTrainer } from './launch-trainer';

const tempDir = useTempDirs();
const FIXTURE = pathToFileURL(
  fileURLToPath(new URL('../engine/train/fake-trainer.test-helper.ts', import.meta.url)),
).href;
const spec = parseSpec({ ...COLOURS_SPEC, snapshotEvery: 2 });

function spawn(projectDir: string, mode: string, extraEnv: NodeJS.ProcessEnv = {}, heartbeatMs?: number) {
  const events: RunEvent[] = [];
  const waiters: { pred: (e: RunEvent) => boolean; resolve: () => void }[] = [];
  const handle = launchTrainer({
    spec,
    projectDir,
    dataRoots: [],
    execArgv: ['--import', FIXTURE],
    env: { ...process.env, SOMLAB_FAKE_MODE: mode, ...extraEnv },
    heartbeatMs,
    onEvent: (e) => {
      events.push(e);
      for (const w of waiters.filter((x) => x.pred(e))) w.resolve();
    },
  });
  const until = (pred: (e: RunEvent) => boolean): Promise<void> =>
    events.some(pred) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pred, resolve }));
  return { handle, events, until, types: () => events.map((e) => e.type) };
}

describe('launchTrainer over fork (real child process, fake builder)', () => {
  it('relays events with typed arrays intact and exits 0 when the run finishes', async () => {
    const project = await newProject(tempDir);
    const t = spawn(project, 'normal');
    expect(await t.handle.exited).toBe(0);
    expect(await t.handle.created).toBe(true);
    expect(t.types().slice(0, 3)).toEqual(['run-created', 'log', 'run-started']);
    expect(t.types().at(-1)).toBe('finished');
    const snap = t.events.find((e) => e.type === 'som-snapshot');
    expect(snap?.type === 'som-snapshot' && snap.snapshot.codebook).toBeInstanceOf(Float32Array);
    const win = t.events.find((e) => e.type === 'winners');
    expect(win?.type === 'winners' && win.winners).toBeInstanceOf(Int32Array);
    const [run] = await listRuns(project);
    expect(run).toMatchObject({ id: t.handle.runId, status: 'finished', pid: t.handle.pid, backend: 'cpu' });
  });

  it('forwards pause, resume, snapshot and stop', async () => {
    const project = await newProject(tempDir);
    const t = spawn(project, 'slow');
    await t.until((e) => e.type === 'metrics');
    t.handle.pause();
    await t.until((e) => e.type === 'state' && e.state === 'paused');
    t.handle.requestSnapshot();
    await t.until((e) => e.type === 'som-snapshot');
    t.handle.resume();
    await t.until((e) => e.type === 'state' && e.state === 'running');
    t.handle.stop();
    expect(await t.handle.exited).toBe(0);
    expect(t.events.at(-1)).toMatchObject({ type: 'finished', status: 'stopped' });
    expect((await listRuns(project))[0]!.status).toBe('stopped');
  });

  it('marks a run killed mid-training (SIGKILL) interrupted on disk and emits failed', async () => {
    const project = await newProject(tempDir);
    const t = spawn(project, 'slow');
    // Kill once metrics are on disk, to check the interrupted run keeps them.
    while ((await listRuns(project))[0]?.lastStep === undefined) await new Promise((r) => setTimeout(r, 10));
    t.handle.kill();
    expect(await t.handle.exited).toBe(128 + 9);
    expect(t.events.at(-1)).toMatchObject({ type: 'failed', error: 'trainer process exited with signal SIGKILL' });
    const rec = await readRecord(join(project, 'runs', t.handle.runId));
    expect(rec).toMatchObject({ status: 'interrupted', error: 'trainer process exited with signal SIGKILL' });
    expect((await listRuns(project))[0]!.lastStep).toBeGreaterThanOrEqual(0);
  });

  it('marks a run whose process exits abruptly interrupted, with the exit code', async () => {
    const project = await newProject(tempDir);
    const t = spawn(project, 'crash');
    expect(await t.handle.exited).toBe(3);
    expect(t.events.at(-1)).toMatchObject({ type: 'failed', error: 'trainer process exited with code 3' });
    expect((await listRuns(project))[0]).toMatchObject({
      status: 'interrupted',
      error: 'trainer process exited with code 3',
    });
  });

  it('passes a builder error through as the run failure, exiting 1 without host marking', async () => {
    const project = await newProject(tempDir);
    const t = spawn(project, 'throw');
    expect(await t.handle.exited).toBe(1);
    expect(t.events.filter((e) => e.type === 'failed')).toEqual([
      expect.objectContaining({ error: 'fake builder refused the spec' }),
    ]);
    expect((await listRuns(project))[0]).toMatchObject({ status: 'failed', error: 'fake builder refused the spec' });
  });

  it('lists a run whose steps hold the main thread past the staleness threshold as running throughout', async () => {
    // The 90-second steps, scaled down: 1.5 s steps that never yield, judged stale after 0.5 s of silence.
    const project = await newProject(tempDir);
    const t = spawn(project, 'block', { SOMLAB_BLOCK_MS: '1500' }, 100);
    await t.until((e) => e.type === 'run-started');
    const seen: string[] = [];
    while (!t.handle.ended) {
      const run = (await listRuns(project, { staleAfterMs: 500 }))[0];
      if (run && !t.handle.ended) seen.push(run.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await t.handle.exited).toBe(0);
    expect(seen.length).toBeGreaterThan(20); // ~4.5 s of steps, looked at every 0.1 s
    expect(new Set(seen)).toEqual(new Set(['running']));
  });

  it('after a kill -9 at several moments, the disk holds every metric row the live view had', async () => {
    for (const rowsBeforeKill of [1, 40, 150]) {
      const project = await newProject(tempDir);
      const t = spawn(project, 'slow');
      const liveSteps = () => t.events.flatMap((e) => (e.type === 'metrics' ? e.rows.map((r) => r.step) : []));
      while (liveSteps().length < rowsBeforeKill) await new Promise((r) => setTimeout(r, 5));
      t.handle.kill();
      await t.handle.exited;
      const lastLive = Math.max(...liveSteps());
      const onDisk = (await listRuns(project))[0]!;
      // Rows reach the live view only once they are on disk: the disk may be ahead, never behind.
      expect(onDisk.lastStep).toBeGreaterThanOrEqual(lastLive);
      expect(onDisk.status).toBe('interrupted');
    }
  });
});
