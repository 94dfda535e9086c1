import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../shared/events';
import { createRun, listRuns, readRun, readWinners, listWinnerSteps } from '../runs';
import { COLOURS_SPEC, newProject, useTempDirs } from '../runs/runs.test-helper';
import { runExperiment } from './loop';
import type { RunStore } from './persist-run';
import { loopHarness, trainSteps } from './loop-harness.test-helper';

const tempDir = useTempDirs();

describe('runExperiment with a run folder', () => {
  it('turns a throwing step into a failed event and a failed run on disk, never a throw', async () => {
    const project = await newProject(tempDir);
    const store = await createRun(project, COLOURS_SPEC, { id: 'boom', heartbeatMs: 0 });
    const s = loopHarness({ failAt: 3 }, { store });
    const out = await runExperiment(s.exp, s.opts);
    expect(out).toEqual({ status: 'failed', steps: 3, finalMetrics: {}, error: 'step 3 blew up' });
    expect(s.types().at(-1)).toBe('failed');
    expect(s.types()).not.toContain('finished');
    expect(trainSteps(s.events)).toEqual([0, 1, 2]);
    expect(s.exp.disposed).toBe(true);
    const [summary] = await listRuns(project);
    expect(summary).toMatchObject({ status: 'failed', error: 'step 3 blew up' });
    // Step 0 has its mask-statistics row too (the views after the first step).
    expect((await readRun(project, 'boom')).metrics.map((r) => r.step)).toEqual([0, 0, 1, 2]);
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
    const s = loopHarness({}, { store: broken });
    const out = await runExperiment(s.exp, s.opts);
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(/ENOSPC/);
    expect(broken.fail).toHaveBeenCalledOnce();
  });

  it('writes metrics, snapshots, winners, the model and the final record to the run folder', async () => {
    const project = await newProject(tempDir);
    const store = await createRun(project, COLOURS_SPEC, { id: 'full', heartbeatMs: 0 });
    const s = loopHarness({}, { store });
    await runExperiment(s.exp, s.opts);
    const detail = await readRun(project, 'full');
    expect(detail.summary).toMatchObject({ status: 'finished', finalMetrics: { steps: 10 } });
    expect(detail.metrics.filter((r) => 'loss' in r).map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(detail.metrics.filter((r) => 'testAccuracy' in r)).toHaveLength(2);
    expect(detail.snapshotSteps).toEqual([0, 3, 7, 9]);
    expect(await listWinnerSteps(project, 'full')).toEqual([0, 3, 7, 9]);
    expect((await readWinners(project, 'full', 7)).winners).toBeInstanceOf(Int32Array);
    expect(await readFile(join(store.dir, 'model', 'model.json'), 'utf8')).toBe('{"fake":true}');
  });

  it('emits metric rows only once the store has them (the live view never runs ahead of the disk)', async () => {
    const onDisk = new Set<number>();
    const ahead: number[] = [];
    const slowDisk: RunStore = {
      appendMetrics: async (rows) => {
        await new Promise((r) => setTimeout(r, 5));
        for (const r of rows) onDisk.add(r.step);
      },
      writeSnapshot: async () => {},
      writeWinners: async () => {},
      saveModel: async () => {},
      finish: async () => {},
      fail: async () => {},
    };
    const onEvent = (e: RunEvent): void => {
      if (e.type === 'metrics') ahead.push(...e.rows.filter((r) => !onDisk.has(r.step)).map((r) => r.step));
    };
    const sleep = (): Promise<void> => new Promise((r) => setTimeout(r, 2));
    const s = loopHarness({ totalSteps: 40, stepsPerEpoch: 40, onStep: sleep }, { store: slowDisk, onEvent });
    expect((await runExperiment(s.exp, s.opts)).status).toBe('finished');
    expect(trainSteps(s.events)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(ahead).toEqual([]);
  });

  it('emits a SOM snapshot only once its file is written (the filmstrip fetches its step at once)', async () => {
    const onDisk = new Set<number>();
    const ahead: number[] = [];
    const seen: number[] = [];
    const slowSnapshots: RunStore = {
      appendMetrics: async () => {},
      writeSnapshot: async (snap) => {
        await new Promise((r) => setTimeout(r, 5));
        onDisk.add(snap.step);
      },
      writeWinners: async () => {},
      saveModel: async () => {},
      finish: async () => {},
      fail: async () => {},
    };
    const onEvent = (e: RunEvent): void => {
      if (e.type !== 'som-snapshot') return;
      seen.push(e.snapshot.step);
      if (!onDisk.has(e.snapshot.step)) ahead.push(e.snapshot.step);
    };
    const s = loopHarness({}, { store: slowSnapshots, onEvent });
    expect((await runExperiment(s.exp, s.opts)).status).toBe('finished');
    expect(seen).toEqual([0, 3, 7, 9]);
    expect(ahead).toEqual([]);
  });
});
