import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainCallback } from './callback';
import { runExperiment } from './loop';
import { loopHarness, trainSteps } from './loop-harness.test-helper';

const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('runExperiment', () => {
  afterEach(() => vi.useRealTimers());

  it('late reads arrive as rows of their own step, all of them before each evaluation and the end', async () => {
    const { events, exp, opts } = loopHarness({ lateTurns: 3 });
    await runExperiment(exp, opts);
    const rows = events.flatMap((e) => (e.type === 'metrics' ? e.rows : []));
    const lossSteps = rows.filter((r) => 'loss' in r).map((r) => r.step);
    expect(lossSteps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.find((r) => r.step === 7 && 'loss' in r)!.loss).toBeCloseTo(1 / 8);
    // Each step's own row (lr) comes at once; its loss only after later steps have run.
    const order = rows.map((r) => ('loss' in r ? `loss${r.step}` : 'lr' in r ? `lr${r.step}` : `eval${r.step}`));
    expect(order.indexOf('loss0')).toBeGreaterThan(order.indexOf('lr1'));
    expect(order.indexOf('loss4')).toBeLessThan(order.indexOf('eval4'));
    expect(order.indexOf('loss9')).toBeLessThan(order.indexOf('eval9'));
  });

  it('runs every step, snapshots every N and at the end, evaluates each epoch, in order', async () => {
    const progress: number[] = [];
    const onStepEnd: TrainCallback['onStepEnd'] = (_step, t) => void progress.push(t.done * 100 + t.exp.totalSteps);
    const { events, exp, opts, types } = loopHarness({}, { extra: [{ onStepEnd }] });
    const out = await runExperiment(exp, opts);
    expect(out).toEqual({ status: 'finished', steps: 10, finalMetrics: { steps: 10 } });
    expect(exp.calls).toEqual([
      'step 0 e0',
      'snapshots 0',
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
    expect(snaps).toEqual([0, 3, 7, 9]);
    expect(events.filter((e) => e.type === 'winners').map((e) => (e as { step: number }).step)).toEqual([0, 3, 7, 9]);
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
    expect(rows.filter((r) => 'mask1.sparsity' in r).map((r) => r.step)).toEqual([0, 3, 7, 9]);
    // Every metric row is out before the snapshot of its step: the chart never lags the grid.
    const secondSnap = types().indexOf('som-snapshot', types().indexOf('som-snapshot') + 1);
    expect(trainSteps(events.slice(0, secondSnap))).toEqual([0, 1, 2, 3]);
  });

  it('honours pause between steps, serves a snapshot while paused, and resumes', async () => {
    const s = loopHarness({
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
      'snapshots 0',
      'snapshots 2',
      'snapshots 3',
      'snapshots 7',
      'snapshots 9',
    ]);
  });

  it('stops after the current step, evaluates the partial epoch and publishes final views', async () => {
    const s = loopHarness({
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
    const s = loopHarness({
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
    const s = loopHarness(
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

  it('is driven by its callback list alone: no events, files or views unless a callback makes them', async () => {
    const seen: string[] = [];
    const log: TrainCallback = {
      onRow: (row) => void seen.push(`row ${row.step}`),
      onStepEnd: (step) => void seen.push(`end ${step}`),
      onEval: (step, epoch) => void seen.push(`eval ${step} e${epoch}`),
      onTrainEnd: (last) => void seen.push(`train end ${last}`),
      onEnd: ({ status }) => void seen.push(status),
    };
    const s = loopHarness({ totalSteps: 2, stepsPerEpoch: 2 });
    const out = await runExperiment(s.exp, { runId: 'r', callbacks: [log] });
    expect(out.status).toBe('finished');
    expect(seen).toEqual(['row 0', 'end 0', 'row 1', 'end 1', 'eval 1 e0', 'row 1', 'train end 1', 'finished']);
    expect(s.exp.calls.filter((c) => c.startsWith('snapshots'))).toEqual([]);
    expect(s.events).toEqual([]);
  });
});
