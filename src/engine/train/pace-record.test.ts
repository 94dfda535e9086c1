import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../shared/run-types';
import type { LoopContext } from './callback';
import { Pace, paceRecord } from './pace-record';

const row = (step: number, t: number): MetricRow => ({ step, epoch: 0, t, loss: 1 });

describe('Pace', () => {
  it('counts samples over consecutive steps and leaves out pauses and repeated rows', () => {
    const p = new Pace(32, 10_000);
    expect(p.samplesPerSec).toBeUndefined();
    // Steps 0..3 at 100 ms each, a 60 s pause, steps 4..5 at 100 ms; step 3 seen twice (an eval row).
    for (const [s, t] of [
      [0, 0],
      [1, 100],
      [2, 200],
      [3, 300],
      [3, 310],
      [4, 60_300],
      [5, 60_400],
    ] as const)
      p.add(row(s, t));
    // 4 timed steps (0→1, 1→2, 2→3, 4→5) in 400 ms, 32 samples each: 320 samples/s.
    expect(p.samplesPerSec).toBeCloseTo(320, 9);
  });

  it('writes samples/s into the record at the end of the run', async () => {
    const patches: object[] = [];
    const cb = paceRecord({ update: async (p) => void patches.push(p) }, 10);
    const t = {} as LoopContext;
    for (let s = 0; s < 5; s++) await cb.onRow!(row(s, s * 50), t);
    await cb.onEnd!({ status: 'finished', finalMetrics: {} }, t);
    expect(patches).toEqual([{ samplesPerSec: 200 }]);
  });
});
