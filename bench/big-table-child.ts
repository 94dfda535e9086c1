/**
 * One big-table run inside this process, as the trainer process runs it (runFromSpec with the real deps),
 * printing one JSON line: seconds to load (to run-started), train, evaluate all rows, total, and this
 * process's peak RSS (VmHWM, worker threads included). `--before` loads the folder without the cache,
 * the way it was loaded before the cache existed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RunControl } from '../src/engine/train/control';
import { runFromSpec } from '../src/engine/train/run-spec';
import { trainerDeps, type TrainerDeps } from '../src/engine/train/trainer-deps';
import { createProject } from '../src/engine/runs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

const real = await trainerDeps();
const deps: TrainerDeps = values.before
  ? { ...real, loadDataset: (ref, o) => real.loadDataset(ref, { allowedRoots: o.allowedRoots, seed: o.seed }) }
  : real;
const t0 = performance.now();
const at: Record<string, number> = {};
let evalS = NaN;
let backend = '';
const logs: string[] = [];
const outcome = await runFromSpec(
  { type: 'start', runId: `big-${Date.now()}`, spec, projectDir: project, dataRoots: [], unrestricted: true },
  {
    control: new RunControl(),
    deps,
    heartbeatMs: 0,
    emit: (e) => {
      at[e.type] ??= (performance.now() - t0) / 1000;
      if (e.type === 'run-started') backend = e.backend.name;
      if (e.type !== 'log') return;
      logs.push(e.message);
      const m = /^evaluated \d+ rows in ([\d.]+) s/.exec(e.message);
      if (m) evalS = Number(m[1]);
      if (e.message.startsWith('evaluat')) at.evaluating ??= (performance.now() - t0) / 1000;
    },
  },
);
const total = (performance.now() - t0) / 1000;
const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
console.log(
  JSON.stringify({
    status: outcome.status,
    backend,
    workers: process.env.SOMLAB_BENCH_WORKERS ?? 'default',
    error: outcome.error,
    loadS: at['run-started'],
    trainS: (at.evaluating ?? total) - (at['run-started'] ?? 0),
    evalS,
    totalS: total,
    peakRssMB: Math.round(hwm),
    qe: outcome.finalMetrics.qe,
    te: outcome.finalMetrics.te,
    logs: logs.filter((l) => !l.startsWith('evaluating:')),
  }),
);
process.exit(0);
