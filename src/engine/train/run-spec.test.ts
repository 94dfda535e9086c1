import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/events';
import { parseSpec } from '../../shared/validate';
import { readRecord, readRun } from '../runs';
import { COLOURS_SPEC, newProject, useTempDirs } from '../runs/runs.test-helper';
import { RunControl } from './control';
import { FakeExperiment } from './fake-experiment.test-helper';
import { runFromSpec } from './run-spec';
import { FAKE_BACKEND, fakeDeps } from './fake-deps.test-helper';
import type { TrainerDeps } from './trainer-deps';
import type { Experiment } from './experiment';

const tempDir = useTempDirs();
const spec = parseSpec({ ...COLOURS_SPEC, snapshotEvery: 2 });

async function start(projectDir: string, deps: Partial<TrainerDeps> = {}, extra: object = {}) {
  const events: RunEvent[] = [];
  let built: FakeExperiment | undefined;
  const allDeps: TrainerDeps = {
    ...fakeDeps,
    build: async () => (built = new FakeExperiment({ totalSteps: 4, stepsPerEpoch: 2 })),
    ...deps,
  };
  const cmd = { type: 'start' as const, runId: 'r1', spec, projectDir, dataRoots: ['/data'], ...extra };
  const out = await runFromSpec(cmd, {
    emit: (e) => events.push(e),
    control: new RunControl(),
    deps: allDeps,
    heartbeatMs: 0,
  });
  return { out, events, built: () => built };
}

describe('runFromSpec', () => {
  it('creates the run (run-created), records backend and versions, announces run-started, trains', async () => {
    const project = await newProject(tempDir);
    const { out, events, built } = await start(project);
    expect(out.status).toBe('finished');
    const startedAt = (await readRecord(join(project, 'runs', 'r1'))).startedAt;
    expect(events[0]).toEqual({ type: 'run-created', v: 1, runId: 'r1', startedAt });
    expect(events[1]).toEqual({ type: 'log', v: 1, runId: 'r1', level: 'warn', message: 'fake data: 2 samples' });
    expect(events[2]).toMatchObject({ type: 'run-started', runId: 'r1', spec, backend: FAKE_BACKEND, totalSteps: 4 });
    expect(events[2]).toMatchObject({ warnings: ['fake data: 2 samples'] });
    expect(events.at(-1)).toMatchObject({ type: 'finished', status: 'finished' });
    expect(built()!.disposed).toBe(true);
    const detail = await readRun(project, 'r1');
    expect(detail.summary).toMatchObject({
      status: 'finished',
      backend: 'cpu',
      device: 'fake device',
      totalSteps: 4,
      pid: process.pid,
      warnings: ['fake data: 2 samples'], // stored, so a reopened run shows them
    });
    expect(detail.summary.versions).toMatchObject({ fake: '1', node: process.versions.node });
    expect(detail.spec).toEqual(spec);
    expect(detail.snapshotSteps).toEqual([0, 1, 3]);
  });

  it('passes the data roots to the loader, or none when unrestricted', async () => {
    const project = await newProject(tempDir);
    const seen: (string[] | undefined)[] = [];
    const loadDataset: TrainerDeps['loadDataset'] = async (ref, o) => {
      seen.push(o.allowedRoots);
      return fakeDeps.loadDataset(ref, o);
    };
    await start(project, { loadDataset });
    await start(await newProject(tempDir), { loadDataset }, { unrestricted: true });
    expect(seen).toEqual([['/data'], undefined]);
  });

  it('keeps the dataset warnings in run.json even when the model cannot be built', async () => {
    const project = await newProject(tempDir);
    const { out } = await start(project, {
      build: async () => {
        throw new Error('no model for this data');
      },
    });
    expect(out.status).toBe('failed');
    expect(await readRecord(join(project, 'runs', 'r1'))).toMatchObject({
      status: 'failed',
      warnings: ['fake data: 2 samples'],
    });
  });

  it('leaves a failed run on disk when the dataset cannot be loaded', async () => {
    const project = await newProject(tempDir);
    const { out, events } = await start(project, {
      loadDataset: async () => {
        throw new Error('/data/x/train-images.idx: truncated');
      },
    });
    expect(out).toMatchObject({ status: 'failed', error: '/data/x/train-images.idx: truncated' });
    expect(events.map((e) => e.type)).toEqual(['run-created', 'failed']);
    expect(await readRecord(join(project, 'runs', 'r1'))).toMatchObject({
      status: 'failed',
      backend: 'cpu',
      error: '/data/x/train-images.idx: truncated',
    });
  });

  it('reports a folder that is not a project as a failed event, writing nothing', async () => {
    const dir = await tempDir();
    const { out, events } = await start(dir);
    expect(out.status).toBe('failed');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'failed', runId: 'r1' });
    expect((events[0] as { error: string }).error).toMatch(/not a SOM Lab project/);
  });

  it("sends the experiment's phase reports as progress events, all before the run's finished event", async () => {
    const project = await newProject(tempDir);
    const build = async () => {
      const e: Experiment = new FakeExperiment({ totalSteps: 2, stepsPerEpoch: 2 });
      const final = e.finalMetrics.bind(e);
      e.finalMetrics = async () => {
        for (const done of [0, 5, 10]) e.report?.({ phase: 'evaluate', unit: 'rows', done, total: 10 });
        return final();
      };
      return e;
    };
    const { events } = await start(project, { build });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress).toEqual(
      [0, 5, 10].map((done) => ({
        type: 'progress',
        v: 1,
        runId: 'r1',
        phase: 'evaluate',
        unit: 'rows',
        done,
        total: 10,
      })),
    );
    expect(events.indexOf(progress.at(-1)!)).toBeLessThan(events.findIndex((e) => e.type === 'finished'));
  });
});
