/**
 * One big-table run inside this process, as the trainer process runs it (runFromSpec with the real deps),
 * printing one JSON line: seconds to load (to run-started; the conversion on a first run), to train the
 * epoch, to evaluate all rows (the `evaluate` progress events), in total, and this process's peak RSS
 * (VmHWM: worker threads included), with the peak of each phase sampled every 100 ms. `--before` loads the
 * folder without the cache, the way it was loaded before the cache existed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RunControl } from '../src/engine/train/control';
import { runFromSpec } from '../src/engine/train/run-spec';
import { trainerDeps, type TrainerDeps } from '../src/engine/train/trainer-deps';
import { createProject } from '../src/engine/runs';
import type { ExperimentSpec } from '../src/shared/spec';

const { values } = parseArgs({
  options: { data: { type: 'string' }, project: { type: 'string' }, before: { type: 'boolean', default: false } },
});
const project = values.project!;
if (!existsSync(join(project, 'somlab.json'))) await createProject(project, 'big-table bench');

const spec = {
  kind: 'som',
  dataset: { source: 'folder', path: values.data! },
  seed: 1,
  epochs: 1,
  batchSize: 4096,
  ...(process.env.SOMLAB_BENCH_WORKERS ? { workers: Number(process.env.SOMLAB_BENCH_WORKERS) } : {}),
  som: { rows: 30, cols: 30, sigma: { start: 8, end: 1, decay: 'exponential' } },
} as unknown as ExperimentSpec;

const status = (key: string): number =>
  Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
type Phase = 'load' | 'train' | 'evaluate' | 'end';
let phase: Phase = 'load';
const peak: Record<Phase, number> = { load: 0, train: 0, evaluate: 0, end: 0 };
const sample = (): void => void (peak[phase] = Math.max(peak[phase], status('VmRSS')));
const sampler = setInterval(sample, 100);
const enter = (p: Phase): void => (sample(), (phase = p), sample());

const real = await trainerDeps();
const deps: TrainerDeps = values.before
  ? { ...real, loadDataset: (ref, o) => real.loadDataset(ref, { allowedRoots: o.allowedRoots, seed: o.seed }) }
  : real;
const t0 = performance.now();
const now = (): number => (performance.now() - t0) / 1000;
const at: Record<string, number> = {};
let backend = '';
const logs: string[] = [];
const outcome = await runFromSpec(
  { type: 'start', runId: `big-${Date.now()}`, spec, projectDir: project, dataRoots: [], unrestricted: true },
  {
    control: new RunControl(),
    deps,
    heartbeatMs: 0,
    emit: (e) => {
      if (e.type === 'run-started') {
        at.started = now();
        backend = e.backend.name;
        enter('train');
      }
      if (e.type === 'log') logs.push(e.message);
      if (e.type !== 'progress' || e.phase !== 'evaluate') return;
      if (at.evalStart === undefined) {
        at.evalStart = now();
        enter('evaluate');
      }
      if (e.done === e.total) {
        at.evalEnd = now();
        enter('end');
      }
    },
  },
);
const total = now();
clearInterval(sampler);
const mb = (n: number): number => Math.round(n);
console.log(
  JSON.stringify({
    status: outcome.status,
    backend,
    workers: process.env.SOMLAB_BENCH_WORKERS ?? 'default',
    error: outcome.error,
    loadS: at.started,
    epochS: (at.evalStart ?? total) - (at.started ?? 0),
    evalS: (at.evalEnd ?? NaN) - (at.evalStart ?? NaN),
    totalS: total,
    peakRssMB: mb(status('VmHWM')),
    peakByPhaseMB: { load: mb(peak.load), train: mb(peak.train), evaluate: mb(peak.evaluate), end: mb(peak.end) },
    qe: outcome.finalMetrics.qe,
    te: outcome.finalMetrics.te,
    logs,
  }),
);
process.exit(0);
