/**
 * The write side of one run folder, used by the trainer process. All writes go through here: run.json is
 * rewritten whole and atomically (status, backend, steps), metrics are appended a flush at a time, snapshots
 * and model files are whole files. run.json writes are queued so a late update can never overwrite `finished`.
 * The heartbeat is a separate file touched by a thread of its own (heartbeat.ts).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricRow, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import { hostname } from 'node:os';
import type { RunRecord, RunStatus, SweepRef } from '../../shared/project';
import type { ExperimentSpec } from '../../shared/spec';
import { parseSpec } from '../../shared/validate';
import type { SavedFile } from '../train/experiment';
import { appendLines, writeFileAtomic, writeJsonAtomic } from './atomic';
import { HeartbeatThread } from './heartbeat';
import { prepareMetricsView } from './metrics-envelope';
import { newRunId, runDir, runFiles, runsDir } from './paths';
import { openProject } from './project';
import { writeSnapshotFiles, writeWinnerFiles } from './snapshots';

export interface CreateRunExtra {
  /** Chosen by the host so it knows the id before the trainer starts; a new one is made when absent. */
  id?: string;
  pid?: number;
  group?: string;
  sweep?: SweepRef;
  backend?: RunRecord['backend'];
  device?: string;
  versions?: Record<string, string>;
  totalSteps?: number;
  /** Heartbeat period; 0 starts no heartbeat thread (tests). */
  heartbeatMs?: number;
}

export const DEFAULT_HEARTBEAT_MS = 5_000;

const runtimeVersions = (): Record<string, string> => ({
  node: process.versions.node,
  ...(process.versions.electron ? { electron: process.versions.electron } : {}),
});
const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export async function createRun(
  projectDir: string,
  specInput: unknown,
  extra: CreateRunExtra = {},
): Promise<RunHandle> {
  await openProject(projectDir);
  const spec = parseSpec(specInput);
  const id = extra.id ?? newRunId(spec);
  const dir = runDir(projectDir, id);
  await mkdir(runsDir(projectDir), { recursive: true });
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    throw new Error(
      e.code === 'EEXIST'
        ? `run ${id} already exists in ${runsDir(projectDir)}`
        : `cannot create ${dir}: ${e.code ?? e.message}`,
    );
  });
  const now = new Date().toISOString();
  const record: RunRecord = {
    id,
    name: spec.name,
    kind: spec.kind,
    preset: spec.preset,
    group: extra.group,
    ...(extra.sweep ? { sweep: extra.sweep } : {}),
    status: 'running',
    backend: extra.backend,
    device: extra.device,
    versions: { ...runtimeVersions(), ...extra.versions },
    startedAt: now,
    updatedAt: now,
    pid: extra.pid ?? process.pid,
    host: hostname(),
    totalSteps: extra.totalSteps,
    finalMetrics: {},
  };
  await writeJsonAtomic(runFiles(dir).spec, spec);
  const handle = new RunHandle(id, dir, spec, record);
  await handle.writeRecord();
  await handle.startHeartbeat(extra.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  return handle;
}

export class RunHandle {
  readonly files: ReturnType<typeof runFiles>;
  private recordQueue: Promise<void> = Promise.resolve();
  private metricsQueue: Promise<void> = Promise.resolve();
  private heartbeat: HeartbeatThread | undefined;
  private ended = false;

  constructor(
    readonly id: string,
    readonly dir: string,
    readonly spec: ExperimentSpec,
    private rec: RunRecord,
  ) {
    this.files = runFiles(dir);
  }

  get record(): RunRecord {
    return structuredClone(this.rec);
  }

  /** Queues a rewrite of run.json with the record as it is now; errors go to this caller only. */
  writeRecord(): Promise<void> {
    const snapshot = structuredClone(this.rec);
    const p = this.recordQueue.then(() => writeJsonAtomic(this.files.record, snapshot));
    this.recordQueue = p.catch(() => undefined);
    return p;
  }

  /** Backend, device, totalSteps... as they become known. Ignored once the run has ended. */
  update(patch: Partial<Omit<RunRecord, 'id' | 'status'>>): Promise<void> {
    if (this.ended) return this.recordQueue;
    this.rec = { ...this.rec, ...patch, updatedAt: new Date().toISOString() };
    return this.writeRecord();
  }

  async startHeartbeat(ms: number): Promise<void> {
    if (ms > 0 && !this.heartbeat) this.heartbeat = await HeartbeatThread.start(this.files.heartbeat, ms);
  }

  appendMetrics(rows: readonly MetricRow[]): Promise<void> {
    const p = this.metricsQueue.then(() => appendLines(this.files.metrics, rows));
    this.metricsQueue = p.catch(() => undefined);
    return p;
  }

  writeSnapshot(snapshot: SomSnapshot): Promise<void> {
    return writeSnapshotFiles(this.files.snapshots, snapshot);
  }

  writeWinners(trace: WinnerTrace): Promise<void> {
    return writeWinnerFiles(this.files.winners, trace);
  }

  async saveModel(files: readonly SavedFile[]): Promise<void> {
    for (const f of files) {
      if (!SAFE_FILE.test(f.name) || f.name.includes('..'))
        throw new Error(`bad model file name ${JSON.stringify(f.name)}: expected a plain file name`);
    }
    await mkdir(this.files.model, { recursive: true });
    for (const f of files) await writeFileAtomic(join(this.files.model, f.name), f.data);
  }

  finish(status: Extract<RunStatus, 'finished' | 'stopped'>, finalMetrics: Record<string, number>): Promise<void> {
    return this.end({ status, finalMetrics });
  }

  fail(error: unknown): Promise<void> {
    return this.end({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }

  private async end(patch: Partial<RunRecord>): Promise<void> {
    if (this.ended) return this.recordQueue;
    this.ended = true;
    await this.metricsQueue;
    // The last row is on disk: the envelope a window opens with can be made once, here, not at first open.
    await prepareMetricsView(this.files.metrics);
    const now = new Date().toISOString();
    this.rec = { ...this.rec, ...patch, endedAt: now, updatedAt: now };
    // The end on disk first, then the beat stops: stopped before, a reader in between (the last step took
    // longer than the staleness threshold) would see a running run with no fresh sign of life: interrupted.
    try {
      await this.writeRecord();
    } finally {
      await this.heartbeat?.stop();
    }
  }
}
