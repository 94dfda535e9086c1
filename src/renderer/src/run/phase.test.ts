import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/events';
import { foldPhase, phaseDetail, phaseText } from './phase';
import { foldEvent } from './live-fold';
import { newRun } from './live-state';
import { liveSummary } from './live-summary';

const progress = (done: number, total: number, extra = {}): RunEvent => ({
  type: 'progress',
  v: 1,
  runId: 'r1',
  phase: 'evaluate',
  unit: 'rows',
  done,
  total,
  ...extra,
});
const fold = (events: RunEvent[]) => events.reduce(foldPhase, undefined);

describe('run phase', () => {
  it('follows progress events while the phase runs and drops it when done or when the run ends', () => {
    expect(fold([progress(0, 40_960), progress(18_432, 40_960)])).toEqual({
      phase: 'evaluate',
      unit: 'rows',
      done: 18_432,
      total: 40_960,
    });
    expect(fold([progress(18_432, 40_960), progress(40_960, 40_960)])).toBeUndefined();
    const log: RunEvent = { type: 'log', v: 1, runId: 'r1', level: 'info', message: 'x' };
    expect(fold([progress(10, 20), log])?.done).toBe(10); // other events keep it
    const end: RunEvent = { type: 'finished', v: 1, runId: 'r1', status: 'finished', finalMetrics: {}, endedAt: '' };
    expect(fold([progress(10, 20), end])).toBeUndefined();
  });

  it('words it as the run list and the Live view show it', () => {
    const p = fold([progress(18_432, 40_960)])!;
    expect(phaseText(p)).toBe('evaluating 45 %'); // 18432 / 40960 = 0.45
    expect(phaseDetail(p)).toBe('18,432 of 40,960 rows');
    const csv = fold([progress(12 << 20, 27 << 20, { phase: 'convert', unit: 'bytes', rows: 123_456 })])!;
    expect(phaseText(csv)).toBe('converting 44 %'); // 12 / 27 = 0.444
    expect(phaseDetail(csv)).toBe('12.0 MiB of 27.0 MiB (123,456 rows)');
    const images = fold([progress(999, 1000, { phase: 'decode', unit: 'images' })])!;
    expect(phaseText(images)).toBe('decoding 99 %'); // floored: never "100 %" before the end
  });

  it("is part of a live run's summary until the run ends; a late progress event does not bring it back", () => {
    const run = newRun('r1');
    foldEvent(run, progress(18_432, 40_960));
    expect(liveSummary(run).phase).toMatchObject({ phase: 'evaluate', done: 18_432 });
    foldEvent(run, { type: 'finished', v: 1, runId: 'r1', status: 'finished', finalMetrics: {}, endedAt: '' });
    expect(liveSummary(run)).toMatchObject({ status: 'finished', phase: undefined });
    foldEvent(run, progress(20_000, 40_960)); // held back by a slow tab, delivered after the end
    expect(liveSummary(run).phase).toBeUndefined();
  });
});
