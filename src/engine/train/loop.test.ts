import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../shared/events';
import { createRun, listRuns, readRun, readWinners, listWinnerSteps } from '../runs';
import { COLOURS_SPEC, newProject, useTempDirs } from '../runs/test-helpers';
import { RunControl } from './control';
import { FakeExperiment, type FakeOptions } from './fake-experiment';
import { runExperiment, type LoopOptions, type RunStore } from './loop';

const tempDir = useTempDirs();
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

function setup(fake: FakeOptions = {}, extra: Partial<LoopOptions> = {}) {
  const events: RunEvent[] = [];
  const waiters: { pred: (e: RunEvent) => boolean; resolve: () => void }[] = [];
  const control = new RunControl();
  const exp = new FakeExperiment(fake);
  const opts: LoopOptions = {
    runId: 'run-1',
    control,
    snapshotEvery: 4,
    emit: (e) => {
      events.push(e);
      for (const w of waiters.filter((w) => w.pred(e))) w.resolve();
    },
    ...extra,
  };
  const until = (pred: (e: RunEvent) => boolean): Promise<void> =>
    events.some(pred) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pred, resolve }));
  return { events, control, exp, opts, until, types: () => events.map((e) => e.type) };
}

const trainSteps = (events: RunEvent[]): number[] =>
  events.flatMap((e) => (e.type === 'metrics' ? e.rows.filter((r) => 'loss' in r).map((r) => r.step) : []));

describe('runExperiment', () => {
  afterEach(() => vi.useRealTimers());

  it('runs every step, snapshots every N and at the end, evaluates each epoch, in order', async () => {
    const progress: number[] = [];
    const { events, exp, opts, types } = setup({}, { onProgress: (d, t) => progress.push(d * 100 + t) });
    const out = await runExperiment(exp, opts);
    expect(out).toEqual({ status: 'finished', steps: 10, finalMetrics: { steps: 10 } });
    expect(exp.calls).toEqual([
      'step 0 e0',
      'step 1 e0',
      'step 2 e0',
      'step 3 e0',
      'snapshots 3',
      'step 4 e0',
      'evaluate e0',
      'step 5 e1',
      'step 6 e1',
      'step 7 e1',
      'snapshots 7',
      'step 8 e1',
      'step 9 e1',
      'evaluate e1',
      'snapshots 9',
      'finalMetrics',
    ]);
    expect(exp.disposed).toBe(true);
    expect(progress).toEqual([110, 210, 310, 410, 510, 610, 710, 810, 910, 1010]);
    expect(trainSteps(events)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events.every((e) => e.v === 1 && e.runId === 'run-1')).toBe(true);
    expect(types().at(-1)).toBe('finished');
    const snaps = events.flatMap((e) => (e.type === 'som-snapshot' ? [e.snapshot.step] : []));
    expect(snaps).toEqual([3, 7, 9]);
    expect(events.filter((e) => e.type === 'winners').map((e) => (e as { step: number }).step)).toEqual([3, 7, 9]);
    const evals = events.flatMap((e) => (e.type === 'eval' ? [[e.step, e.epoch, e.metrics.testAccuracy]] : []));
    expect(evals).toEqual([
      [4, 0, 0.5],
      [9, 1, 0.6],
    ]);
    const rows = events.flatMap((e) => (e.type === 'metrics' ? e.rows : []));
    expect(rows.filter((r) => 'testAccuracy' in r).map((r) => [r.step, r.epoch, r.testAccuracy])).toEqual([
      [4, 0, 0.5],
      [9, 1, 0.6],
    ]);
    expect(rows.filter((r) => 'mask1.sparsity' in r).map((r) => r.step)).toEqual([3, 7, 9]);
    // Every metric row is out before the snapshot of its step: the chart never lags the grid.
    const firstSnap = types().indexOf('som-snapshot');
    expect(trainSteps(events.slice(0, firstSnap))).toEqual([0, 1, 2, 3]);
  });

  it('honours pause between steps, serves a snapshot while paused, and resumes', async () => {
    const s = setup({
      onStep: (step) => {
        if (step === 2) s.control.pause();
      },
    });
    const done = runExperiment(s.exp, s.opts);
    await s.until((e) => e.type === 'state' && e.state === 'paused');
    await turns(20);
    expect(s.exp.calls.filter((c) => c.startsWith('step'))).toHaveLength(3);
    s.control.requestSnapshot();
    await s.until((e) => e.type === 'som-snapshot' && e.snapshot.step === 2);
    await turns(20);
    expect(s.exp.calls.filter((c) => c.startsWith('step'))).toHaveLength(3);
    s.control.resume();
    expect((await done).status).toBe('finished');
    const states = s.events.flatMap((e) => (e.type === 'state' ? [e.state] : []));
    expect(states).toEqual(['paused', 'running']);
    expect(s.exp.calls.filter((c) => c.startsWith('snapshots'))).toEqual([
      'snapshots 2',
      'snapshots 3',
      'snapshots 7',
      'snapshots 9',
    ]);
  });

  it('stops after the current step, evaluates the partial epoch and publishes final views', async () => {
    const s = setup({
      onStep: (step) => {
        if (step === 5) s.control.stop();
      },
    });
    const out = await runExperiment(s.exp, s.opts);
    expect(out).toEqual({ status: 'stopped', steps: 6, finalMetrics: { steps: 6 } });
    expect(s.exp.calls.slice(-4)).toEqual(['step 5 e1', 'evaluate e1', 'snapshots 5', 'finalMetrics']);
    const fin = s.events.at(-1)!;
    expect(fin).toMatchObject({ type: 'finished', status: 'stopped', finalMetrics: { steps: 6 } });
  });

  it('stops a paused run without resuming it', async () => {
    const s = setup({
      onStep: (step) => {
        if (step === 0) s.control.pause();
      },
    });
    const done = runExperiment(s.exp, s.opts);
    await s.until((e) => e.type === 'state');
    s.control.stop();
    expect(await done).toMatchObject({ status: 'stopped', steps: 1 });
    expect(s.events.filter((e) => e.type === 'state')).toHaveLength(1);
  });

  it('flushes metrics at most every 50 ms of the clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const s = setup(
      {
        stepsPerEpoch: 10,
        withViews: false,
        onStep: () => {
          vi.advanceTimersByTime(10);
        },
      },
      { snapshotEvery: 1000 },
    );
    await runExperiment(s.exp, s.opts);
    const batches = s.events.flatMap((e) => (e.type === 'metrics' ? [e.rows.map((r) => r.step)] : []));
    // Row s is pushed at t = 10(s+1): row 0 at once, rows 1-4 by the timer at t=60, the rest at the end.
    expect(batches).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8, 9, 9]]);
    const ts = s.events.flatMap((e) => (e.type === 'metrics' ? e.rows.filter((r) => 'loss' in r).map((r) => r.t) : []));
    expect(ts).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('turns a throwing step into a failed event and a failed run on disk, never a throw', async () => {
    const project = await newProject(tempDir);
    const store = await createRun(project, COLOURS_SPEC, { id: 'boom', heartbeatMs: 0 });
    const s = setup({ failAt: 3 }, { store });
    const out = await runExperiment(s.exp, s.opts);
    expect(out).toEqual({ status: 'failed', steps: 3, finalMetrics: {}, error: 'step 3 blew up' });
    expect(s.types().at(-1)).toBe('failed');
    expect(s.types()).not.toContain('finished');
    expect(trainSteps(s.events)).toEqual([0, 1, 2]);
    expect(s.exp.disposed).toBe(true);
    const [summary] = await listRuns(project);
    expect(summary).toMatchObject({ status: 'failed', error: 'step 3 blew up' });
    expect((await readRun(project, 'boom')).metrics.map((r) => r.step)).toEqual([0, 1, 2]);
  });

  it('fails the run when the store cannot write', async () => {
    const broken: RunStore = {
      appendMetrics: () => Promise.reject(new Error('ENOSPC: no space left on device')),
      writeSnapshot: async () => {},
      writeWinners: async () => {},
      saveModel: async () => {},
      finish: async () => {},
      fail: vi.fn(async () => {}),
    };
    const s = setup({}, { store: broken });
    const out = await runExperiment(s.exp, s.opts);
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(/ENOSPC/);
    expect(broken.fail).toHaveBeenCalledOnce();
  });

  it('writes metrics, snapshots, winners, the model and the final record to the run folder', async () => {
    const project = await newProject(tempDir);
    const store = await createRun(project, COLOURS_SPEC, { id: 'full', heartbeatMs: 0 });
    const s = setup({}, { store });
    await runExperiment(s.exp, s.opts);
    const detail = await readRun(project, 'full');
    expect(detail.summary).toMatchObject({ status: 'finished', finalMetrics: { steps: 10 } });
    expect(detail.metrics.filter((r) => 'loss' in r).map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(detail.metrics.filter((r) => 'testAccuracy' in r)).toHaveLength(2);
    expect(detail.snapshotSteps).toEqual([3, 7, 9]);
    expect(await listWinnerSteps(project, 'full')).toEqual([3, 7, 9]);
    expect((await readWinners(project, 'full', 7)).winners).toBeInstanceOf(Int32Array);
    expect(await readFile(join(store.dir, 'model', 'model.json'), 'utf8')).toBe('{"fake":true}');
  });
});
