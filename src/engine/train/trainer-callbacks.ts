/**
 * The trainer's callback list, in the order that matters: rows are batched, map views are taken, the run
 * folder is written, and only then are events emitted (so the live view never shows what is not on disk).
 */
import type { RunEvent } from '../../shared/events';
import type { TrainCallback } from './callback';
import { emitEvents } from './emit-events';
import { mapViews } from './map-views';
import { persistRun, type RunStore } from './persist-run';
import { throttleMetrics, type ThrottleOptions } from './throttle';

export interface TrainerCallbackOptions {
  emit(e: RunEvent): void;
  /** The run folder; absent in tests that only watch events. */
  store?: RunStore;
  /** Map views every this many steps (and at the end). */
  snapshotEvery: number;
  throttle?: ThrottleOptions;
}

export function trainerCallbacks(o: TrainerCallbackOptions): TrainCallback[] {
  return [
    throttleMetrics(o.throttle),
    mapViews(o.snapshotEvery),
    ...(o.store ? [persistRun(o.store)] : []),
    emitEvents(o.emit),
  ];
}
