/**
 * The generic training loop: drives an Experiment step by step, honours pause/resume/stop between steps and
 * evaluates at each epoch end. Everything else — batching metric rows, map views, the run folder, events —
 * is a callback on `callbacks` (see callback.ts; trainerCallbacks gives the trainer's list). It never throws:
 * a failure is announced to every callback's onFail and returned as a failed outcome.
 */
import type { MetricRow } from '../../shared/run-types';
import { callEach, type LoopContext, type TrainCallback } from './callback';
import { RunControl } from './control';
import type { Experiment } from './experiment';

export interface LoopOptions {
  runId: string;
  callbacks: readonly TrainCallback[];
  control?: RunControl;
  /** The run clock in ms (metric rows carry `t` from it); injectable for tests. */
  now?: () => number;
}

export interface LoopOutcome {
  status: 'finished' | 'stopped' | 'failed';
  /** Steps completed. */
  steps: number;
  finalMetrics: Record<string, number>;
  error?: string;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

function loopContext(exp: Experiment, opts: LoopOptions, done: () => number): LoopContext {
  const now = opts.now ?? Date.now;
  const t0 = now();
  const epochOf = (step: number): number => Math.floor(step / Math.max(1, exp.stepsPerEpoch));
  const t: LoopContext = {
    runId: opts.runId,
    exp,
    get done() {
      return done();
    },
    epochOf,
    row: (step, values): MetricRow => ({ ...values, step, epoch: epochOf(step), t: now() - t0 }),
    addRow: (row) => t.publish('onRow', row),
    publishMetrics: (rows) => t.publish('onMetrics', rows),
    flush: () => t.publish('flush'),
    publish: (hook, ...args) => callEach(opts.callbacks, hook, args, t),
  };
  return t;
}

export async function runExperiment(exp: Experiment, opts: LoopOptions): Promise<LoopOutcome> {
  const control = opts.control ?? new RunControl();
  const callbacks = opts.callbacks;
  let done = 0; // steps completed; the last one is done - 1
  let evaluatedAt = 0;
  let lateError: { error: unknown } | undefined;
  const t = loopContext(exp, opts, () => done);
  const check = (): void => {
    if (lateError) throw lateError.error;
    for (const cb of callbacks) cb.check?.();
  };
  const offState = control.onState((state) => {
    t.publish('onState', state).catch((error: unknown) => (lateError ??= { error }));
  });

  /** Rows of reads that steps queued: what has arrived, or (settle) all of them. */
  async function lateRows(settle: boolean): Promise<void> {
    if (!exp.late) return;
    for (const r of settle ? await exp.late.settle() : exp.late.take()) await t.addRow(t.row(r.step, r.values));
  }

  async function evaluate(step: number): Promise<void> {
    await lateRows(true);
    evaluatedAt = done;
    if (!exp.evaluate) return;
    const epoch = t.epochOf(step);
    const metrics = await exp.evaluate(epoch);
    await t.publish('onEval', step, epoch, metrics);
    await t.addRow(t.row(step, metrics));
  }

  /** Between steps: serve snapshot requests, and wait out a pause (serving requests made while paused). */
  async function between(): Promise<void> {
    for (;;) {
      if (control.takeSnapshotRequest() && done > 0) await t.publish('onSnapshotRequest', done - 1);
      if (!control.paused || control.stopped) return;
      await control.waitIfPaused();
    }
  }

  try {
    while (done < exp.totalSteps) {
      await between();
      if (control.stopped) break;
      check();
      const step = done;
      const values = await exp.step(step, t.epochOf(step));
      done += 1;
      await t.addRow(t.row(step, values));
      await lateRows(false);
      await t.publish('onStepEnd', step);
      if (done % exp.stepsPerEpoch === 0) await evaluate(step);
      await nextTurn();
    }
    const status = control.stopped && done < exp.totalSteps ? 'stopped' : 'finished';
    if (done > evaluatedAt) await evaluate(done - 1);
    await lateRows(true);
    await t.publish('onTrainEnd', done - 1);
    await t.flush();
    const saved = (await exp.save?.()) ?? [];
    if (saved.length > 0) await t.publish('onSave', saved);
    const finalMetrics = await exp.finalMetrics();
    check();
    await t.publish('onEnd', { status, finalMetrics });
    return { status, steps: done, finalMetrics };
  } catch (e) {
    const error = errorText(e);
    await t.flush().catch(() => undefined);
    for (const cb of callbacks) await Promise.resolve(cb.onFail?.(e, error, t)).catch(() => undefined);
    return { status: 'failed', steps: done, finalMetrics: {}, error };
  } finally {
    offState();
    for (const cb of callbacks) cb.dispose?.();
    try {
      exp.dispose();
    } catch {
      /* a failing dispose must not hide the outcome */
    }
  }
}
