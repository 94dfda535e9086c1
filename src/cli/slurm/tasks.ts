/**
 * A Slurm sweep's tasks as a user needs them: for each variant, the job that last ran it, Slurm's state,
 * the run it wrote into the project and the log path. The project is the truth about results (a finished
 * run is finished, whatever Slurm forgot); Slurm is the truth about tasks that wait, run or died early.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RunSummary } from '../../shared/project';
import { parseWith } from '../../shared/validate';
import { writeJsonAtomic } from '../../engine/runs';
import { logPath } from './script';
import { hasEnded, type TaskState } from './slurm-cli';

export const SubmissionsSchema = z.array(
  z.object({ jobId: z.string(), indices: z.array(z.number().int().min(0)), submittedAt: z.string() }),
);
export type Submission = z.infer<typeof SubmissionsSchema>[number];

const submissionsFile = (slurmDir: string): string => join(slurmDir, 'submissions.json');

export async function readSubmissions(slurmDir: string): Promise<Submission[]> {
  const file = submissionsFile(slurmDir);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '[]';
    throw new Error(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  return parseWith(SubmissionsSchema, JSON.parse(text), file);
}

export async function addSubmission(slurmDir: string, s: Submission): Promise<void> {
  await writeJsonAtomic(submissionsFile(slurmDir), [...(await readSubmissions(slurmDir)), s]);
}

export type TaskOutcome = 'pending' | 'running' | 'finished' | 'failed';

export interface VariantTask {
  index: number;
  label: string;
  outcome: TaskOutcome;
  /** Slurm's state word, or why there is none. */
  slurmState: string;
  jobId?: string;
  log?: string;
  run?: RunSummary;
}

/** Decides one variant's outcome from its run (if any) and its task's Slurm state (if Slurm still has it). */
export function outcomeOf(run: RunSummary | undefined, task: TaskState | undefined): TaskOutcome {
  if (run?.status === 'finished') return 'finished';
  if (task && !hasEnded(task.state)) return task.state === 'PENDING' ? 'pending' : 'running';
  if (!task && run?.status === 'running') return 'running'; // Slurm forgot it; its heartbeat says alive
  return 'failed';
}

/** Every variant's task, from the latest submission that included it. */
export function variantTasks(o: {
  labels: readonly string[];
  submissions: readonly Submission[];
  states: ReadonlyMap<string, ReadonlyMap<number, TaskState>>;
  runs: ReadonlyMap<number, RunSummary>;
  slurmDir: string;
}): VariantTask[] {
  return o.labels.map((label, index) => {
    const sub = [...o.submissions].reverse().find((s) => s.indices.includes(index));
    const run = o.runs.get(index);
    if (!sub)
      return {
        index,
        label,
        outcome: run?.status === 'finished' ? 'finished' : 'failed',
        slurmState: 'never submitted',
        run,
      };
    const task = o.states.get(sub.jobId)?.get(index);
    const outcome = outcomeOf(run, task);
    const slurmState = task
      ? [task.state, task.exitCode && task.exitCode !== '0:0' ? `exit ${task.exitCode}` : ''].filter(Boolean).join(' ')
      : 'gone from Slurm';
    return { index, label, outcome, slurmState, jobId: sub.jobId, log: logPath(o.slurmDir, sub.jobId, index), run };
  });
}

export function tally(tasks: readonly VariantTask[]): Record<TaskOutcome, number> {
  const t: Record<TaskOutcome, number> = { pending: 0, running: 0, finished: 0, failed: 0 };
  for (const x of tasks) t[x.outcome]++;
  return t;
}
