// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { EVENTS_VERSION as v, type RunEvent } from '../../../shared/events';
import type { SomSnapshot } from '../../../shared/run-types';
import { parseSpec } from '../../../shared/validate';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { useLiveRunStore, spread } from './live-run';
import { MAX_POINTS } from '../run/live-fold';

const spec = parseSpec({
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  batchSize: 10,
  som: { rows: 2, cols: 3, sigma: { start: 2, end: 0.5 } },
});
const snap = (step: number, layer = 'som'): SomSnapshot => ({
  step,
  layer,
  rows: 2,
  cols: 3,
  topology: 'rect',
  shape: [3],
  codebook: new Float32Array(18).fill(step / 100),
  hits: new Float32Array(6),
  umatrix: new Float32Array(6),
});
const started: RunEvent = {
  type: 'run-started',
  v,
  runId: 'r1',
  spec,
  totalSteps: 100,
  startedAt: '2026-01-02T03:04:05Z',
  backend: { name: 'wasm', device: 'wasm SIMD', skipped: [] },
};
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
});

describe('liveRun store', () => {
  it('folds the events of a run it watched from the start', async () => {
    const live = useLiveRunStore();
    const off = live.attach();
    fake.emit(started);
    fake.emit({
      type: 'metrics',
      v,
      runId: 'r1',
      rows: [
        { step: 0, epoch: 0, t: 0, qe: 0.9, sigma: 2 },
        { step: 1, epoch: 0, t: 100, qe: 0.8, sigma: 1.9 },
      ],
    });
    fake.emit({ type: 'som-snapshot', v, runId: 'r1', snapshot: snap(1) });
    fake.emit({ type: 'winners', v, runId: 'r1', step: 1, layer: 'som', winners: new Int32Array([0, 5]) });
    fake.emit({ type: 'log', v, runId: 'r1', level: 'warn', message: 'slow backend' });
    fake.emit({ type: 'metrics', v, runId: 'other', rows: [{ step: 0, epoch: 0, t: 0, qe: 5 }] });
    await live.select('r1');

    const s = live.summary!;
    expect(s).toMatchObject({
      id: 'r1',
      source: 'live',
      status: 'running',
      step: 1,
      totalSteps: 100,
      layers: ['som'],
      snapshotSteps: [1],
      winnerLayers: ['som'],
    });
    expect(s.backend!.device).toBe('wasm SIMD');
    expect(s.samplesPerSec).toBeCloseTo(100); // 1 step of 10 samples in 100 ms
    expect(s.logs).toEqual([{ level: 'warn', message: 'slow backend' }]);
    const run = live.run('r1')!;
    expect(run.series.get('qe')!.points()).toEqual([
      [0, 0.9],
      [1, 0.8],
    ]);
    expect(run.snapshots.get('som')!.step).toBe(1);
    expect([...run.winners.get('som')!.items()[0]!.winners]).toEqual([0, 5]);
    expect(live.run('other')!.series.get('qe')!.points()).toEqual([[0, 5]]); // kept apart
    // No request to disk for a run seen from its start.
    expect(fake.calls.filter((c) => c.call === 'runs:get')).toEqual([]);

    fake.emit({ type: 'state', v, runId: 'r1', state: 'paused' });
    expect(live.summary!.status).toBe('paused');
    fake.emit({
      type: 'finished',
      v,
      runId: 'r1',
      status: 'finished',
      finalMetrics: { qe: 0.1 },
      endedAt: '2026-01-02T03:05:00Z',
    });
    expect(live.summary).toMatchObject({ status: 'finished', finalMetrics: { qe: 0.1 } });
    fake.emit({ type: 'state', v, runId: 'r1', state: 'running' }); // a late state event does not revive it
    expect(live.summary!.status).toBe('finished');
    off();
    expect(fake.listenerCount()).toBe(0);
  });

  it('keeps mask stats once whether they come as mask-stats events or as metric columns', async () => {
    const live = useLiveRunStore();
    live.attach();
    fake.emit(started);
    fake.emit({
      type: 'mask-stats',
      v,
      runId: 'r1',
      step: 10,
      layers: [{ name: 'mask/dense 1', sparsity: 0.3, strength: 0.2 }],
    });
    fake.emit({
      type: 'metrics',
      v,
      runId: 'r1',
      rows: [{ step: 10, epoch: 0, t: 5, 'mask/dense 1.sparsity': 0.3, 'mask/dense 1.strength': 0.2 }],
    });
    fake.emit({
      type: 'metrics',
      v,
      runId: 'r1',
      rows: [{ step: 20, epoch: 0, t: 9, 'mask/dense 1.sparsity': 0.1, 'mask/dense 1.strength': 0.05 }],
    });
    await live.select('r1');
    expect(live.summary!.maskLayers).toEqual(['mask/dense 1']);
    expect(live.run('r1')!.series.get('mask.mask/dense 1.sparsity')!.points()).toEqual([
      [10, 0.3],
      [20, 0.1],
    ]);
    expect(live.run('r1')!.series.has('mask/dense 1.sparsity')).toBe(false);
  });

  it('decimates a long run to at most MAX_POINTS per series, keeping the first and last rows', async () => {
    const live = useLiveRunStore();
    live.attach();
    fake.emit(started);
    for (let k = 0; k < 100; k++) {
      fake.emit({
        type: 'metrics',
        v,
        runId: 'r1',
        rows: Array.from({ length: 100 }, (_, j) => ({
          step: k * 100 + j,
          epoch: 0,
          t: k * 100 + j,
          loss: 1 / (1 + k * 100 + j),
        })),
      });
    }
    await live.select('r1');
    const pts = live.run('r1')!.series.get('loss')!.points();
    expect(pts.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(pts[0]).toEqual([0, 1]);
    expect(pts[pts.length - 1]).toEqual([9999, 1 / 10000]);
    expect(live.summary!.step).toBe(9999);
  });

  it('reopens a saved run from disk: metrics, last snapshot, winner trace, and scrubs its snapshots', async () => {
    const id = fake.seedRun({
      kind: 'som',
      dataset: { source: 'builtin', name: 'colors', trainLimit: 1000 },
      epochs: 2,
      batchSize: 100,
      snapshotEvery: 5,
      probeCount: 4,
      som: { rows: 3, cols: 3, sigma: { start: 2, end: 0.5 } },
    });
    const live = useLiveRunStore();
    live.attach();
    await live.select(id);
    for (let k = 0; k < 5; k++) await tick(); // winner frames load in the background
    const s = live.summary!;
    expect(s).toMatchObject({ id, source: 'disk', status: 'finished', totalSteps: 20 });
    expect(s.snapshotSteps).toEqual([0, 4, 9, 14, 19]); // after the first and every 5th step, as the engine's loop
    expect(live.run(id)!.snapshots.get('som')!.step).toBe(19);
    // QE is measured every 5th step and the last (0, 5, 10, 15, 19), and at the end of epoch 1 (step 9).
    expect(live.run(id)!.series.get('qe')!.size).toBe(6);
    const frames = live.run(id)!.winners.get('som')!.items();
    expect(frames.map((f) => f.step)).toEqual([0, 4, 9, 14, 19]); // winners go with the map views
    expect(frames[0]!.winners).toHaveLength(4);

    await live.pinSnapshot(9);
    expect(live.pinned!.step).toBe(9);
    await live.pinSnapshot(7);
    expect(live.error).toMatch(/no snapshot of layer "som" at step 7/);
    await live.pinSnapshot(null);
    expect(live.pinned).toBeNull();
  });

  it("a reopened run shows the dataset's load warnings stored with it", async () => {
    const warnings = ['2 greyscale images were expanded to RGB (grey copied to R, G and B) …: a/1.png, a/2.png'];
    fake.emit({ ...started, runId: 'old', warnings }); // before the store listens: it must come from disk
    fake.emit({
      type: 'finished',
      v,
      runId: 'old',
      status: 'finished',
      finalMetrics: {},
      endedAt: '2026-01-02T04:00:00Z',
    });
    const live = useLiveRunStore();
    live.attach();
    await live.select('old');
    expect(live.summary).toMatchObject({ source: 'disk', warnings });
  });

  it('sends pause / resume / stop for the selected run and Space toggles', async () => {
    const live = useLiveRunStore();
    live.attach();
    fake.emit(started);
    await live.select('r1');
    await live.togglePause();
    expect(live.summary!.status).toBe('paused');
    await live.togglePause();
    await live.stop();
    expect(fake.calls.map((c) => c.call)).toEqual(['runs:pause', 'runs:resume', 'runs:stop']);
    expect(live.summary!.status).toBe('stopped');
  });

  it('reports a run that cannot be opened', async () => {
    const live = useLiveRunStore();
    await live.select('nope');
    expect(live.error).toMatch(/could not open run nope: run "nope" not found/);
  });

  it('spreads winner steps evenly keeping both ends', () => {
    expect(spread([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });
});
