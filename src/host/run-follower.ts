/**
 * Follows one run that another process writes (the CLI, a Slurm node, a second lab) and turns what appears in
 * its folder into the run events the lab's own trainers emit: `run-created` when run.json is there,
 * `run-started` once the trainer recorded its backend, `metrics` for each complete line appended to
 * metrics.ndjson (read from where the last read stopped, never the whole file again), `som-snapshot` and
 * `winners` for the newest set of each layer, and `finished`/`failed` when run.json says how it ended or the
 * run's heartbeat goes stale. Files are only read when their size or time moved, so a tick is a few stats.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { EVENTS_VERSION, type RunEvent } from '../shared/events';
import type { RunRecord } from '../shared/project';
import type { BackendReport, MetricRow } from '../shared/run-types';
import { parseSpec } from '../shared/validate';
import { lastBeat } from '../engine/runs/heartbeat';
import { withLiveness, type LivenessOptions } from '../engine/runs/liveness';
import { parseMetrics } from '../engine/runs/metrics-file';
import { runDir, runFiles } from '../engine/runs/paths';
import { readRecord } from '../engine/runs/read-runs';
import { listArrayFiles, readSnapshotFiles, readWinnerFiles } from '../engine/runs/snapshots';

/** Bytes of metrics.ndjson read per tick at most, so one huge file cannot stall the others. */
const READ_CHUNK = 1 << 20;
/** Rows per `metrics` event (the trainer's own flushes are far smaller). */
const ROWS_PER_EVENT = 2000;

export interface FollowOptions {
  /** The run was already there when watching began: report only what is written from now on. */
  fromNow: boolean;
  liveness?: LivenessOptions;
}

const stamp = async (file: string): Promise<string> =>
  stat(file).then(
    (s) => `${s.size}:${s.mtimeMs}`,
    () => '',
  );

export class RunFollower {
  private readonly dir: string;
  private readonly files: ReturnType<typeof runFiles>;
  private created = false;
  private started = false;
  private offset = 0;
  private recordStamp = '';
  private record: RunRecord | null = null;
  private readonly dirStamps = new Map<string, string>();
  private readonly newest = { snapshots: new Map<string, number>(), winners: new Map<string, number>() };
  private readonly firstSeen = Date.now();
  /** True once the run's end was reported (or it was never a run): the watcher drops it. */
  done = false;

  constructor(
    projectDir: string,
    readonly id: string,
    private readonly emit: (e: RunEvent) => void,
    private readonly o: FollowOptions,
  ) {
    this.dir = runDir(projectDir, id);
    this.files = runFiles(this.dir);
  }

  /** Reads what changed since the last tick and emits it; never throws (a bad file is reported once). */
  async tick(): Promise<void> {
    if (this.done) return;
    try {
      const rec = await this.readRecordIfChanged();
      if (!rec) return this.giveUpIfLitter();
      if (!this.created) await this.begin(rec);
      // As the trainer does: run-started once the backend is picked and the steps are known.
      if (!this.started && rec.backend && rec.totalSteps !== undefined) await this.announceStart(rec);
      await this.readMetrics();
      await this.readArrays('snapshots');
      await this.readArrays('winners');
      await this.endIfOver(rec);
    } catch (e) {
      this.emit({ type: 'log', v: EVENTS_VERSION, runId: this.id, level: 'warn', message: (e as Error).message });
      this.done = true;
    }
  }

  private async readRecordIfChanged(): Promise<RunRecord | null> {
    const s = await stamp(this.files.record);
    if (s === '') return null;
    if (s !== this.recordStamp || !this.record) {
      this.record = await readRecord(this.dir);
      this.recordStamp = s;
    }
    return this.record;
  }

  /** A folder that never gets a run.json within a heartbeat's grace is litter, not a run. */
  private giveUpIfLitter(): void {
    if (Date.now() - this.firstSeen > 60_000) this.done = true;
  }

  private async begin(rec: RunRecord): Promise<void> {
    this.created = true;
    if (!this.o.fromNow) {
      this.emit({ type: 'run-created', v: EVENTS_VERSION, runId: this.id, startedAt: rec.startedAt });
      return;
    }
    // Seen mid-run: what is on disk already is read by runs:get; follow from here on.
    this.started = true;
    this.offset = await stat(this.files.metrics).then(
      (s) => s.size,
      () => 0,
    );
    for (const kind of ['snapshots', 'winners'] as const) {
      for (const f of await listArrayFiles(this.files[kind])) this.noteNewest(kind, f.layer, f.step);
    }
  }

  private async announceStart(rec: RunRecord): Promise<void> {
    this.started = true;
    const spec = parseSpec(JSON.parse(await readFile(this.files.spec, 'utf8')), this.files.spec);
    const skipped = (rec.backendSkipped ?? []) as BackendReport['skipped'];
    this.emit({
      type: 'run-started',
      v: EVENTS_VERSION,
      runId: this.id,
      spec,
      backend: { name: rec.backend!, device: rec.device ?? '', skipped },
      totalSteps: rec.totalSteps ?? 0,
      startedAt: rec.startedAt,
      ...(rec.warnings ? { warnings: rec.warnings } : {}),
      ...(rec.classes ? { classes: rec.classes } : {}),
    });
  }

  /** Complete lines appended since the last read; a line still being written waits for the next tick. */
  private async readMetrics(): Promise<void> {
    const fh = await open(this.files.metrics, 'r').catch(() => null);
    if (!fh) return;
    const rows: MetricRow[] = [];
    try {
      const { size } = await fh.stat();
      if (size < this.offset) this.offset = 0; // rewritten whole: read again (repeated rows are ignored)
      while (this.offset < size) {
        const buf = Buffer.alloc(Math.min(READ_CHUNK, size - this.offset));
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.offset);
        const end = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
        if (end < 0) break;
        rows.push(...parseMetrics(buf.toString('utf8', 0, end + 1), this.files.metrics));
        this.offset += end + 1;
        if (rows.length >= ROWS_PER_EVENT * 8) break; // the rest next tick
      }
    } finally {
      await fh.close();
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_EVENT) {
      this.emit({ type: 'metrics', v: EVENTS_VERSION, runId: this.id, rows: rows.slice(i, i + ROWS_PER_EVENT) });
    }
  }

  private noteNewest(kind: 'snapshots' | 'winners', layer: string, step: number): boolean {
    const seen = this.newest[kind].get(layer);
    if (seen !== undefined && seen >= step) return false;
    this.newest[kind].set(layer, step);
    return true;
  }

  /** The newest set of each layer that is newer than the last one reported (older ones stay on disk). */
  private async readArrays(kind: 'snapshots' | 'winners'): Promise<void> {
    const dir = this.files[kind];
    const s = await stamp(dir);
    if (s === '' || s === this.dirStamps.get(dir)) return;
    this.dirStamps.set(dir, s);
    const latest = new Map<string, number>();
    for (const f of await listArrayFiles(dir)) latest.set(f.layer, Math.max(f.step, latest.get(f.layer) ?? -1));
    for (const [layer, step] of latest) {
      if (!this.noteNewest(kind, layer, step)) continue;
      if (kind === 'snapshots') {
        const snapshot = await readSnapshotFiles(dir, layer, step);
        this.emit({ type: 'som-snapshot', v: EVENTS_VERSION, runId: this.id, snapshot });
      } else {
        const trace = await readWinnerFiles(dir, layer, step);
        this.emit({ type: 'winners', v: EVENTS_VERSION, runId: this.id, ...trace });
      }
    }
  }

  private async endIfOver(stored: RunRecord): Promise<void> {
    const beat = stored.status === 'running' ? await lastBeat(this.files.heartbeat) : undefined;
    const rec = withLiveness(stored, this.o.liveness, beat);
    const endedAt = rec.endedAt ?? new Date().toISOString();
    if (rec.status === 'finished' || rec.status === 'stopped') {
      const { status, finalMetrics } = rec;
      this.emit({ type: 'finished', v: EVENTS_VERSION, runId: this.id, status, finalMetrics, endedAt });
    } else if (rec.status !== 'running') {
      const error = rec.error ?? `run ${rec.status}`;
      this.emit({ type: 'failed', v: EVENTS_VERSION, runId: this.id, error, endedAt });
    } else return;
    this.done = true;
  }
}
