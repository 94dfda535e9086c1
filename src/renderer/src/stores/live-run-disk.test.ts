// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { EVENTS_VERSION as v } from '../../../shared/events';
import type { FakeApi } from '../api/fake-api.test-helper';
import { useLiveRunStore } from './live-run';
import { installFakeApi, started, tick } from './live-run.test-helper';

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = installFakeApi();
});

describe('liveRun store: saved runs and controls', () => {
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
});
