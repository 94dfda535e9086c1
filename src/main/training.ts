/**
 * Electron's trainer transport for the one launcher (host/launch-trainer.ts): the child is a utilityProcess
 * running the bundled trainer entry (out/main/trainer.js). Everything else (the event guard, marking a dead
 * trainer's run interrupted, the spawn-error path) is the launcher's.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import { join } from 'node:path';
import type { ChildExit, TrainerChild, TrainerTransport } from '../host/trainer-child';

function started(child: UtilityProcess): TrainerChild {
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    get pid() {
      return child.pid;
    },
    send: (c) => {
      if (!exited) child.postMessage(c);
    },
    onMessage: (fn) => void child.on('message', fn),
    onExit: (fn) => void child.once('exit', (code) => fn({ code, signal: null })),
    kill: () => void child.kill(),
  };
}

/** A child that could not be forked at all: it reports the error as its exit. */
function neverStarted(error: Error): TrainerChild {
  return {
    pid: undefined,
    send: () => undefined,
    onMessage: () => undefined,
    onExit: (fn: (exit: ChildExit) => void) => setImmediate(() => fn({ code: null, signal: null, spawnError: error })),
    kill: () => undefined,
  };
}

export const utilityTransport: TrainerTransport = ({ runId, env }) => {
  try {
    const child = utilityProcess.fork(join(__dirname, 'trainer.js'), [], {
      serviceName: `SOM Lab trainer ${runId}`,
      stdio: 'inherit',
      env,
    });
    return started(child);
  } catch (e) {
    return neverStarted(e instanceof Error ? e : new Error(String(e)));
  }
};
