/**
 * The generic training loop: drives an Experiment step by step, honours pause/resume/stop between steps,
 * throttles metrics, publishes snapshots/winners/mask stats every N steps and on request, evaluates at
 * each epoch end, and persists everything through the run store. It never throws: a failure becomes a
 * `failed` event and a failed run on disk.
 */
import { EVENTS_VERSION, type RunEvent } from '../../shared/events';
import type { MetricRow, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { SavedFile } from './experiment';
import type { Experiment } from './experiment';
import { RunControl } from './control';
import { MetricsThrottle, type ThrottleOptions } from './throttle';
import { PendingWrites } from './writes';

/** What the loop needs from a run folder (RunHandle from src/engine/runs satisfies it). */
export interface RunStore {
  appendMetrics(rows: readonly MetricRow[]): Promise<void>;
  writeSnapshot(s: SomSnapshot): Promise<void>;
  writeWinners(w: WinnerTrace): Promise<void>;
  saveModel(files: readonly SavedFile[]): Promise<void>;
  finish(status: 'finished' | 'stopped', finalMetrics: Record<string, number>): Promise<void>;
  fail(error: unknown): Promise<void>;
}

export interface LoopOptions {
  runId: string;
  emit(e: RunEvent): void;
  store?: RunStore;
  control?: RunControl;
  /** Publish SOM views every this many steps (and at the end). */
  snapshotEvery: number;
  onProgress?(done: number, total: number): void;
  throttle?: ThrottleOptions;
}

export interface LoopOutcome {
  status: 'finished' | 'stopped' | 'failed';
  /** Steps completed. */
  steps: number;
  finalMetrics: Record<string, number>;
  error?: string;
}

type Emitted = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'v' | 'runId'> : never) : never;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function runExperiment(exp: Experiment, opts: LoopOptions): Promise<LoopOutcome> {
  const { store } = opts;
  const control = opts.control ?? new RunControl();
  const now = opts.throttle?.now ?? Date.now;
  const t0 = now();
  const writes = new PendingWrites();
  const emit = (e: Emitted): void => opts.emit({ ...e, v: EVENTS_VERSION, runId: opts.runId } as RunEvent);
  const throttle = new MetricsThrottle((rows) => {
    emit({ type: 'metrics', rows });
    writes.track(store?.appendMetrics(rows));
  }, opts.throttle);
  const offState = control.onState((state) => emit({ type: 'state', state }));

  let done = 0; // steps completed; the last one is done - 1
  let viewsAt = -1;
  let evaluatedAt = 0;
  const epochOf = (step: number): number => Math.floor(step / Math.max(1, exp.stepsPerEpoch));
  const row = (step: number, values: Record<string, number>): MetricRow => ({
    ...values,
    step,
    epoch: epochOf(step),
    t: now() - t0,
  });

  async function publishViews(step: number): Promise<void> {
    viewsAt = step;
    throttle.flush();
    for (const s of (await exp.snapshots?.(step)) ?? []) {
      emit({ type: 'som-snapshot', snapshot: s });
      writes.track(store?.writeSnapshot(s));
    }
    for (const w of (await exp.winners?.(step)) ?? []) {
      emit({ type: 'winners', ...w });
      writes.track(store?.writeWinners(w));
    }
    const masks = (await exp.maskStats?.()) ?? [];
    if (masks.length > 0) {
      emit({ type: 'mask-stats', step, layers: masks });
      // Also as a metrics row, so a reopened run can plot sparsity/strength over time.
      throttle.push(
        row(
          step,
          Object.fromEntries(
            masks.flatMap((m) => [
              [`${m.name}.sparsity`, m.sparsity],
              [`${m.name}.strength`, m.strength],
            ]),
          ),
        ),
      );
    }
  }

  async function evaluate(step: number): Promise<void> {
    evaluatedAt = done;
    if (!exp.evaluate) return;
    const epoch = epochOf(step);
    const metrics = await exp.evaluate(epoch);
    emit({ type: 'eval', step, epoch, metrics });
    throttle.push(row(step, metrics));
  }

  /** Between steps: serve snapshot requests, and wait out a pause (serving requests made while paused). */
  async function between(): Promise<void> {
    for (;;) {
      if (control.takeSnapshotRequest() && done > 0) await publishViews(done - 1);
      if (!control.paused || control.stopped) return;
      await control.waitIfPaused();
    }
  }

  try {
    while (done < exp.totalSteps) {
      await between();
      if (control.stopped) break;
      writes.throwIfFailed();
      const step = done;
      const values = await exp.step(step, epochOf(step));
      done += 1;
      throttle.push(row(step, values));
      opts.onProgress?.(done, exp.totalSteps);
      if (done % opts.snapshotEvery === 0) await publishViews(step);
      if (done % exp.stepsPerEpoch === 0) await evaluate(step);
      await nextTurn();
    }
    const status = control.stopped && done < exp.totalSteps ? 'stopped' : 'finished';
    if (done > evaluatedAt) await evaluate(done - 1);
    if (done > 0 && viewsAt !== done - 1) await publishViews(done - 1);
    throttle.flush();
    const saved = (await exp.save?.()) ?? [];
    if (saved.length > 0) writes.track(store?.saveModel(saved));
    const finalMetrics = await exp.finalMetrics();
    await writes.drain();
    await store?.finish(status, finalMetrics);
    emit({ type: 'finished', status, finalMetrics, endedAt: new Date().toISOString() });
    return { status, steps: done, finalMetrics };
  } catch (e) {
    const error = errorText(e);
    throttle.flush();
    await writes.drain().catch(() => undefined);
    await store?.fail(e)?.catch(() => undefined);
    emit({ type: 'failed', error, endedAt: new Date().toISOString() });
    return { status: 'failed', steps: done, finalMetrics: {}, error };
  } finally {
    throttle.dispose();
    offState();
    try {
      exp.dispose();
    } catch {
      /* a failing dispose must not hide the outcome */
    }
  }
}
