/** Is a run that says "running" really running? Its trainer's pid must be alive and its heartbeat fresh. */
import type { RunRecord } from '../../shared/project';

/** Heartbeats come every 5 s from the trainer's heartbeat thread; a minute of silence means the trainer is gone. */
export const STALE_AFTER_MS = 60_000;

export interface LivenessOptions {
  /** The reader's clock (ms). */
  now?: number;
  /** A beat older than this reads as a dead trainer; injectable so tests need not wait a minute. */
  staleAfterMs?: number;
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The record as a reader should see it: a "running" run whose process is gone or whose heartbeat is stale
 * is `interrupted`, with the reason. `beatAt` is the heartbeat file's time (ms), when there is one; the
 * record's own updatedAt counts too. Pure apart from the pid probe; nothing is written.
 */
export function withLiveness(rec: RunRecord, o: LivenessOptions = {}, beatAt?: number): RunRecord {
  if (rec.status !== 'running') return rec;
  if (rec.pid !== undefined && !isPidAlive(rec.pid)) {
    return { ...rec, status: 'interrupted', error: rec.error ?? `trainer process ${rec.pid} is no longer running` };
  }
  const written = Date.parse(rec.updatedAt ?? rec.startedAt);
  const beat = Math.max(Number.isFinite(written) ? written : -Infinity, beatAt ?? -Infinity);
  if (Number.isFinite(beat) && (o.now ?? Date.now()) - beat > (o.staleAfterMs ?? STALE_AFTER_MS)) {
    return { ...rec, status: 'interrupted', error: rec.error ?? `no heartbeat since ${new Date(beat).toISOString()}` };
  }
  return rec;
}
