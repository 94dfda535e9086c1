// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { nextTick } from 'vue';
import { useCompareStore } from './compare';
import { parseHash, useNavStore } from './nav';
import { useRunsStore } from './runs';
import { EVENTS_VERSION as v } from '../../../shared/events';

const som = (rows: number, topology = 'rect') => ({
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors', trainLimit: 1250 },
  epochs: 1,
  batchSize: 250,
  snapshotEvery: 2,
  probeCount: 0,
  som: { rows, cols: 4, topology, sigma: { start: 2, end: 0.5 } },
});

let fake: FakeApi;
beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '#/runs');
  setActivePinia(createPinia());
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
});

describe('compare store', () => {
  it('takes 2–6 runs and refuses a seventh with a message; Clear empties it', () => {
    const c = useCompareStore();
    expect(c.ready).toBe(false);
    for (const id of ['a', 'b']) c.toggle(id);
    expect(c.ready).toBe(true);
    for (const id of ['c', 'd', 'e', 'f']) c.toggle(id);
    expect(c.full).toBe(true);
    expect(c.toggle('g')).toBe(false);
    expect(c.ids).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(c.error).toMatch(/at most 6/);
    c.toggle('b');
    expect(c.ids).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(c.error).toBeNull();
    c.clear();
    expect([c.ids, c.full, c.ready]).toEqual([[], false, false]);
  });

  it('keeps the selection in the URL on the compare view and in session storage for a reload', async () => {
    const nav = useNavStore();
    nav.go('compare');
    const c = useCompareStore();
    c.set(['r1', 'r2']);
    await nextTick();
    expect(window.location.hash).toBe('#/compare?runs=r1,r2');
    expect(JSON.parse(window.sessionStorage.getItem('somlab.compare')!)).toEqual(['r1', 'r2']);
    // A reload: fresh stores read the address.
    setActivePinia(createPinia());
    expect(useCompareStore().ids).toEqual(['r1', 'r2']);
    expect(parseHash('#/compare?runs=x,y,x')).toEqual({ view: 'compare', runId: null, runs: ['x', 'y'] });
  });

  it('takes a whole sweep group, at most 6 of it, saying how many were left out', () => {
    const c = useCompareStore();
    c.set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(c.ids).toHaveLength(6);
    expect(c.error).toBe('compare takes at most 6 runs: showing the first 6 of 8');
  });

  it("loads each run's detail and last snapshot, and drops runs no longer ticked", async () => {
    const a = fake.seedRun(som(3)),
      b = fake.seedRun(som(4, 'hex'));
    const c = useCompareStore();
    c.toggle(a);
    c.toggle(b);
    await c.load();
    expect(c.error).toBeNull();
    expect([...c.details.keys()].sort()).toEqual([a, b].sort());
    expect(c.details.get(b)!.spec.kind).toBe('som');
    expect([c.snapshot(a, 'som', 4), c.snapshot(b, 'som', 0)]).toEqual([null, null]); // asked for, come later
    await new Promise((r) => setTimeout(r, 5));
    // 1250 colours in batches of 250 → 5 steps; views after the first (0), every 2nd step (1, 3) and the last (4).
    expect(c.details.get(a)!.snapshotSteps).toEqual([0, 1, 3, 4]);
    expect(c.snapshot(a, 'som', 4)).toMatchObject({ rows: 3, step: 4 });
    expect(c.snapshot(b, 'som', 0)).toMatchObject({ topology: 'hex', step: 0 });
    c.toggle(a);
    await c.load();
    expect([...c.details.keys()]).toEqual([b]);
  });

  it('names the run that cannot be read', async () => {
    const a = fake.seedRun(som(3));
    const c = useCompareStore();
    c.toggle(a);
    c.toggle('ghost');
    await c.load();
    expect(c.details.size).toBe(1);
    expect(c.error).toMatch(/^ghost: run "ghost" not found/);
  });
});

describe('runs store', () => {
  it('lists runs and refreshes when a run starts or ends', async () => {
    const runs = useRunsStore();
    await runs.refresh();
    expect(runs.list).toEqual([]);
    const off = runs.attach(0);
    fake.emit({
      type: 'run-started',
      v,
      runId: 'r9',
      spec: (await import('../../../shared/validate')).parseSpec(som(2)),
      totalSteps: 4,
      startedAt: '2026-01-01T00:00:00Z',
      backend: { name: 'cpu', device: '', skipped: [] },
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(runs.list.map((r) => [r.id, r.status])).toEqual([['r9', 'running']]);
    off();
    await runs.loadPresets();
    expect(runs.presets.length).toBeGreaterThan(3);
  });

  it("keeps the host's message when a spec is refused", async () => {
    const runs = useRunsStore();
    await expect(runs.start({ kind: 'som' } as never)).rejects.toThrow(/dataset/);
  });
});
