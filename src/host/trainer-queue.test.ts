import { describe, expect, it } from 'vitest';
import { TrainerQueue, defaultMaxTrainers } from './trainer-queue';
import { availableParallelism } from 'node:os';

/** A stand-in trainer the test ends by hand. */
function fakeTrainers() {
  const started: string[] = [];
  const enders = new Map<string, () => void>();
  const job = (id: string, group?: string) => ({
    id,
    group,
    launch: () => {
      started.push(id);
      return { exited: new Promise<void>((r) => enders.set(id, r)) };
    },
  });
  const end = async (id: string): Promise<void> => {
    enders.get(id)!();
    await new Promise((r) => setImmediate(r));
  };
  return { started, job, end };
}

describe('TrainerQueue', () => {
  it('runs at most maxRunning trainers, starts the rest in order as slots free', async () => {
    const t = fakeTrainers();
    const q = new TrainerQueue({ maxRunning: 2 });
    expect(['a', 'b', 'c', 'd'].map((id) => q.add(t.job(id)))).toEqual(['starting', 'starting', 'queued', 'queued']);
    expect(t.started).toEqual(['a', 'b']);
    expect(q.queued().map((j) => j.id)).toEqual(['c', 'd']);
    await t.end('b');
    expect(t.started).toEqual(['a', 'b', 'c']);
    expect(q.isWaiting('c')).toBe(false);
    expect(q.handle('c')).toBeDefined();
    await t.end('a');
    await t.end('c');
    await t.end('d');
    await q.idle();
    expect(q.started()).toEqual([]);
  });

  it('takes waiting jobs off by id or by group, never a running one', async () => {
    const t = fakeTrainers();
    const q = new TrainerQueue({ maxRunning: 1 });
    for (const [id, g] of [
      ['a', 's'],
      ['b', 's'],
      ['c', undefined],
      ['d', 's'],
    ] as const)
      q.add(t.job(id, g));
    expect(q.cancel('a')).toBe(false); // running: the caller stops it
    expect(q.cancel('c')).toBe(true);
    expect(q.cancelGroup('s')).toEqual(['b', 'd']);
    await t.end('a');
    expect(t.started).toEqual(['a']);
  });

  it('starts nothing after close, and a launch that throws frees its slot', async () => {
    const t = fakeTrainers();
    const errors: string[] = [];
    const q = new TrainerQueue({ maxRunning: 1, onLaunchError: (id, e) => errors.push(`${id}: ${String(e)}`) });
    q.add({
      id: 'bad',
      launch: () => {
        throw new Error('no fork');
      },
    });
    q.add(t.job('a'));
    q.add(t.job('b'));
    expect(errors).toEqual(['bad: Error: no fork']);
    expect(q.close().map((j) => j.id)).toEqual(['b']);
    await t.end('a');
    expect(t.started).toEqual(['a']);
    expect(() => q.add(t.job('c'))).toThrow('the host is shutting down: no new runs');
  });

  it('defaults to one trainer per core and refuses a bound that is not a whole number ≥ 1', () => {
    expect(defaultMaxTrainers()).toBe(availableParallelism());
    for (const n of [0, 1.5, -1]) expect(() => new TrainerQueue({ maxRunning: n })).toThrow(`received ${n}`);
  });
});
