/**
 * Entry of the trainer child process: child_process.fork (serialization 'advanced') in the lab server and
 * CLI, Electron's utilityProcess in the app (bundled as out/main/trainer.js). It takes commands from the
 * host, runs one experiment and exits: 0 when the run finished or stopped, 1 when it failed.
 */
import { EVENTS_VERSION } from '../../shared/events';
import type { RobustnessCurve } from '../../shared/robustness';
import { RunControl } from './control';
import { errorText } from './loop';
import { isTrainerMessage, type RobustnessCommand, type StartCommand } from './protocol';
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
let evaluating = false;

async function exit(code: number): Promise<never> {
  await transport!.flushed();
  process.exit(code);
}

async function start(cmd: StartCommand): Promise<void> {
  const outcome = await runFromSpec(cmd, { emit: (e) => transport!.send(e), control, deps: await trainerDeps() });
  await exit(outcome.status === 'failed' ? 1 : 0);
}

/** Not a training: the saved model of a finished run under attack, progress as 'robustness' events. */
async function robustness(cmd: RobustnessCommand): Promise<void> {
  const { attack } = cmd.request;
  const send = (rest: { done: number; total: number; curve?: RobustnessCurve; error?: string }): void =>
    transport!.send({ type: 'robustness', v: EVENTS_VERSION, runId: cmd.runId, attack, ...rest });
  try {
    const deps = await trainerDeps();
    const { evaluateRobustness, readRunSpec } = await import('../robustness');
    const backend = await deps.pickBackend((await readRunSpec(cmd.projectDir, cmd.runId)).backend);
    const curve = await evaluateRobustness(cmd.projectDir, cmd.runId, cmd.request, {
      allowedRoots: cmd.unrestricted ? undefined : cmd.dataRoots,
      backend: backend.name,
      onProgress: (done, total) => send({ done, total }),
    });
    send({ done: 1, total: 1, curve });
    await exit(0);
  } catch (e) {
    send({ done: 0, total: 0, error: errorText(e) });
    await exit(1);
  }
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
    case 'robustness':
      // Not `runId`: a crash here must not report the finished run as failed (robustness() reports it).
      if (runId || evaluating) return;
      evaluating = true;
      void robustness(m);
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
