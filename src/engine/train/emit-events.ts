/** The callback that turns what the loop announces into versioned RunEvents for the host. */
import { EVENTS_VERSION, type RunEvent } from '../../shared/events';
import type { LoopContext, TrainCallback } from './callback';

type Unstamped = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'v' | 'runId'> : never) : never;

export function emitEvents(emit: (e: RunEvent) => void): TrainCallback {
  const send = (t: LoopContext, e: Unstamped): void => emit({ ...e, v: EVENTS_VERSION, runId: t.runId } as RunEvent);
  const endedAt = (): string => new Date().toISOString();
  return {
    onMetrics: (rows, t) => send(t, { type: 'metrics', rows }),
    onSnapshot: (snapshot, t) => send(t, { type: 'som-snapshot', snapshot }),
    onWinners: (trace, t) => send(t, { type: 'winners', ...trace }),
    onMaskStats: (step, layers, t) => send(t, { type: 'mask-stats', step, layers }),
    onEval: (step, epoch, metrics, t) => send(t, { type: 'eval', step, epoch, metrics }),
    onState: (state, t) => send(t, { type: 'state', state }),
    onEnd: ({ status, finalMetrics }, t) => send(t, { type: 'finished', status, finalMetrics, endedAt: endedAt() }),
    onFail: (_e, error, t) => send(t, { type: 'failed', error, endedAt: endedAt() }),
  };
}
