/**
 * Is a run that says "running" really running? Its heartbeat must be fresh, and on this machine its trainer's
 * pid alive too. A run written on another machine (a Slurm node, a colleague's lab on the shared disk) is
 * judged by its heartbeat alone: its pid means nothing here.
 */
import { hostname } from 'node:os';
import type { RunRecord } from '../../shared/project';

/** Heartbeats come every 5 s from the trainer's heartbeat thread; a minute of silence means the trainer is gone. */
export const STALE_AFTER_MS = 60_000;

export interface LivenessOptions {
  /** The reader's clock (ms). */
  now?: number;
  /** A beat older than this reads as a dead trainer; injectable so tests need not wait a minute. */
  staleAfterMs?: number;
  /** This machine's name (tests pretend to be another machine). */
  host?: string;
}

/** True when the run's trainer ran on another machine than this reader's. */
export const isOtherHost = (rec: Pick<RunRecord, 'host'>, o: LivenessOptions = {}): boolean =>
  rec.host !== undefined && rec.host !== (o.host ?? hostname());

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
  if (rec.pid !== undefined && !isOtherHost(rec, o) && !isPidAlive(rec.pid)) {
    return { ...rec, status: 'interrupted', error: rec.error ?? `trainer process ${rec.pid} is no longer running` };
  }
  const age = heartbeatAge(rec, o, beatAt);
  if (age !== undefined && age > (o.staleAfterMs ?? STALE_AFTER_MS)) {
    const since = new Date((o.now ?? Date.now()) - age).toISOString();
    const where = isOtherHost(rec, o) ? ` from ${rec.host}` : '';
    return { ...rec, status: 'interrupted', error: rec.error ?? `no heartbeat${where} since ${since}` };
  }
  return rec;
}

/** Ms since the newest sign of life (the heartbeat file's time, the record's updatedAt); undefined if none. */
export function heartbeatAge(rec: RunRecord, o: LivenessOptions = {}, beatAt?: number): number | undefined {
  const written = Date.parse(rec.updatedAt ?? rec.startedAt);
  const beat = Math.max(Number.isFinite(written) ? written : -Infinity, beatAt ?? -Infinity);
  return Number.isFinite(beat) ? Math.max(0, (o.now ?? Date.now()) - beat) : undefined;
}
