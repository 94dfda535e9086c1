/**
 * The one trainer launcher of every host (CLI, lab server, Electron): start a trainer process through a
 * transport, relay its events (only well-formed ones for this run), forward commands, learn from the
 * trainer's `run-created` event that the run folder exists, and when the process dies without saying how
 * the run ended, mark the run interrupted on disk and emit `failed` so every listener learns what happened.
 */
import { constants } from 'node:os';
import { EVENTS_VERSION, type RunEvent, type TrainerStart } from '../shared/events';
import type { RunId } from '../shared/run-types';
import { markInterrupted, newRunId } from '../engine/runs';
import { forkTransport, type ChildExit, type TrainerTransport } from './trainer-child';

export interface LaunchOptions extends TrainerStart {
  onEvent(e: RunEvent): void;
  /** Chosen here when absent. */
  runId?: RunId;
  /** How the process is started: child_process.fork unless the host says otherwise. */
  transport?: TrainerTransport;
  /** Extra Node flags for the child (tests preload a fixture with `--import`). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export interface TrainerHandle {
  readonly runId: RunId;
  readonly pid: number | undefined;
  pause(): void;
  resume(): void;
  stop(): void;
  requestSnapshot(): void;
  /** Ends the process at once; the run is then marked interrupted, with `reason` when given. */
  kill(reason?: string): void;
  /** True once the run said how it ended (finished or failed), while its process may still be exiting. */
  readonly ended: boolean;
  /** True once the run folder is on disk (the trainer's `run-created`); false if the trainer died first. */
  readonly created: Promise<boolean>;
  /** Exit code (128 + signal number when killed by a signal), once the run's end is on disk. */
  readonly exited: Promise<number>;
}

const isRunEvent = (m: unknown): m is RunEvent =>
  m !== null &&
  typeof m === 'object' &&
  typeof (m as RunEvent).type === 'string' &&
  typeof (m as RunEvent).runId === 'string';

function exitCode({ code, signal }: ChildExit): number {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

function exitReason({ code, signal, spawnError }: ChildExit): string {
  if (spawnError) return `trainer process could not start: ${spawnError.message}`;
  return signal ? `trainer process exited with signal ${signal}` : `trainer process exited with code ${code}`;
}

export function launchTrainer(o: LaunchOptions): TrainerHandle {
  const runId = o.runId ?? newRunId(o.spec);
  const child = (o.transport ?? forkTransport)({ runId, execArgv: o.execArgv, env: o.env });
  let ended = false;
  let killedFor: string | undefined;
  let markCreated: (created: boolean) => void = () => undefined;
  const created = new Promise<boolean>((resolve) => (markCreated = resolve));
  child.onMessage((m) => {
    if (!isRunEvent(m) || m.runId !== runId) return;
    if (m.type === 'run-created') markCreated(true);
    if (m.type === 'finished' || m.type === 'failed') ended = true;
    o.onEvent(m);
  });

  const exited = new Promise<number>((resolve) => {
    child.onExit(async (exit) => {
      if (!ended) {
        let error = killedFor ?? exitReason(exit);
        await markInterrupted(o.projectDir, runId, error, o.spec).catch((e: Error) => {
          error += ` (the run could not be marked interrupted: ${e.message})`;
        });
        o.onEvent({ type: 'failed', v: EVENTS_VERSION, runId, error, endedAt: new Date().toISOString() });
      }
      markCreated(false);
      resolve(exitCode(exit));
    });
  });

  child.send({
    type: 'start',
    runId,
    spec: o.spec,
    projectDir: o.projectDir,
    dataRoots: o.dataRoots,
    unrestricted: o.unrestricted,
    group: o.group,
    sweep: o.sweep,
    heartbeatMs: o.heartbeatMs,
    memoryBudget: o.memoryBudget,
  });
  return {
    runId,
    get pid() {
      return child.pid;
    },
    get ended() {
      return ended;
    },
    pause: () => child.send({ type: 'pause' }),
    resume: () => child.send({ type: 'resume' }),
    stop: () => child.send({ type: 'stop' }),
    requestSnapshot: () => child.send({ type: 'snapshot' }),
    kill: (reason) => {
      killedFor ??= reason;
      child.kill();
    },
    created,
    exited,
  };
}
