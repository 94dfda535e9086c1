/**
 * The read side of a project's runs: list (never throws on one bad folder), open one run, load snapshots
 * and winner traces. Run ids and layer names are validated before any path is built.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunDetail } from '../../shared/api';
import type { SomSnapshot, WinnerTrace } from '../../shared/run-types';
import { RunRecordSchema, type RunRecord, type RunSummary } from '../../shared/project';
import { parseSpec, parseWith } from '../../shared/validate';
import { reviveNumbers } from './atomic';
import { lastBeat } from './heartbeat';
import { readMeta } from './manage';
import { heartbeatAge, withLiveness, type LivenessOptions } from './liveness';
import { lastMetricStep, readMetrics } from './metrics-file';
import { readMetricsView } from './metrics-envelope';
import { assertStep, runDir, runFiles, runsDir } from './paths';
import { listArrayFiles, readSnapshotFiles, readWinnerFiles } from './snapshots';

/** Reads run.json strictly: a missing or bad file is an error naming it. */
export async function readRecord(dir: string): Promise<RunRecord> {
  const file = runFiles(dir).record;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `${file} not found` : `${file} is corrupt: ${err.code ?? err.message}`);
  }
  if (raw && typeof raw === 'object' && 'finalMetrics' in raw) {
    raw = { ...raw, finalMetrics: reviveNumbers((raw as { finalMetrics: unknown }).finalMetrics) };
  }
  return parseWith(RunRecordSchema, raw, file);
}

/** A run folder whose run.json cannot be read still shows in the list, as failed with the reason. */
async function summarise(projectDir: string, id: string, o: LivenessOptions): Promise<RunSummary> {
  const dir = runDir(projectDir, id);
  let rec: RunRecord;
  let beatAt: number | undefined;
  try {
    const stored = await readRecord(dir);
    beatAt = stored.status === 'running' ? await lastBeat(runFiles(dir).heartbeat) : undefined;
    rec = withLiveness(stored, o, beatAt);
  } catch (e) {
    const mtime = await stat(dir).then(
      (s) => s.mtime.toISOString(),
      () => new Date(0).toISOString(),
    );
    return {
      id,
      kind: 'unknown',
      status: 'failed',
      versions: {},
      startedAt: mtime,
      finalMetrics: {},
      error: (e as Error).message,
    };
  }
  // The user's name, tags and note (meta.json) win over what the trainer recorded.
  const meta = await readMeta(dir).catch(() => ({}));
  const summary: RunSummary = { ...rec, ...meta, id };
  if (rec.status === 'running') summary.heartbeatAgeMs = heartbeatAge(rec, o, beatAt);
  if (rec.status === 'running' || rec.status === 'interrupted') {
    summary.lastStep = await lastMetricStep(runFiles(dir).metrics);
  }
  return summary;
}

const RUN_DIR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Every run, newest first. Folders whose names are not run ids (temp files, litter) are skipped. */
export async function listRuns(projectDir: string, o: LivenessOptions = {}): Promise<RunSummary[]> {
  const entries = await readdir(runsDir(projectDir), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? [] : Promise.reject(e),
  );
  const ids = entries
    .filter((d) => d.isDirectory() && RUN_DIR_NAME.test(d.name) && !d.name.includes('..'))
    .map((d) => d.name);
  const runs = await Promise.all(ids.map((id) => summarise(projectDir, id, o)));
  return runs.sort((a, b) =>
    a.startedAt === b.startedAt ? b.id.localeCompare(a.id) : b.startedAt.localeCompare(a.startedAt),
  );
}

export interface ReadRunOptions extends LivenessOptions {
  /**
   * For a window: metrics as their min/max envelope in this many buckets (every row when there are few;
   * cached beside the metrics). Absent: every row (figures, CSV, the CLI).
   */
  metricBuckets?: number;
}

export async function readRun(projectDir: string, id: string, o: ReadRunOptions = {}): Promise<RunDetail> {
  const dir = runDir(projectDir, id);
  const files = runFiles(dir);
  const summary = await summarise(projectDir, id, o);
  let specRaw: unknown;
  try {
    specRaw = JSON.parse(await readFile(files.spec, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      err.code === 'ENOENT'
        ? `run ${id} not found (${files.spec} is missing)`
        : `${files.spec} is corrupt: ${err.message}`,
    );
  }
  const spec = parseSpec(specRaw, files.spec);
  const view = o.metricBuckets
    ? await readMetricsView(files.metrics, o.metricBuckets)
    : await readMetrics(files.metrics).then((rows) => ({ rows, total: rows.length }));
  const metrics = view.rows;
  const snapshots = await listSnapshots(projectDir, id);
  return {
    summary,
    spec,
    metrics,
    ...(view.total > metrics.length ? { metricRows: view.total } : {}),
    snapshotSteps: [...new Set(snapshots.map((f) => f.step))].sort((a, b) => a - b),
    snapshotLayers: [...new Set(snapshots.map((f) => f.layer))],
    winnerSteps: await listWinnerSteps(projectDir, id),
    npyFiles: await listNpy(dir),
  };
}

/** The run's .npy files (relative to its folder, snapshots/ then winners/, in step order): what numpy loads. */
async function listNpy(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of ['snapshots', 'winners']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    const npy = names.filter((n) => n.endsWith('.npy'));
    const step = (n: string): number => Number(/-(\d+)\./.exec(n)?.[1] ?? 0);
    npy.sort((a, b) => step(a) - step(b) || a.localeCompare(b));
    out.push(...npy.map((n) => `${sub}/${n}`));
  }
  return out;
}

/** Steps with a snapshot on disk (of `layer`, or of any layer), ascending, without duplicates. */
export async function listSnapshotSteps(projectDir: string, id: string, layer?: string): Promise<number[]> {
  const found = await listArrayFiles(runFiles(runDir(projectDir, id)).snapshots);
  return [...new Set(found.filter((f) => layer === undefined || f.layer === layer).map((f) => f.step))];
}

/** (layer, step) of every snapshot of a run, for runs with more than one SOM. */
export async function listSnapshots(projectDir: string, id: string): Promise<{ layer: string; step: number }[]> {
  return listArrayFiles(runFiles(runDir(projectDir, id)).snapshots);
}

export async function readSnapshot(projectDir: string, id: string, step: number, layer = 'som'): Promise<SomSnapshot> {
  assertStep(step);
  return readSnapshotFiles(runFiles(runDir(projectDir, id)).snapshots, layer, step);
}

export async function listWinnerSteps(projectDir: string, id: string, layer?: string): Promise<number[]> {
  const found = await listArrayFiles(runFiles(runDir(projectDir, id)).winners);
  return [...new Set(found.filter((f) => layer === undefined || f.layer === layer).map((f) => f.step))];
}

export async function readWinners(projectDir: string, id: string, step: number, layer = 'som'): Promise<WinnerTrace> {
  assertStep(step);
  return readWinnerFiles(runFiles(runDir(projectDir, id)).winners, layer, step);
}
