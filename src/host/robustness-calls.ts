/**
 * The robustness calls beside LabHost: the evaluation runs in a trainer process of its own (the same
 * transport as training: fork here, utilityProcess in Electron), never in the host's thread; its progress
 * events are relayed like a run's, and the call answers with the curve.
 */
import type { ApiCalls } from '../shared/api';
import type { RunEvent, RunEventOf } from '../shared/events';
import type { RunId } from '../shared/run-types';
import { RobustnessRequestSchema } from '../shared/robustness';
import { parseWith } from '../shared/validate';
import { readRun } from '../engine/runs';
import { checkClassifier, readRobustness } from '../engine/robustness/records';
import { forkTransport, type TrainerTransport } from './trainer-child';

type Call = 'runs:robustness' | 'runs:robustnessCurves';
type Calls = { [K in Call]: (...a: Parameters<ApiCalls[K]>) => Promise<ReturnType<ApiCalls[K]>> };

export interface RobustnessContext {
  projectDir(): string;
  /** Read when a call comes (LabHost's options are not there yet when its call table is built). */
  transport(): TrainerTransport | undefined;
  dataRoots(): string[];
  unrestricted(): boolean;
  emit(e: RunEvent): void;
}

const isProgress = (m: unknown, id: RunId): m is RunEventOf<'robustness'> =>
  !!m && typeof m === 'object' && (m as RunEvent).type === 'robustness' && (m as RunEvent).runId === id;

export function robustnessCalls(ctx: RobustnessContext): Calls {
  const running = new Set<RunId>();
  return {
    'runs:robustness': async (id, input) => {
      const request = parseWith(RobustnessRequestSchema, input, 'robustness request');
      const projectDir = ctx.projectDir();
      const run = await readRun(projectDir, id);
      checkClassifier(id, run.spec);
      if (run.summary.status !== 'finished')
        throw new Error(`run ${id} is ${run.summary.status}: only a finished run has the model to attack`);
      if (running.has(id)) throw new Error(`run ${id} is already being attacked; wait for that evaluation`);
      running.add(id);
      try {
        return await new Promise((resolve, reject) => {
          const child = (ctx.transport() ?? forkTransport)({ runId: id });
          child.onMessage((m) => {
            if (!isProgress(m, id)) return;
            ctx.emit(m);
            if (m.curve) resolve(m.curve);
            if (m.error) reject(new Error(m.error));
          });
          child.onExit((x) =>
            reject(new Error(`the robustness process for run ${id} ended (${x.spawnError?.message ?? x.code})`)),
          );
          child.send({
            type: 'robustness',
            runId: id,
            projectDir,
            dataRoots: ctx.dataRoots(),
            request,
            unrestricted: ctx.unrestricted(),
          });
        });
      } finally {
        running.delete(id);
      }
    },
    'runs:robustnessCurves': (id) => readRobustness(ctx.projectDir(), id),
  };
}
