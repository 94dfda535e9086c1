/**
 * Electron's trainer launcher: the same contract as spawnTrainer (engine/train/spawn-trainer.ts), but the
 * child is an Electron utilityProcess running the bundled trainer entry (out/main/trainer.js).
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { EVENTS_VERSION, type RunEvent } from '../shared/events';
import { markInterrupted, newRunId } from '../engine/runs';
import type { SpawnTrainerOptions, TrainerHandle } from '../host/spawn-trainer';

export function launchUtilityTrainer(o: SpawnTrainerOptions): TrainerHandle {
  const runId = o.runId ?? newRunId(o.spec);
  const child = utilityProcess.fork(join(__dirname, 'trainer.js'), [], {
    serviceName: `SOM Lab trainer ${runId}`,
    stdio: 'inherit',
  });
  let ended = false;
  child.on('message', (m: RunEvent) => {
    if (m?.runId !== runId) return;
    if (m.type === 'finished' || m.type === 'failed') ended = true;
    o.onEvent(m);
  });
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code) => {
      void (async () => {
        if (!ended) {
          const error = `trainer process exited with code ${code}`;
          await markInterrupted(o.projectDir, runId, error, o.spec).catch(() => undefined);
          o.onEvent({ type: 'failed', v: EVENTS_VERSION, runId, error, endedAt: new Date().toISOString() });
        }
        resolve(code);
      })();
    });
  });
  child.postMessage({
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
    get pid() {
      return child.pid;
    },
    pause: () => child.postMessage({ type: 'pause' }),
    resume: () => child.postMessage({ type: 'resume' }),
    stop: () => child.postMessage({ type: 'stop' }),
    requestSnapshot: () => child.postMessage({ type: 'snapshot' }),
    kill: () => {
      child.kill();
    },
    exited,
  };
}
