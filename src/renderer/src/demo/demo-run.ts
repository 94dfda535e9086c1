/**
 * A scripted run for the demo mode and the fake api: the same event stream a trainer sends (run-started,
 * metrics, som-snapshot, winners, eval, state, finished), produced by the tiny JS SOM or, for networks,
 * by plausible synthetic curves. `instant` plays it to the end synchronously (pre-filled demo projects).
 */
import type { RunEvent } from '../../../shared/events';
import type { MetricRow, RunId } from '../../../shared/run-types';
import type { ExperimentSpec, Schedule } from '../../../shared/spec';
import { EVENTS_VERSION } from '../../../shared/events';
import { DemoSom } from './demo-som';
import { demoData, mulberry32, type DemoData } from './demo-data';

export interface ScriptControl {
  pause(): void;
  resume(): void;
  stop(): void;
  readonly done: Promise<void>;
}
export interface ScriptOptions {
  tickMs?: number;
  instant?: boolean;
  startedAt?: Date;
  ticks?: number;
}

type Emit = (e: RunEvent) => void;
const v = EVENTS_VERSION;

export function scheduleAt(s: Schedule, frac: number): number {
  const f = Math.min(1, Math.max(0, frac));
  if (s.decay === 'linear') return s.start + (s.end - s.start) * f;
  if (s.decay === 'inverse-time') return s.start / (1 + f * (s.start / s.end - 1));
  return s.start * (s.end / s.start) ** f;
}

const DEMO_COUNT: Record<string, number> = { colors: 1000, mnist: 640, 'rotating-digit': 72, spirals: 800 };

interface Stepper {
  totalSteps: number;
  stepsPerEpoch: number;
  step(i: number, epoch: number, t: number, emit: Emit): void;
  final(): Record<string, number>;
}

function somStepper(spec: Extract<ExperimentSpec, { kind: 'som' | 'patch-som' }>, runId: RunId): Stepper {
  const name = spec.dataset.source === 'builtin' ? spec.dataset.name : 'mnist';
  const count = Math.min(
    spec.dataset.trainLimit ?? Infinity,
    spec.kind === 'patch-som' ? 2000 : (DEMO_COUNT[name] ?? 640),
  );
  const data: DemoData = demoData(name, count, spec.seed + 1, spec.kind === 'patch-som' ? spec.patch.size : undefined);
  const som = new DemoSom(spec.som, data.dim, data.shape, spec.seed + 7);
  const batch = Math.min(spec.batchSize, 128);
  const stepsPerEpoch = Math.ceil(count / batch);
  const totalSteps = Math.min(1500, spec.epochs * stepsPerEpoch);
  const probes = Math.min(spec.probeCount, count);
  const probeX = data.x.subarray(0, probes * data.dim);
  const probeLabels = data.labels?.slice(0, probes);
  let last = { qe: NaN, te: NaN };
  const snap = (step: number): RunEvent => ({
    type: 'som-snapshot',
    v,
    runId,
    snapshot: som.snapshot(step, data.x, data.labels, Math.min(count, 500)),
  });
  return {
    totalSteps,
    stepsPerEpoch,
    step(i, epoch, t, emit) {
      const frac = i / Math.max(1, totalSteps - 1);
      const sigma = scheduleAt(spec.som.sigma, frac),
        lr = scheduleAt(spec.som.learningRate, frac);
      const off = (i % stepsPerEpoch) * batch,
        n = Math.min(batch, count - off);
      last = som.step(data.x.subarray(off * data.dim, (off + n) * data.dim), n, sigma, lr);
      const row: MetricRow = { step: i, epoch, t, qe: last.qe, te: last.te, sigma, lr };
      emit({ type: 'metrics', v, runId, rows: [row] });
      if (i % spec.snapshotEvery === 0 || i === totalSteps - 1) emit(snap(i));
      if (probes > 0 && (i % 3 === 0 || i === totalSteps - 1)) {
        emit({
          type: 'winners',
          v,
          runId,
          step: i,
          layer: 'som',
          winners: som.winners(probeX, probes),
          ...(probeLabels ? { labels: probeLabels } : {}),
        });
      }
      if ((i + 1) % stepsPerEpoch === 0 || i === totalSteps - 1)
        evalEvent(emit, runId, i, epoch, t, { qe: last.qe, te: last.te });
    },
    final: () => ({ qe: last.qe, te: last.te }),
  };
}

/** Like the real loop: an eval event, and the same numbers as a metrics row (what a reopened run reads). */
function evalEvent(
  emit: Emit,
  runId: RunId,
  step: number,
  epoch: number,
  t: number,
  metrics: Record<string, number>,
): void {
  emit({ type: 'eval', v, runId, step, epoch, metrics });
  emit({ type: 'metrics', v, runId, rows: [{ step, epoch, t, ...metrics }] });
}

interface MaskLayer {
  name: string;
  som: DemoSom;
}

/** The SOM-masked nets' grids (hidden or conv layers with mask: true), each a demo SOM over digit images. */
function maskLayers(spec: ExperimentSpec, data: DemoData): MaskLayer[] {
  const grids =
    'hidden' in spec && Array.isArray(spec.hidden) && typeof spec.hidden[0] === 'object'
      ? spec.hidden
      : 'conv' in spec
        ? spec.conv
        : [];
  return (grids as { rows: number; cols: number; mask: boolean }[]).flatMap((g, k) =>
    g.mask
      ? [
          {
            name: `${'conv' in spec ? 'conv' : 'dense'}${k + 1}`,
            som: new DemoSom(
              {
                rows: g.rows,
                cols: g.cols,
                topology: 'rect',
                neighbourhood: 'gaussian',
                sigma: { start: 3, end: 0.5, decay: 'exponential' },
                learningRate: { start: 0.5, end: 0.01, decay: 'exponential' },
                init: 'random',
                mode: 'batch',
              },
              data.dim,
              data.shape,
              spec.seed + k,
            ),
          },
        ]
      : [],
  );
}

function netStepper(spec: ExperimentSpec, runId: RunId): Stepper {
  const rand = mulberry32(spec.seed + 3);
  const stepsPerEpoch = Math.ceil(60000 / spec.batchSize);
  const totalSteps = Math.min(3000, spec.epochs * stepsPerEpoch);
  const data = demoData('mnist', 256, spec.seed + 5);
  const masks = maskLayers(spec, data);
  const sigmaFwd =
    'mask' in spec && typeof spec.mask === 'object' && typeof spec.mask.sigmaFwd === 'number'
      ? spec.mask.sigmaFwd
      : Infinity;
  let acc = 0.1,
    loss = 2.3,
    testAcc = NaN;
  return {
    totalSteps,
    stepsPerEpoch,
    step(i, epoch, t, emit) {
      const p = 1 - Math.exp(-i / (0.15 * totalSteps));
      loss = 2.3 * (1 - p) + 0.06 + (rand() - 0.5) * 0.12 * (1 - 0.5 * p);
      acc = Math.min(1, 0.1 + 0.88 * p + (rand() - 0.5) * 0.04);
      if (i % 10 === 0 || i === totalSteps - 1)
        emit({ type: 'metrics', v, runId, rows: [{ step: i, epoch, t, loss, accuracy: acc }] });
      if (masks.length && (i % spec.snapshotEvery === 0 || i === totalSteps - 1)) {
        const off = (i * 32) % 224;
        const layers = masks.map((m, k) => {
          m.som.step(
            data.x.subarray(off * data.dim, (off + 32) * data.dim),
            32,
            scheduleAt({ start: 3, end: 0.6, decay: 'exponential' }, p),
            0.3,
          );
          emit({ type: 'som-snapshot', v, runId, snapshot: m.som.snapshot(i, data.x, data.labels, 256, m.name) });
          // Sparsity falls as the SOM organises; a wide forward σ keeps more units on.
          const keep =
            Math.min(1, 0.05 + 0.95 * Math.exp(-3 * p) + (Number.isFinite(sigmaFwd) ? sigmaFwd / 40 : 1)) /
            (1 + k * 0.3);
          return { name: m.name, sparsity: keep, strength: keep * 0.8 };
        });
        emit({ type: 'mask-stats', v, runId, step: i, layers });
        emit({
          type: 'metrics',
          v,
          runId,
          rows: [
            {
              step: i,
              epoch,
              t,
              ...Object.fromEntries(
                layers.flatMap((l) => [
                  [`${l.name}.sparsity`, l.sparsity],
                  [`${l.name}.strength`, l.strength],
                ]),
              ),
            },
          ],
        });
        emit({
          type: 'winners',
          v,
          runId,
          step: i,
          layer: masks[0]!.name,
          winners: masks[0]!.som.winners(data.x, 24),
          labels: data.labels!.slice(0, 24),
        });
      }
      if ((i + 1) % stepsPerEpoch === 0 || i === totalSteps - 1) {
        testAcc = Math.min(0.99, acc - 0.005);
        evalEvent(emit, runId, i, epoch, t, { testAccuracy: testAcc, testLoss: loss + 0.02 });
      }
    },
    final: () => ({ testAccuracy: testAcc, testLoss: loss + 0.02, trainLoss: loss }),
  };
}

export function scriptRun(spec: ExperimentSpec, runId: RunId, emit: Emit, o: ScriptOptions = {}): ScriptControl {
  const s = spec.kind === 'som' || spec.kind === 'patch-som' ? somStepper(spec, runId) : netStepper(spec, runId);
  const started = o.startedAt ?? new Date();
  const perTick = Math.max(1, Math.ceil(s.totalSteps / (o.ticks ?? 250)));
  let i = 0,
    paused = false,
    stopped = false,
    timer: ReturnType<typeof setTimeout> | null = null;
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const clock = (): number => (o.instant ? i * 35 : Date.now() - started.getTime());
  const endedAt = (): string => new Date(started.getTime() + clock()).toISOString();

  emit({
    type: 'run-started',
    v,
    runId,
    spec,
    totalSteps: s.totalSteps,
    startedAt: started.toISOString(),
    backend: { name: 'cpu', device: 'demo mode: in-page JavaScript, no tfjs', skipped: [] },
  });

  const end = (status: 'finished' | 'stopped'): void => {
    emit({ type: 'finished', v, runId, status, finalMetrics: s.final(), endedAt: endedAt() });
    finish();
  };
  const tick = (): void => {
    timer = null;
    if (paused || stopped) return;
    for (let k = 0; k < perTick && i < s.totalSteps; k++, i++)
      s.step(i, Math.floor(i / s.stepsPerEpoch), clock(), emit);
    if (i >= s.totalSteps) {
      stopped = true;
      end('finished');
      return;
    }
    if (!o.instant) timer = setTimeout(tick, o.tickMs ?? 100);
  };
  if (o.instant) {
    while (!stopped) tick();
  } else timer = setTimeout(tick, o.tickMs ?? 100);

  return {
    done,
    pause() {
      if (stopped || paused) return;
      paused = true;
      emit({ type: 'state', v, runId, state: 'paused' });
    },
    resume() {
      if (stopped || !paused) return;
      paused = false;
      emit({ type: 'state', v, runId, state: 'running' });
      if (!timer) timer = setTimeout(tick, o.tickMs ?? 100);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      end('stopped');
    },
  };
}
