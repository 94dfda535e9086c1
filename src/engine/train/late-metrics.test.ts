import { describe, expect, it } from 'vitest';
import { LateMetrics } from './late-metrics';

const later = <T>(v: T, turns: number): Promise<T> =>
  new Promise((resolve) => {
    const go = (n: number) => (n === 0 ? resolve(v) : setImmediate(() => go(n - 1)));
    go(turns);
  });

describe('LateMetrics', () => {
  it('gives back nothing until a read resolves, then rows in step order, each once', async () => {
    const late = new LateMetrics();
    late.add(20, later({ loss: 0.2 }, 2));
    late.add(10, later({ loss: 0.1 }, 1));
    expect(late.take()).toEqual([]);
    await later(null, 3);
    expect(late.take()).toEqual([
      { step: 10, values: { loss: 0.1 } },
      { step: 20, values: { loss: 0.2 } },
    ]);
    expect(late.take()).toEqual([]);
  });

  it('settle waits for reads still pending', async () => {
    const late = new LateMetrics();
    late.add(3, later({ qe: 1 }, 5));
    expect(await late.settle()).toEqual([{ step: 3, values: { qe: 1 } }]);
  });

  it('a failed read fails the next take with its own error', async () => {
    const late = new LateMetrics();
    late.add(1, Promise.reject(new Error('device lost')));
    await expect(late.settle()).rejects.toThrow('device lost');
  });
});
