/**
 * Stopping every trainer of a host that is going away (lab server SIGINT/SIGTERM, Electron quit, a CLI
 * sweep cancelled): ask each to stop (it writes its run as `stopped`), wait up to the grace period, then kill
 * the ones still alive and wait until the launcher has marked their runs `interrupted` — so no run is left
 * `running` on disk when the host exits.
 */
import type { TrainerHandle } from './launch-trainer';

/** How long a killed trainer's exit (and its run's mark) is waited for; SIGKILL lands in milliseconds. */
const AFTER_KILL_MS = 5000;

const sleep = (ms: number): Promise<'timeout'> => new Promise((r) => setTimeout(() => r('timeout'), ms).unref());

export interface StopAllResult {
  /** Trainers that stopped by themselves within the grace period. */
  stopped: number;
  /** Trainers killed after it (their runs marked interrupted). */
  killed: number;
}

export async function stopAll(handles: readonly TrainerHandle[], graceMs: number): Promise<StopAllResult> {
  const live = [...handles];
  const done = new Set<TrainerHandle>();
  for (const h of live) {
    void h.exited.then(() => done.add(h));
    h.stop();
  }
  await Promise.race([Promise.all(live.map((h) => h.exited)), sleep(graceMs)]);
  const late = live.filter((h) => !done.has(h));
  const seconds = `${(graceMs / 1000).toFixed(1)} s`;
  for (const h of late) h.kill(`the host shut down and the trainer did not stop within ${seconds}`);
  await Promise.race([Promise.all(late.map((h) => h.exited)), sleep(AFTER_KILL_MS)]);
  return { stopped: live.length - late.length, killed: late.length };
}
