/**
 * Slurm's own commands, run and parsed: sbatch (submit), squeue (tasks waiting or running), scontrol (tasks
 * that ended within MinJobAge), sacct (everything, where the cluster keeps accounting) and scancel. Each
 * parser takes the command's text, so it is tested on output captured from a real Slurm.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TaskState {
  /** Slurm's word: PENDING, RUNNING, COMPLETED, FAILED, TIMEOUT, CANCELLED, OUT_OF_MEMORY, NODE_FAIL… */
  state: string;
  /** Why a task waits (squeue's reason), or its exit code (code:signal) once it ended. */
  reason?: string;
  exitCode?: string;
}

/** States after which a task does nothing more. */
const ENDED = new Set([
  'COMPLETED',
  'FAILED',
  'TIMEOUT',
  'CANCELLED',
  'OUT_OF_MEMORY',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'SPECIAL_EXIT',
]);
export const hasEnded = (state: string): boolean => ENDED.has(state.split(' ')[0]!);

async function slurm(cmd: string, args: string[]): Promise<string> {
  try {
    return (await run(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error(`${cmd} not found: the slurm executor needs Slurm's commands (run it on a login node)`);
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(err.stderr || err.message).trim()}`);
  }
}

/** `sbatch --parsable` prints "JOBID" or "JOBID;CLUSTER". */
export function parseSbatch(out: string): string {
  const id = out.trim().split(';')[0]!;
  if (!/^\d+$/.test(id)) throw new Error(`sbatch answered "${out.trim()}", not a job id`);
  return id;
}

export async function sbatch(script: string, array?: string): Promise<string> {
  return parseSbatch(await slurm('sbatch', ['--parsable', ...(array ? [`--array=${array}`] : []), script]));
}

export async function scancel(jobId: string): Promise<void> {
  await slurm('scancel', [jobId]);
}

/** `squeue -h -r -o %K|%T|%R`: one line per task (-r splits pending arrays into their tasks). */
export function parseSqueue(out: string): Map<number, TaskState> {
  const tasks = new Map<number, TaskState>();
  for (const line of out.split('\n')) {
    const [index, state, reason] = line.trim().split('|');
    if (index && /^\d+$/.test(index) && state) tasks.set(Number(index), { state, reason });
  }
  return tasks;
}

/** `scontrol -o show job`: one line of Key=Value per task record; pending ranges ("0-3%2") are left out. */
export function parseScontrol(out: string): Map<number, TaskState> {
  const tasks = new Map<number, TaskState>();
  for (const line of out.split('\n')) {
    const field = (k: string): string | undefined => new RegExp(`(?:^| )${k}=(\\S*)`).exec(line)?.[1];
    const index = field('ArrayTaskId');
    const state = field('JobState');
    if (index && /^\d+$/.test(index) && state)
      tasks.set(Number(index), { state, exitCode: field('ExitCode'), reason: field('Reason') });
  }
  return tasks;
}

/** `sacct -n -P -X -o JobID,State,ExitCode`: "12_3|COMPLETED|0:0"; "CANCELLED by 0" keeps its first word. */
export function parseSacct(out: string): Map<number, TaskState> {
  const tasks = new Map<number, TaskState>();
  for (const line of out.split('\n')) {
    const [job, state, exitCode] = line.trim().split('|');
    const m = job ? /^\d+_(\d+)$/.exec(job) : null;
    if (m && state) tasks.set(Number(m[1]), { state: state.split(' ')[0]!, exitCode });
  }
  return tasks;
}

/** A job Slurm has forgotten (or never had) answers nothing rather than an error. */
const unknownJob = (e: unknown): boolean => /invalid job id|unknown job/i.test((e as Error).message);

async function quiet(
  p: Promise<string>,
  parse: (s: string) => Map<number, TaskState>,
): Promise<Map<number, TaskState>> {
  try {
    return parse(await p);
  } catch (e) {
    if (unknownJob(e)) return new Map();
    throw e;
  }
}

/**
 * Every task of an array job that Slurm still knows: sacct where accounting runs (silently skipped where it
 * does not), then scontrol's records of recently ended tasks, then squeue's live view, later sources winning.
 */
export async function taskStates(jobId: string): Promise<Map<number, TaskState>> {
  const acct = await slurm('sacct', ['-j', jobId, '-n', '-P', '-X', '-o', 'JobID,State,ExitCode']).then(
    parseSacct,
    () => new Map<number, TaskState>(),
  );
  const ctl = await quiet(slurm('scontrol', ['-o', 'show', 'job', jobId]), parseScontrol);
  const queue = await quiet(slurm('squeue', ['-h', '-r', '-j', jobId, '-o', '%K|%T|%R']), parseSqueue);
  return new Map([...acct, ...ctl, ...queue]);
}
