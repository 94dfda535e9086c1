/**
 * One contract, two implementations: the same scenarios run against LabHost (real trainer processes writing a
 * project in a temp folder) and against the renderer's fake Api (its test double), so the double the renderer's
 * tests lean on cannot drift from the host: same refusals, same event order, same saved steps and layers,
 * one trainer slot here so runs beyond it wait as `queued`, sweeps queued whole in one group.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALL_NAMES, type Api } from '../shared/api';
import type { RunEvent, RunEventOf } from '../shared/events';
import { createFakeApi } from '../renderer/src/api/fake-api.test-helper';
import { LabHost } from './lab-host';

interface Subject {
  api: Api;
  close(): Promise<void>;
}

/** One trainer at a time, and 1 GiB a spec. */
const LIMITS = { maxTrainers: 1, memoryBudget: 2 ** 30 };

function hostApi(): Subject {
  const host = new LabHost({ dataRoots: [], projectRoots: null, ...LIMITS });
  const calls = Object.fromEntries(API_CALL_NAMES.map((n) => [n, (...a: unknown[]) => host.call(n, a)]));
  return {
    api: { ...calls, onRunEvent: (l) => host.onRunEvent(l) } as Api,
    close: async () => void (await host.close()),
  };
}
const SUBJECTS: [string, () => Subject][] = [
  ['LabHost', hostApi],
  ['fake Api', () => ({ api: createFakeApi(LIMITS), close: async () => undefined })],
];

/** 60 colours in batches of 20 for 2 epochs: 6 steps, views after steps 1, 3, 5, evaluations after 2 and 5. */
const SMALL_SOM = {
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors', trainLimit: 60 },
  epochs: 2,
  batchSize: 20,
  snapshotEvery: 2,
  probeCount: 5,
  som: { rows: 3, cols: 3, sigma: { start: 2, end: 0.5 } },
};
/** A small MLP on the 2-class spiral: a classifier with a saved model in a few seconds. */
const SMALL_MLP = {
  kind: 'baseline-mlp',
  dataset: { source: 'builtin', name: 'spirals' },
  epochs: 4,
  batchSize: 32,
  hidden: [32, 32],
  learningRate: 0.01,
};
const LONG_SOM = { ...SMALL_SOM, dataset: { ...SMALL_SOM.dataset, trainLimit: 2000 }, batchSize: 10, epochs: 50 };

describe.each(SUBJECTS)('Api contract: %s', (_name, make) => {
  let s: Subject, dir: string;
  const events: RunEvent[] = [];
  const waiting: (() => boolean)[] = [];
  /** Resolves once an event has arrived that `pred` accepts (among those seen so far or later). */
  function until<T extends RunEvent = RunEvent>(pred: (e: RunEvent) => boolean, ms = 90_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such event within ${ms} ms`)), ms);
      const check = (): boolean => {
        const e = events.find(pred);
        if (!e) return false;
        clearTimeout(timer);
        resolve(e as T);
        return true;
      };
      if (!check()) waiting.push(check);
    });
  }
  const finished = (id: string) => (e: RunEvent) => e.type === 'finished' && e.runId === id;
  const ofRun = (id: string): RunEvent[] => events.filter((e) => e.runId === id && e.type !== 'log');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'somlab-contract-'));
    s = make();
    s.api.onRunEvent((e) => {
      events.push(e);
      for (const w of waiting.splice(0)) if (!w()) waiting.push(w);
    });
  });
  afterAll(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses run calls before a project is open, and a bad spec with the field that is wrong', async () => {
    await expect(s.api['runs:list']()).rejects.toThrow('no project is open: open or create a project folder first');
    const bad = { ...SMALL_SOM, som: { ...SMALL_SOM.som, rows: 'three' } };
    await expect(s.api['runs:start'](bad as never)).rejects.toThrow(/som\.rows: .*expected number, received string/);
    expect(await s.api['project:create'](join(dir, 'p'), 'contract')).toMatchObject({ name: 'contract' });
    expect(await s.api['runs:list']()).toEqual([]);
  });

  it('trains a SOM: events in trainer order, views after every snapshotEvery-th step, arrays read back', async () => {
    const id = await s.api['runs:start'](SMALL_SOM as never);
    const end = await until<RunEventOf<'finished'>>(finished(id));
    expect(end.status).toBe('finished');
    const types = ofRun(id).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['run-created', 'run-started']);
    expect(types.at(-1)).toBe('finished');
    expect(ofRun(id).flatMap((e) => (e.type === 'eval' ? [e.step] : []))).toEqual([2, 5]);
    const d = await s.api['runs:get'](id);
    expect(d.summary).toMatchObject({ id, status: 'finished', totalSteps: 6, kind: 'som' });
    expect([d.snapshotSteps, d.snapshotLayers, d.winnerSteps]).toEqual([[0, 1, 3, 5], ['som'], [0, 1, 3, 5]]);
    expect([...new Set(d.metrics.filter((r) => 'sigma' in r).map((r) => r.step))]).toEqual([0, 1, 2, 3, 4, 5]);
    const snap = await s.api['runs:snapshot'](id, 5);
    expect(snap).toMatchObject({ step: 5, layer: 'som', rows: 3, cols: 3, topology: 'rect', shape: [3] });
    expect([snap.codebook.length, snap.umatrix.length, snap.hits.reduce((a, b) => a + b, 0)]).toEqual([27, 9, 60]);
    const w = await s.api['runs:winners'](id, 3);
    expect([w.step, w.layer, w.winners.length, w.labels?.length]).toEqual([3, 'som', 5, 5]);
    await expect(s.api['runs:snapshot'](id, 2)).rejects.toThrow();
    await expect(s.api['runs:get']('no-such-run')).rejects.toThrow(/no-such-run"? not found/);
    await expect(s.api['runs:pause'](id)).rejects.toThrow(`run ${id} is not training in this session`);
    expect((await s.api['runs:list']()).map((r) => [r.id, r.status])).toEqual([[id, 'finished']]);
  });

  it('refuses specs over the memory budget; queues runs beyond the slots: not pausable, stoppable', async () => {
    const big = { ...SMALL_SOM, som: { ...SMALL_SOM.som, rows: 200, cols: 200 } };
    await expect(s.api['runs:start'](big as never)).rejects.toThrow(
      /about 17\.9 GiB of memory, over the budget of 1\.0 GiB; .* from som\.rows × som\.cols/,
    );
    const a = await s.api['runs:start'](LONG_SOM as never);
    const b = await s.api['runs:start'](SMALL_SOM as never);
    const c = await s.api['runs:start'](SMALL_SOM as never);
    const status = async (id: string) => (await s.api['runs:list']()).find((r) => r.id === id)?.status;
    expect([await status(b), await status(c)]).toEqual(['queued', 'queued']);
    expect((await s.api['runs:get'](b)).summary).toMatchObject({ id: b, status: 'queued', kind: 'som' });
    await expect(s.api['runs:pause'](b)).rejects.toThrow(`run ${b} is queued (waiting for one of 1 trainer slots)`);
    await s.api['runs:stop'](c);
    expect(await status(c)).toBeUndefined();
    await until((e) => e.type === 'metrics' && e.runId === a);
    expect(events.some((e) => e.runId === b)).toBe(false);
    await s.api['runs:stop'](a);
    expect((await until<RunEventOf<'finished'>>(finished(b))).status).toBe('finished');
    expect(events.some((e) => e.runId === c)).toBe(false);
  });

  it('pauses, resumes and stops: the partial epoch is evaluated and the last step gets its views', async () => {
    const id = await s.api['runs:start'](LONG_SOM as never);
    await until((e) => e.type === 'metrics' && e.runId === id);
    await s.api['runs:pause'](id);
    await until((e) => e.type === 'state' && e.runId === id && e.state === 'paused');
    await s.api['runs:resume'](id);
    await until((e) => e.type === 'state' && e.runId === id && e.state === 'running');
    await s.api['runs:stop'](id);
    expect((await until<RunEventOf<'finished'>>(finished(id))).status).toBe('stopped');
    const d = await s.api['runs:get'](id);
    const last = Math.max(...d.metrics.map((r) => r.step));
    expect(d.summary.status).toBe('stopped');
    expect(d.snapshotSteps.at(-1)).toBe(last);
    expect(
      ofRun(id)
        .filter((e) => e.type === 'eval')
        .at(-1),
    ).toMatchObject({ step: last });
  });

  it('attacks a finished classifier run: progress events, the curve kept with the run, refusals named', async () => {
    const id = await s.api['runs:start'](SMALL_MLP as never);
    expect((await until<RunEventOf<'finished'>>(finished(id))).status).toBe('finished');
    const curve = await s.api['runs:robustness'](id, { attack: 'fgsm', eps: [0, 0.5], limit: 200 });
    expect(curve).toMatchObject({ runId: id, attack: 'fgsm', eps: [0, 0.5] });
    const [clean, attacked] = curve.accuracy as [number, number];
    expect(clean).toBeGreaterThan(0.5);
    expect(attacked).toBeLessThanOrEqual(clean);
    const progress = events.filter((e) => e.type === 'robustness' && e.runId === id);
    expect(progress.at(-1)).toMatchObject({ curve: { attack: 'fgsm' } });
    expect(progress.length).toBeGreaterThan(1);
    expect(await s.api['runs:robustnessCurves'](id)).toEqual([curve]);
    const som = (await s.api['runs:list']()).find((r) => r.kind === 'som')!;
    await expect(s.api['runs:robustness'](som.id, {})).rejects.toThrow(/is a som run: robustness needs a classifier/);
    await expect(s.api['runs:robustness'](id, { eps: [-1] } as never)).rejects.toThrow(/eps/);
  });

  it('queues a sweep whole, runs it variant after variant, each in the preset group with its label', async () => {
    const name = 'seed002-soft-som-spiral';
    const stopEach = s.api.onRunEvent((e) => {
      if (e.type === 'run-started') void s.api['runs:stop'](e.runId).catch(() => undefined);
    });
    const inSweep = (id: string): boolean =>
      events.some((e) => e.type === 'run-started' && e.runId === id && e.spec.preset === name);
    const first = await s.api['runs:startPreset'](name);
    const queued = (await s.api['runs:list']()).filter((r) => r.group === name && r.status === 'queued');
    expect(queued.length).toBeGreaterThanOrEqual(2); // one slot: the others wait
    await until(finished(first));
    await until(() => events.filter((e) => e.type === 'finished' && inSweep(e.runId)).length >= 3);
    stopEach();
    const sweep = (await s.api['runs:list']()).filter((r) => r.group === name);
    const labels = ['pure NN', 'SOM preprocessing', 'SOM interposed'];
    expect(sweep.map((r) => r.name).sort()).toEqual(labels.map((l) => `${name} / ${l}`).sort());
    expect(sweep.every((r) => r.preset === name && r.kind === 'soft-som')).toBe(true);
  });
});
