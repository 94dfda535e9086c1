/**
 * The callback that writes a run folder. Metric rows are appended before the callbacks after this one see
 * them (the trainer's list emits after persisting), so the live view never runs ahead of the disk: a trainer
 * killed at any moment leaves every row it showed. Snapshots too: the Live view's filmstrip asks the host for
 * a snapshot's step as soon as its event arrives, so the event must not run ahead of its file. Winners and
 * model files are written in the background; the first failure fails the run at the next step.
 */
import type { MetricRow, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { TrainCallback } from './callback';
import type { SavedFile } from './experiment';
import { PendingWrites } from './writes';

/** What the trainer needs from a run folder (RunHandle from src/engine/runs satisfies it). */
export interface RunStore {
  appendMetrics(rows: readonly MetricRow[]): Promise<void>;
  writeSnapshot(s: SomSnapshot): Promise<void>;
  writeWinners(w: WinnerTrace): Promise<void>;
  saveModel(files: readonly SavedFile[]): Promise<void>;
  finish(status: 'finished' | 'stopped', finalMetrics: Record<string, number>): Promise<void>;
  fail(error: unknown): Promise<void>;
}

export function persistRun(store: RunStore): TrainCallback {
  const writes = new PendingWrites();
  return {
    onMetrics: (rows) => store.appendMetrics(rows),
    onSnapshot: (s) => store.writeSnapshot(s),
    onWinners: (w) => writes.track(store.writeWinners(w)),
    onSave: (files) => writes.track(store.saveModel(files)),
    check: () => writes.throwIfFailed(),
    async onEnd({ status, finalMetrics }) {
      await writes.drain();
      await store.finish(status, finalMetrics);
    },
    async onFail(error) {
      await writes.drain().catch(() => undefined);
      await store.fail(error);
    },
  };
}
