/**
 * Host side of a trainer process (CLI, lab server; Electron's utilityProcess host mirrors it): fork the
 * child, relay its events, forward commands, and when it dies without saying how the run ended, mark the
 * run interrupted on disk and emit `failed` so every listener learns what happened.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EVENTS_VERSION, type RunEvent, type TrainerCommand } from '../shared/events';
import type { RunId } from '../shared/run-types';
import type { ExperimentSpec } from '../shared/spec';
import { markInterrupted, newRunId } from '../engine/runs';
import type { StartCommand } from '../engine/train/protocol';

export interface SpawnTrainerOptions {
  spec: ExperimentSpec;
  projectDir: string;
  dataRoots: string[];
  /** Allow dataset folders anywhere (Electron, where the user picked them); dataRoots is ignored. */
  unrestricted?: boolean;
  /** Sweep this run belongs to. */
  group?: string;
  onEvent(e: RunEvent): void;
  /** Chosen here when absent. */
  runId?: RunId;
  /** Extra Node flags for the child, after tsx (tests preload a fixture with `--import`). */
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
  /** SIGKILL: the run is then marked interrupted. */
  kill(): void;
  /** Exit code (128 + signal number when killed by a signal). */
  readonly exited: Promise<number>;
}

export const TRAINER_ENTRY = fileURLToPath(new URL('../engine/train/trainer-process.ts', import.meta.url));
// Resolved from here, not from the cwd, so `somlab` works from any folder.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const isRunEvent = (m: unknown): m is RunEvent =>
  m !== null &&
  typeof m === 'object' &&
  typeof (m as RunEvent).type === 'string' &&
  typeof (m as RunEvent).runId === 'string';

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

export function spawnTrainer(o: SpawnTrainerOptions): TrainerHandle {
  const runId = o.runId ?? newRunId(o.spec);
  const child = fork(TRAINER_ENTRY, [], {
    execArgv: ['--import', TSX_LOADER, ...(o.execArgv ?? [])],
    serialization: 'advanced',
    env: o.env ?? process.env,
  });
  let ended = false;
  child.on('message', (m: unknown) => {
    if (!isRunEvent(m) || m.runId !== runId) return;
    if (m.type === 'finished' || m.type === 'failed') ended = true;
    o.onEvent(m);
  });
  const send = (c: TrainerCommand | StartCommand): void => {
    if (child.connected) child.send(c, () => undefined); // a closed channel is handled by 'close'
  };

  const exited = new Promise<number>((resolve) => {
    let spawnError: Error | undefined;
    let settled = false;
    const settle = async (code: number | null, signal: NodeJS.Signals | null): Promise<void> => {
      if (settled) return;
      settled = true;
      if (!ended) {
        let error = spawnError
          ? `trainer process could not start: ${spawnError.message}`
          : signal
            ? `trainer process exited with signal ${signal}`
            : `trainer process exited with code ${code}`;
        await markInterrupted(o.projectDir, runId, error, o.spec).catch((e: Error) => {
          error += ` (the run could not be marked interrupted: ${e.message})`;
        });
        o.onEvent({ type: 'failed', v: EVENTS_VERSION, runId, error, endedAt: new Date().toISOString() });
      }
      resolve(exitCode(code, signal));
    };
    child.on('error', (e) => {
      spawnError ??= e;
      // A process that never started gets no 'close'.
      if (child.pid === undefined) setImmediate(() => void settle(null, null));
    });
    child.on('close', (code, signal) => void settle(code, signal));
  });

  send({
    type: 'start',
    runId,
    spec: o.spec,
    projectDir: o.projectDir,
    dataRoots: o.dataRoots,
    unrestricted: o.unrestricted,
    group: o.group,
  });
  return {
    runId,
    pid: child.pid,
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    requestSnapshot: () => send({ type: 'snapshot' }),
    kill: () => {
      child.kill('SIGKILL');
    },
    exited,
  };
}
