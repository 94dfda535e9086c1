/**
 * The throughput a run reached, kept in run.json (samplesPerSec) so a reopened run shows what the live one
 * did. Counted over consecutive training steps only; an interval longer than `pauseMs` (a pause, a
 * snapshot written to a slow disk) is left out, so a paused run is not reported slower than it trained.
 */
import type { MetricRow } from '../../shared/run-types';
import type { TrainCallback } from './callback';

export interface PaceStore {
  update(patch: { samplesPerSec: number }): Promise<void>;
}

export class Pace {
  private prev: MetricRow | null = null;
  private steps = 0;
  private ms = 0;

  constructor(
    private readonly batchSize: number,
    private readonly pauseMs = 10_000,
  ) {}

  add(row: MetricRow): void {
    const p = this.prev;
    if (p && row.step === p.step + 1 && row.t >= p.t && row.t - p.t <= this.pauseMs) {
      this.steps++;
      this.ms += row.t - p.t;
    }
    if (!p || row.step > p.step) this.prev = row;
  }

  /** Samples per second, or undefined before two timed steps. */
  get samplesPerSec(): number | undefined {
    return this.steps > 0 && this.ms > 0 ? (this.steps * this.batchSize * 1000) / this.ms : undefined;
  }
}

/** A callback that records the run's samples/s at its end (before the record is marked finished). */
export function paceRecord(store: PaceStore, batchSize: number): TrainCallback {
  const pace = new Pace(batchSize);
  return {
    onRow: (row) => pace.add(row),
    async onEnd() {
      const v = pace.samplesPerSec;
      if (v !== undefined) await store.update({ samplesPerSec: Number(v.toPrecision(4)) });
    },
  };
}
