/** A loop under test: a FakeExperiment, a RunControl, the trainer's callbacks, and every event it emitted. */
import type { RunEvent } from '../../shared/events';
import type { TrainCallback } from './callback';
import { RunControl } from './control';
import { FakeExperiment, type FakeOptions } from './fake-experiment.test-helper';
import type { LoopOptions } from './loop';
import type { RunStore } from './persist-run';
import { trainerCallbacks } from './trainer-callbacks';

export interface HarnessOptions {
  store?: RunStore;
  snapshotEvery?: number;
  /** Callbacks run before the trainer's own (e.g. to watch progress). */
  extra?: TrainCallback[];
  /** Sees each event as it is emitted (e.g. to compare it with what is on disk at that moment). */
  onEvent?(e: RunEvent): void;
}

export function loopHarness(fake: FakeOptions = {}, o: HarnessOptions = {}) {
  const events: RunEvent[] = [];
  const waiters: { pred: (e: RunEvent) => boolean; resolve: () => void }[] = [];
  const control = new RunControl();
  const exp = new FakeExperiment(fake);
  const emit = (e: RunEvent): void => {
    o.onEvent?.(e);
    events.push(e);
    for (const w of waiters.filter((x) => x.pred(e))) w.resolve();
  };
  const opts: LoopOptions = {
    runId: 'run-1',
    control,
    callbacks: [...(o.extra ?? []), ...trainerCallbacks({ emit, store: o.store, snapshotEvery: o.snapshotEvery ?? 4 })],
  };
  const until = (pred: (e: RunEvent) => boolean): Promise<void> =>
    events.some(pred) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pred, resolve }));
  return { events, control, exp, opts, until, types: () => events.map((e) => e.type) };
}

/** Steps of the training rows among the metrics events, in order. */
export const trainSteps = (events: RunEvent[]): number[] =>
  events.flatMap((e) => (e.type === 'metrics' ? e.rows.filter((r) => 'loss' in r).map((r) => r.step) : []));
