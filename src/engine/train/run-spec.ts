/**
 * One run from a 'start' command, inside whatever process calls it (the trainer child, or a test): create
 * the run folder first (so even a dataset error leaves a visible failed run) and announce `run-created`, pick
 * the backend, load the data, build the experiment, announce `run-started`, then hand over to the loop.
 */
import { EVENTS_VERSION, type RunEvent } from '../../shared/events';
import { parseSpec } from '../../shared/validate';
import { admitSpec } from '../../shared/admission/admit';
import { streamsFromCache } from '../../shared/admission/estimate';
import { shapeOfData } from '../data/shape';
import { createRun, type RunHandle } from '../runs';
import { datasetCacheRoot } from '../runs/paths';
import type { Experiment } from './experiment';
import { RunControl } from './control';
import { errorText, runExperiment, type LoopOutcome } from './loop';
import { paceRecord } from './pace-record';
import type { StartCommand } from './protocol';
import { trainerCallbacks } from './trainer-callbacks';
import type { TrainerDeps } from './trainer-deps';
import { checkBindings } from './check-bindings';
import { faultCheck } from '../backend/webgpu-device';

export interface RunContext {
  emit(e: RunEvent): void;
  control: RunControl;
  deps: TrainerDeps;
  /** Heartbeat period (tests turn it off with 0); the start command's value wins. */
  heartbeatMs?: number;
}

export async function runFromSpec(cmd: StartCommand, ctx: RunContext): Promise<LoopOutcome> {
  const { runId } = cmd;
  const now = (): string => new Date().toISOString();
  let store: RunHandle | undefined;
  let exp: Experiment | undefined;
  let closePool = async (): Promise<void> => undefined;
  try {
    const spec = parseSpec(cmd.spec, 'spec of the start command');
    store = await createRun(cmd.projectDir, spec, {
      id: runId,
      pid: process.pid,
      group: cmd.group,
      sweep: cmd.sweep,
      versions: ctx.deps.versions(),
      heartbeatMs: cmd.heartbeatMs ?? ctx.heartbeatMs,
    });
    ctx.emit({ type: 'run-created', v: EVENTS_VERSION, runId, startedAt: store.record.startedAt });
    const backend = await ctx.deps.pickBackend(spec.backend);
    await store.update({
      backend: backend.name,
      device: backend.device,
      ...(backend.skipped.length ? { backendSkipped: backend.skipped } : {}),
      ...(backend.adapter ? { adapter: backend.adapter } : {}),
    });
    const allowedRoots = cmd.unrestricted ? undefined : cmd.dataRoots;
    const cacheRoot = datasetCacheRoot(cmd.projectDir);
    const data = await ctx.deps.loadDataset(spec.dataset, {
      allowedRoots,
      seed: spec.seed,
      cacheRoot,
      stream: streamsFromCache(spec),
      note: (message) => ctx.emit({ type: 'log', v: EVENTS_VERSION, runId, level: 'info', message }),
      // The conversion into the dataset cache reports as it goes (throttled where it is made: phase-reporter.ts).
      report: (p) => ctx.emit({ type: 'progress', v: EVENTS_VERSION, runId, ...p }),
    });
    for (const message of data.warnings) ctx.emit({ type: 'log', v: EVENTS_VERSION, runId, level: 'warn', message });
    if (data.warnings.length) await store.update({ warnings: data.warnings }); // kept for reopening the run
    await store.update({ sampleShape: data.shape, ...(data.classes.length ? { classes: data.classes } : {}) });
    // The host admitted the spec on the dataset's known shape (or a lower bound for a folder): now it is known.
    if (cmd.memoryBudget !== undefined) admitSpec(spec, shapeOfData(data), cmd.memoryBudget);
    checkBindings(data, spec);
    exp = await ctx.deps.build(spec, data);
    if (ctx.deps.parallelize) {
      const par = await ctx.deps.parallelize(spec, backend.name, exp, allowedRoots, cacheRoot, !!data.train.rows);
      ({ exp, close: closePool } = par);
      const { workers, note } = par.plan;
      await store.update({ workers, ...(note ? { workersNote: note } : {}) });
      if (note && spec.workers !== undefined)
        ctx.emit({ type: 'log', v: EVENTS_VERSION, runId, level: 'info', message: note });
    }
    exp.progress = (message) => ctx.emit({ type: 'log', v: EVENTS_VERSION, runId, level: 'info', message });
    exp.report = (p) => ctx.emit({ type: 'progress', v: EVENTS_VERSION, runId, ...p });
    await store.update({ totalSteps: exp.totalSteps });
    ctx.emit({
      type: 'run-started',
      v: EVENTS_VERSION,
      runId,
      spec,
      backend,
      totalSteps: exp.totalSteps,
      startedAt: store.record.startedAt,
      ...(data.warnings.length ? { warnings: data.warnings } : {}),
      ...(data.classes.length ? { classes: data.classes } : {}),
    });
    const ready = exp;
    exp = undefined; // the loop owns and disposes it from here
    return await runExperiment(ready, {
      runId,
      control: ctx.control,
      callbacks: [
        paceRecord(store, spec.batchSize),
        faultCheck(), // a GPU validation error or a lost device fails the run (off webgpu it never fires)
        ...trainerCallbacks({ emit: ctx.emit, store, snapshotEvery: spec.snapshotEvery }),
      ],
    });
  } catch (e) {
    try {
      exp?.dispose();
    } catch {
      /* keep the first error */
    }
    await store?.fail(e).catch(() => undefined);
    const error = errorText(e);
    ctx.emit({ type: 'failed', v: EVENTS_VERSION, runId, error, endedAt: now() });
    return { status: 'failed', steps: 0, finalMetrics: {}, error };
  } finally {
    await closePool();
  }
}
