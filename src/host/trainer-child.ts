/**
 * The one thing that differs between hosts: how a trainer process is started and talked to. The launcher
 * (launch-trainer.ts) takes a TrainerTransport; this file has the child_process.fork one (lab server, CLI),
 * src/main/training.ts the Electron utilityProcess one.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrainerCommand } from '../shared/events';
import type { RunId } from '../shared/run-types';

/** How a trainer process ended: its exit code or signal, or the error that kept it from starting. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: Error;
}

/** A started trainer process, whichever kind. */
export interface TrainerChild {
  readonly pid: number | undefined;
  /** Never throws: a message to a process that is gone is dropped (its exit is reported instead). */
  send(command: TrainerCommand): void;
  onMessage(fn: (message: unknown) => void): void;
  /** Called once, when the process is gone (or never started). */
  onExit(fn: (exit: ChildExit) => void): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
}

export interface ChildOptions {
  runId: RunId;
  /** Extra Node flags for the child (tests preload a fixture with `--import`). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export type TrainerTransport = (o: ChildOptions) => TrainerChild;

/** child_process.fork of the trainer entry through tsx, with structured-clone IPC (typed arrays stay typed). */
export const forkTransport: TrainerTransport = (o) => {
  // Resolved here, not at module load: Electron main bundles this file, and the packaged app has no tsx.
  // From this file, not from the cwd, so `somlab` works from any folder.
  const entry = fileURLToPath(new URL('../engine/train/trainer-process.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(entry, [], {
    execArgv: ['--import', tsx, ...(o.execArgv ?? [])],
    serialization: 'advanced',
    env: o.env ?? process.env,
  });
  return {
    pid: child.pid,
    send: (c) => {
      if (child.connected) child.send(c, () => undefined); // a closed channel is reported by 'close'
    },
    onMessage: (fn) => void child.on('message', fn),
    onExit(fn) {
      let spawnError: Error | undefined;
      let reported = false;
      const report = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (reported) return;
        reported = true;
        fn({ code, signal, spawnError });
      };
      child.on('error', (e) => {
        spawnError ??= e;
        // A process that never started gets no 'close'.
        if (child.pid === undefined) setImmediate(() => report(null, null));
      });
      child.on('close', report);
    },
    kill: () => void child.kill('SIGKILL'),
  };
};
