// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { EVENTS_VERSION as v } from '../../../shared/events';
import type { FakeApi } from '../api/fake-api.test-helper';
import { useLiveRunStore, spread } from './live-run';
import { MAX_POINTS } from '../run/live-state';
import { installFakeApi, snap, started } from './live-run.test-helper';

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = installFakeApi();
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

  it('spreads winner steps evenly keeping both ends', () => {
    expect(spread([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });
});
