/**
 * A stand-in trainer for the fake Api: the events a trainer sends for a spec, at the schedule of the engine's
 * loop (engine/train/loop.ts and map-views.ts): a metrics row per step, map views after every snapshotEvery-th
 * step and after the last, an evaluation at each epoch end and after the last step, and on stop the partial
 * epoch evaluated and the views published before `finished: stopped`. The numbers are placeholders (renderer
 * tests check where things go, not what a SOM learns); the map views come from the shared SOM math.
 */
import { EVENTS_VERSION as v, type RunEvent } from '../../../shared/events';
import type { MetricRow, RunId } from '../../../shared/run-types';
import type { ExperimentSpec } from '../../../shared/spec';
import { decayValue } from '../../../shared/som-math';
import { somViews } from './fake-views.test-helper';

export interface FakeTrainer {
  pause(): void;
  resume(): void;
  stop(): void;
  /** run-created and run-started are out (a turn later, so the caller can register the trainer first). */
  readonly started: Promise<void>;
  readonly done: Promise<void>;
}

type Emit = (e: RunEvent) => void;

/** Training samples of the built-in datasets (the engine's sizes), so step counts come out the same. */
const BUILTIN_TRAIN: Record<string, number> = { colors: 4096, mnist: 60000, spirals: 2000, 'rotating-digit': 72 };

function trainCount(spec: ExperimentSpec): number {
  const d = spec.dataset;
  const all = d.source === 'builtin' ? (BUILTIN_TRAIN[d.name] ?? 1000) : 1000;
  return Math.min(all, d.trainLimit ?? Infinity);
}

const isSom = (spec: ExperimentSpec): spec is Extract<ExperimentSpec, { kind: 'som' | 'patch-som' }> =>
  spec.kind === 'som' || spec.kind === 'patch-som';

/** One step's scalars: what the engine's SOM (σ, α; QE and TE every snapshotEvery steps) or classifier reports. */
function stepValues(spec: ExperimentSpec, step: number, total: number): Record<string, number> {
  if (!isSom(spec)) return { loss: 2 / (step + 1) };
  const T = Math.max(1, total - 1);
  const row: Record<string, number> = {
    sigma: decayValue(spec.som.sigma, step, T),
    lr: decayValue(spec.som.learningRate, step, T),
  };
  if (step % spec.snapshotEvery === 0 || step === total - 1) Object.assign(row, { qe: 1 / (step + 2), te: 0.1 });
  return row;
}

export function playRun(
  spec: ExperimentSpec,
  runId: RunId,
  emit: Emit,
  o: { instant?: boolean; startedAt?: Date } = {},
): FakeTrainer {
  const count = trainCount(spec),
    perEpoch = Math.ceil(count / spec.batchSize),
    total = perEpoch * spec.epochs;
  const started = o.startedAt ?? new Date();
  const clock = (step: number): number => (o.instant ? step * 35 : Date.now() - started.getTime());
  let done = 0,
    evaluatedAt = 0,
    viewsAt = -1,
    paused = false,
    stopped = false,
    ended = false;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const row = (step: number, values: Record<string, number>): MetricRow => ({
    ...values,
    step,
    epoch: Math.floor(step / perEpoch),
    t: clock(step),
  });
  const views = (step: number): void => {
    viewsAt = step;
    for (const e of somViews(spec, runId, step, count)) emit(e);
  };
  const evaluate = (step: number): void => {
    evaluatedAt = done;
    const metrics: Record<string, number> = isSom(spec)
      ? { qe: 1 / (step + 2), te: 0.1 }
      : { testAccuracy: 0.5 + step / (2 * total) };
    emit({ type: 'eval', v, runId, step, epoch: Math.floor(step / perEpoch), metrics });
    emit({ type: 'metrics', v, runId, rows: [row(step, metrics)] });
  };
  const step = (): void => {
    const s = done++;
    emit({ type: 'metrics', v, runId, rows: [row(s, stepValues(spec, s, total))] });
    if (s === 0 || done % spec.snapshotEvery === 0) views(s);
    if (done % perEpoch === 0) evaluate(s);
  };
  const end = (): void => {
    if (ended) return;
    ended = true;
    if (done > evaluatedAt) evaluate(done - 1);
    if (done > 0 && viewsAt !== done - 1) views(done - 1);
    const status = stopped && done < total ? 'stopped' : 'finished';
    const endedAt = new Date(started.getTime() + clock(done)).toISOString();
    emit({ type: 'finished', v, runId, status, finalMetrics: { steps: done }, endedAt });
    finish();
  };
  const tick = (): void => {
    if (paused || ended) return;
    if (stopped || done >= total) return end();
    step();
    if (!o.instant) setTimeout(tick, 0);
  };

  const startedAt = started.toISOString();
  const backend = { name: 'cpu' as const, device: 'fake trainer (test double)', skipped: [] };
  const begin = (): void => {
    emit({ type: 'run-created', v, runId, startedAt });
    emit({ type: 'run-started', v, runId, spec, totalSteps: total, startedAt, backend });
  };
  let began = Promise.resolve();
  if (o.instant) {
    begin();
    while (!ended) tick();
  } else began = began.then(begin).then(() => void setTimeout(tick, 0));
  return {
    started: began,
    done: finished,
    pause() {
      if (ended || paused) return;
      paused = true;
      emit({ type: 'state', v, runId, state: 'paused' });
    },
    resume() {
      if (ended || !paused) return;
      paused = false;
      emit({ type: 'state', v, runId, state: 'running' });
      setTimeout(tick, 0);
    },
    stop() {
      stopped = true;
      if (paused) end(); // a paused loop wakes up to stop, as RunControl does
    },
  };
}
