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

function spawn(projectDir: string, mode: string) {
  const events: RunEvent[] = [];
  const waiters: { pred: (e: RunEvent) => boolean; resolve: () => void }[] = [];
  const handle = launchTrainer({
    spec,
    projectDir,
    dataRoots: [],
    execArgv: ['--import', FIXTURE],
    env: { ...process.env, SOMLAB_FAKE_MODE: mode },
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
});
