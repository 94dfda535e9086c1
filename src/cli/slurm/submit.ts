/**
 * The Slurm executor: writes the array script into the sweep's folder, submits it with sbatch, follows the
 * tasks (squeue/scontrol/sacct) until they end, lists the failed ones with their Slurm state and log, and
 * re-submits only those (`somlab slurm resubmit ID`); `somlab slurm cancel ID` runs scancel.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listRuns, runsByVariant, sweepDir } from '../../engine/runs';
import { variantAt, variantCount } from '../../shared/sweep';
import type { SweepSpec } from '../../shared/sweep-spec';
import { table } from '../list';
import type { SlurmConfig } from './config';
import { arrayScript, arraySpec, shellQuote } from './script';
import { sbatch, scancel, taskStates, type TaskState } from './slurm-cli';
import { addSubmission, readSubmissions, tally, variantTasks, type VariantTask } from './tasks';

const ROOT = resolve(import.meta.dirname, '../../..');
/** This Node and this checkout's bin/somlab.js: right where the nodes share the login node's disk. */
export const defaultSomlab = (): string => `${shellQuote(process.execPath)} ${shellQuote(join(ROOT, 'bin/somlab.js'))}`;

export const slurmDirOf = (projectDir: string, id: string): string => join(sweepDir(projectDir, id), 'slurm');
const scriptFile = (slurmDir: string): string => join(slurmDir, 'array.sbatch');

/** A sweep saved in a project (what status, cancel and resubmit need). */
export interface SavedSweep {
  sweep: SweepSpec;
  id: string;
  projectDir: string;
}

export interface SlurmSweep extends SavedSweep {
  sweepFile: string;
  config: SlurmConfig;
}

export function scriptOf(s: SlurmSweep): string {
  return arrayScript({
    sweepName: s.sweep.name,
    sweepId: s.id,
    sweepFile: resolve(s.sweepFile),
    projectDir: resolve(s.projectDir),
    slurmDir: resolve(slurmDirOf(s.projectDir, s.id)),
    variantCount: variantCount(s.sweep),
    config: s.config,
    somlab: s.config.command ?? defaultSomlab(),
  });
}

/** Writes the script and submits every variant; returns the array job's id. */
export async function submit(s: SlurmSweep): Promise<string> {
  const dir = slurmDirOf(s.projectDir, s.id);
  await mkdir(join(dir, 'logs'), { recursive: true });
  await writeFile(scriptFile(dir), scriptOf(s), { mode: 0o755 });
  const jobId = await sbatch(scriptFile(dir));
  const indices = Array.from({ length: variantCount(s.sweep) }, (_, i) => i);
  await addSubmission(dir, { jobId, indices, submittedAt: new Date().toISOString() });
  return jobId;
}

/**
 * Submits `indices` again with the script as first written (its partition, time, memory…): the command line's
 * --array replaces the script's, keeping its %N.
 */
async function resubmit(projectDir: string, id: string, indices: number[]): Promise<string> {
  const dir = slurmDirOf(projectDir, id);
  const script = await readFile(scriptFile(dir), 'utf8').catch(() => {
    throw new Error(`sweep ${id} was never submitted to Slurm (${scriptFile(dir)} is missing)`);
  });
  const bound = /^#SBATCH --array=\S*%(\d+)$/m.exec(script)?.[1];
  const jobId = await sbatch(scriptFile(dir), arraySpec(indices, bound ? Number(bound) : undefined));
  await addSubmission(dir, { jobId, indices, submittedAt: new Date().toISOString() });
  return jobId;
}

export const readSubmissionsOf = (projectDir: string, id: string) => readSubmissions(slurmDirOf(projectDir, id));

/** Every variant's task now: Slurm's states of each submission, and the runs in the project. */
export async function tasksOf(projectDir: string, id: string, sweep: SweepSpec): Promise<VariantTask[]> {
  const dir = slurmDirOf(projectDir, id);
  const submissions = await readSubmissions(dir);
  const states = new Map<string, Map<number, TaskState>>();
  for (const s of submissions) states.set(s.jobId, await taskStates(s.jobId));
  const runs = runsByVariant(await listRuns(projectDir), id);
  const labels = Array.from({ length: variantCount(sweep) }, (_, i) => variantAt(sweep, i).label);
  return variantTasks({ labels, submissions, states, runs, slurmDir: dir });
}

export function tasksTable(tasks: readonly VariantTask[]): string {
  return table([
    ['INDEX', 'VARIANT', 'OUTCOME', 'SLURM', 'RUN', 'LOG'],
    ...tasks.map((t) => [String(t.index), t.label, t.outcome, t.slurmState, t.run?.id ?? '-', t.log ?? '-']),
  ]);
}

const summary = (tasks: readonly VariantTask[]): string =>
  Object.entries(tally(tasks))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

/** Follows the tasks until none waits or runs, printing the tally when it changes; resolves with the last view. */
export async function follow(s: SavedSweep, everyMs = 3000, log = console.error): Promise<VariantTask[]> {
  let last = '';
  for (;;) {
    const tasks = await tasksOf(s.projectDir, s.id, s.sweep);
    const now = summary(tasks);
    if (now !== last) log(`${new Date().toISOString().slice(11, 19)}  ${now}`);
    last = now;
    const t = tally(tasks);
    if (t.pending + t.running === 0) return tasks;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The end of a followed sweep: the failed tasks with state and log, and the one command that re-runs them. */
export function report(s: SavedSweep, tasks: readonly VariantTask[]): number {
  console.log(tasksTable(tasks));
  const failed = tasks.filter((t) => t.outcome === 'failed');
  if (failed.length === 0) return 0;
  console.log(`\n${failed.length} failed:`);
  for (const t of failed) console.log(`  ${t.index} ${t.label}: ${t.slurmState}; log ${t.log ?? '(none)'}`);
  console.log(`re-submit only these: somlab slurm resubmit ${s.id} --project ${shellQuote(s.projectDir)}`);
  return 1;
}

export async function cancel(s: SavedSweep): Promise<string[]> {
  const tasks = await tasksOf(s.projectDir, s.id, s.sweep);
  const live = [
    ...new Set(tasks.filter((t) => t.outcome === 'pending' || t.outcome === 'running').map((t) => t.jobId!)),
  ];
  for (const job of live) await scancel(job);
  return live;
}

/** Submits again only the variants whose outcome is failed; returns the new job's id (undefined: none failed). */
export async function resubmitFailed(s: SavedSweep): Promise<{ jobId?: string; indices: number[] }> {
  const failed = (await tasksOf(s.projectDir, s.id, s.sweep)).filter((t) => t.outcome === 'failed').map((t) => t.index);
  if (failed.length === 0) return { indices: [] };
  return { jobId: await resubmit(s.projectDir, s.id, failed), indices: failed };
}
