/**
 * Entry of the trainer child process (child_process.fork with serialization 'advanced', so typed arrays in
 * events arrive as typed arrays). It takes commands from the host over IPC, runs one experiment and exits:
 * 0 when the run finished or stopped, 1 when it failed.
 */
import { EVENTS_VERSION, type RunEvent } from '../../shared/events';
import { RunControl } from './control';
import { errorText } from './loop';
import { isTrainerMessage, type StartCommand } from './protocol';
import { runFromSpec } from './run-spec';
import { trainerDeps } from './trainer-deps';

const control = new RunControl();
let runId: string | undefined;
let lastSend: Promise<void> = Promise.resolve();

function send(e: RunEvent): void {
  if (!process.send || !process.connected) return;
  // The callback fires once the message is handed to the OS; waiting for the last one before exiting
  // makes sure the host sees `finished`/`failed`.
  lastSend = new Promise((resolve) => process.send!(e, undefined, {}, () => resolve()));
}

async function exit(code: number): Promise<never> {
  await lastSend;
  process.exit(code);
}

async function start(cmd: StartCommand): Promise<void> {
  const outcome = await runFromSpec(cmd, { emit: send, control, deps: await trainerDeps() });
  await exit(outcome.status === 'failed' ? 1 : 0);
}

function fatal(e: unknown): void {
  console.error('somlab trainer:', e);
  if (runId) send({ type: 'failed', v: EVENTS_VERSION, runId, error: errorText(e), endedAt: new Date().toISOString() });
  void exit(1);
}

if (!process.send) {
  console.error('somlab trainer: this is the training child process; start runs with `somlab run` or the app');
  process.exit(2);
}

process.on('message', (m: unknown) => {
  if (!isTrainerMessage(m)) return;
  switch (m.type) {
    case 'start':
      if (runId) return; // one run per process
      runId = m.runId;
      start(m).catch(fatal);
      break;
    case 'pause': control.pause(); break;
    case 'resume': control.resume(); break;
    case 'stop': control.stop(); break;
    case 'snapshot': control.requestSnapshot(); break;
  }
});
// Ctrl-C in a terminal reaches the whole process group; the host decides (first Ctrl-C stops gracefully).
process.on('SIGINT', () => undefined);
// The host went away: finish the current step, save what there is, exit.
process.on('disconnect', () => (runId ? control.stop() : process.exit(0)));
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
