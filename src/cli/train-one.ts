/**
 * One run through a trainer process, with an optional progress bar; shared by `run`, `sweep` and
 * `reproduce`. Ctrl-C stops gracefully after the current batch; a second Ctrl-C kills the trainer.
 */
import cliProgress from 'cli-progress';
import type { RunEvent } from '../shared/events';
import type { SweepRef } from '../shared/project';
import type { ExperimentSpec } from '../shared/spec';
import { admitSpec, defaultMemoryBudget, shapeOf } from '../engine/admission';
import { launchTrainer } from '../host/launch-trainer';
import { formatMetrics } from './list';

export interface TrainOutcome {
  runId: string;
  status: 'finished' | 'stopped' | 'failed';
  finalMetrics: Record<string, number>;
  backend: string;
  device?: string;
  wallMs: number;
  error?: string;
}

export interface TrainOptions {
  project: string;
  data: string[];
  group?: string;
  /** The sweep variant this run is. */
  sweep?: SweepRef;
  progress?: boolean;
  label?: string;
  /** Sees every event too (the full-scale runner logs each epoch's evaluation). */
  onEvent?: (e: RunEvent) => void;
  /** Bytes the spec may be estimated to need (default: half the RAM); refused above, before any trainer. */
  memoryBudget?: number;
}

/** The admission check of the CLI's runs (LabHost has the same): throws naming the field that is too big. */
export function admitForCli(spec: ExperimentSpec, budget = defaultMemoryBudget()): number {
  admitSpec(spec, shapeOf(spec.dataset), budget);
  return budget;
}

export async function trainOne(spec: ExperimentSpec, o: TrainOptions): Promise<TrainOutcome> {
  const memoryBudget = admitForCli(spec, o.memoryBudget);
  const t0 = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format:
        ` ${o.label ? `${o.label} ` : ''}{bar} {percentage}% | step {value}/{total} | {rate} samples/s | ` +
        'ETA {eta_formatted} | {info}',
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 5000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const show = o.progress !== false;
  let started = false;
  const out: TrainOutcome = { runId: '', status: 'failed', finalMetrics: {}, backend: '?', wallMs: 0 };
  const onEvent = (e: RunEvent): void => {
    o.onEvent?.(e);
    if (e.type === 'run-started') {
      out.backend = e.backend.name;
      out.device = e.backend.device;
      if (show) {
        console.error(`run ${e.runId}: ${spec.kind} on ${e.backend.name} (${e.backend.device})`);
        for (const s of e.backend.skipped) console.error(`  skipped ${s.name}: ${s.reason}`);
        bar.start(e.totalSteps, 0, { rate: '-', info: '' });
        started = true;
      }
    } else if (e.type === 'metrics' && started) {
      const last = e.rows[e.rows.length - 1]!;
      const rate = last.t > 0 ? (((last.step + 1) * spec.batchSize) / (last.t / 1000)).toFixed(0) : '-';
      const info = ['loss', 'qe', 'accuracy']
        .filter((k) => k in last)
        .map((k) => `${k} ${last[k]!.toFixed(4)}`)
        .join(' ');
      bar.update(last.step + 1, { rate, info });
    } else if (e.type === 'log' && e.level !== 'info' && show) {
      if (started) bar.stop();
      started = false;
      console.error(`${e.level}: ${e.message}`);
    } else if (e.type === 'finished') {
      if (started) {
        bar.update(bar.getTotal());
        bar.stop();
      }
      Object.assign(out, { status: e.status, finalMetrics: e.finalMetrics });
      if (show) console.log(`${e.status}: ${formatMetrics(e.finalMetrics)}`);
    } else if (e.type === 'failed') {
      if (started) bar.stop();
      Object.assign(out, { status: 'failed', error: e.error });
      if (show) console.error(`failed: ${e.error}`);
    }
  };
  const handle = launchTrainer({
    spec,
    projectDir: o.project,
    dataRoots: o.data,
    unrestricted: o.data.length === 0,
    group: o.group,
    sweep: o.sweep,
    memoryBudget,
    onEvent,
  });
  out.runId = handle.runId;
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts === 1) {
      console.error('\nstopping after the current batch (Ctrl-C again to kill)…');
      handle.stop();
    } else handle.kill();
  };
  process.on('SIGINT', onSigint);
  try {
    await handle.exited;
  } finally {
    process.off('SIGINT', onSigint);
  }
  out.wallMs = Date.now() - t0;
  return out;
}
