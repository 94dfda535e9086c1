/** Is a run that says "running" really running? Its trainer's pid must be alive and its heartbeat fresh. */
import type { RunRecord } from '../../shared/project';

/** Heartbeats come every 5 s from a timer; a minute of silence means the trainer is gone (or wedged). */
export const STALE_AFTER_MS = 60_000;

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
 * is `interrupted`, with the reason. Pure apart from the pid probe; nothing is written.
 */
export function withLiveness(rec: RunRecord, now = Date.now(), staleMs = STALE_AFTER_MS): RunRecord {
  if (rec.status !== 'running') return rec;
  if (rec.pid !== undefined && !isPidAlive(rec.pid)) {
    return { ...rec, status: 'interrupted', error: rec.error ?? `trainer process ${rec.pid} is no longer running` };
  }
  const beat = Date.parse(rec.updatedAt ?? rec.startedAt);
  if (Number.isFinite(beat) && now - beat > staleMs) {
    return { ...rec, status: 'interrupted', error: rec.error ?? `no heartbeat since ${new Date(beat).toISOString()}` };
  }
  return rec;
}
