/**
 * Entry of the trainer child process: child_process.fork (serialization 'advanced') in the lab server and
 * CLI, Electron's utilityProcess in the app (bundled as out/main/trainer.js). It takes commands from the
 * host, runs one experiment and exits: 0 when the run finished or stopped, 1 when it failed.
 */
import { EVENTS_VERSION } from '../../shared/events';
import { RunControl } from './control';
import { errorText } from './loop';
import { isTrainerMessage, type StartCommand } from './protocol';
import { runFromSpec } from './run-spec';
import { trainerDeps } from './trainer-deps';
import { detectTransport } from './transport';

const transport = detectTransport();
if (!transport) {
  console.error('somlab trainer: this is the training child process; start runs with `somlab run` or the app');
  process.exit(2);
}
const control = new RunControl();
let runId: string | undefined;

async function exit(code: number): Promise<never> {
  await transport!.flushed();
  process.exit(code);
}

async function start(cmd: StartCommand): Promise<void> {
  const outcome = await runFromSpec(cmd, { emit: (e) => transport!.send(e), control, deps: await trainerDeps() });
  await exit(outcome.status === 'failed' ? 1 : 0);
}

function fatal(e: unknown): void {
  console.error('somlab trainer:', e);
  if (runId)
    transport!.send({
      type: 'failed',
      v: EVENTS_VERSION,
      runId,
      error: errorText(e),
      endedAt: new Date().toISOString(),
    });
  void exit(1);
}

transport.onMessage((m) => {
  if (!isTrainerMessage(m)) return;
  switch (m.type) {
    case 'start':
      if (runId) return; // one run per process
      runId = m.runId;
      start(m).catch(fatal);
      break;
    case 'pause':
      control.pause();
      break;
    case 'resume':
      control.resume();
      break;
    case 'stop':
      control.stop();
      break;
    case 'snapshot':
      control.requestSnapshot();
      break;
  }
});
// Ctrl-C in a terminal reaches the whole process group; the host decides (first Ctrl-C stops gracefully).
process.on('SIGINT', () => undefined);
// The host went away: finish the current step, save what there is, exit.
transport.onDisconnect(() => (runId ? control.stop() : process.exit(0)));
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
