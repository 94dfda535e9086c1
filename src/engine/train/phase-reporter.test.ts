import { describe, expect, it } from 'vitest';
import type { PhaseReport } from '../../shared/events';
import { phaseReporter } from './phase-reporter';

const what = { phase: 'evaluate', unit: 'rows', total: 10_000 } as const;

describe('phaseReporter', () => {
  it('reports the start, at most one report per interval, and always the end', () => {
    let t = 0;
    const got: PhaseReport[] = [];
    const tell = phaseReporter(
      (p) => got.push(p),
      what,
      250,
      () => t,
    );
    expect(got).toEqual([{ ...what, done: 0 }]); // the phase is shown as soon as it starts
    tell(4096); // 0 ms after the start: held back
    t = 300;
    tell(8192); // 300 ms: sent
    t = 400;
    tell(9000); // 100 ms after the last: held back
    tell(10_000); // the end: sent however soon
    tell(10_000); // the same count twice: sent once
    expect(got.map((p) => p.done)).toEqual([0, 8192, 10_000]);
    expect(got.every((p) => p.phase === 'evaluate' && p.total === 10_000)).toBe(true);
  });

  it('does nothing without a listener', () => {
    expect(() => phaseReporter(undefined, what)(5)).not.toThrow();
  });
});
