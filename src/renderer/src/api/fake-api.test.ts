// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../../shared/events';
import type { ExperimentSpecInput } from '../../../shared/spec';
import { ValidationError } from '../../../shared/validate';
import { createFakeApi } from './fake-api';
import { scheduleAt } from '../demo/demo-run';
import { gridDistances } from '../demo/demo-som';

const project = { format: 'somlab-project' as const, version: 1, name: 'p', created: '', dir: '/p' };
const colours = {
  kind: 'som',
  dataset: { source: 'builtin', name: 'colors' },
  epochs: 1,
  batchSize: 100,
  snapshotEvery: 4,
  probeCount: 3,
  som: { rows: 3, cols: 3, sigma: { start: 2, end: 0.5 } },
} satisfies ExperimentSpecInput;

afterEach(() => vi.useRealTimers());

describe('fake api', () => {
  it('needs an open project, like the host', async () => {
    const api = createFakeApi();
    await expect(api['runs:list']()).rejects.toThrow(/no project is open/);
    await api['project:create']('/tmp/x', 'X');
    expect(await api['project:current']()).toMatchObject({ dir: '/tmp/x', name: 'X' });
  });

  it('refuses a bad spec with the validation message', async () => {
    const api = createFakeApi({ project });
    await expect(api['runs:start']({ kind: 'som' } as never)).rejects.toBeInstanceOf(ValidationError);
  });

  it('plays a scripted run as the trainer would: started, metrics, views, eval, finished; then reads it back', async () => {
    vi.useFakeTimers();
    const api = createFakeApi({ project, autoplay: true, tickMs: 10 });
    const seen: RunEvent[] = [];
    api.onRunEvent((e) => seen.push(e));
    const id = await api['runs:start'](colours);
    await vi.runAllTimersAsync();
    const types = seen.map((e) => e.type);
    expect(types[0]).toBe('run-started');
    expect(types[types.length - 1]).toBe('finished');
    expect(types).toContain('som-snapshot');
    expect(types).toContain('winners');
    expect(types).toContain('eval');
    const rows = seen.flatMap((e) => (e.type === 'metrics' ? e.rows : []));
    expect(rows.filter((r) => 'sigma' in r).map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]); // 1000 colours, batch 100 → 10 steps
    const detail = await api['runs:get'](id);
    expect(detail.summary.status).toBe('finished');
    expect(detail.snapshotSteps).toEqual([0, 4, 8, 9]);
    expect(detail.winnerSteps).toEqual([0, 3, 6, 9]);
    const w = await api['runs:winners'](id, 3);
    expect(w.winners).toHaveLength(3);
    expect((await api['runs:snapshot'](id, 9)).codebook).toHaveLength(27);
  });

  it('pauses, resumes and stops a playing run', async () => {
    vi.useFakeTimers();
    const api = createFakeApi({ project, autoplay: true, tickMs: 10 });
    const seen: RunEvent[] = [];
    api.onRunEvent((e) => seen.push(e));
    const id = await api['runs:start']({ ...colours, epochs: 50 });
    await api['runs:pause'](id);
    const before = seen.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.length).toBe(before); // nothing while paused
    await api['runs:resume'](id);
    await vi.advanceTimersByTimeAsync(50);
    expect(seen.length).toBeGreaterThan(before + 1);
    await api['runs:stop'](id);
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ type: 'finished', status: 'stopped' });
    expect(seen.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state)).toEqual([
      'paused',
      'running',
    ]);
  });
});

describe('demo SOM pieces', () => {
  it('schedules decay from start to end', () => {
    expect(scheduleAt({ start: 8, end: 0.5, decay: 'exponential' }, 0)).toBe(8);
    expect(scheduleAt({ start: 8, end: 0.5, decay: 'exponential' }, 1)).toBeCloseTo(0.5);
    expect(scheduleAt({ start: 8, end: 0.5, decay: 'exponential' }, 0.5)).toBeCloseTo(2); // √(8·0.5)
    expect(scheduleAt({ start: 1, end: 0.5, decay: 'linear' }, 0.5)).toBeCloseTo(0.75);
    expect(scheduleAt({ start: 1, end: 0.5, decay: 'inverse-time' }, 1)).toBeCloseTo(0.5);
  });

  it('wraps grid distances on ring and torus', () => {
    const ring = gridDistances(1, 6, 'ring');
    expect(ring[0 * 6 + 5]).toBe(1);
    expect(ring[0 * 6 + 3]).toBe(9);
    const chain = gridDistances(1, 6, 'chain');
    expect(chain[5]).toBe(25);
    const torus = gridDistances(3, 3, 'torus');
    expect(torus[0 * 9 + 8]).toBe(2); // (0,0)–(2,2): one step each way round
  });
});
