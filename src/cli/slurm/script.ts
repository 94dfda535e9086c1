/**
 * The sbatch array script of a sweep: one task per variant, each running
 * `somlab run --sweep FILE --index $SLURM_ARRAY_TASK_ID --project DIR` into the project on the shared disk.
 * Pure (tested on its text); `somlab sweep --executor slurm --dry-run` prints it.
 */
import { join } from 'node:path';
import type { SlurmConfig } from './config';

export interface ScriptInput {
  sweepName: string;
  sweepId: string;
  /** The sweep's copy in the project (what every task reads). */
  sweepFile: string;
  projectDir: string;
  /** Where the script, logs and submissions live: <project>/sweeps/<id>/slurm. */
  slurmDir: string;
  variantCount: number;
  config: SlurmConfig;
  /** How a node starts somlab (already shell-quoted words). */
  somlab: string;
}

/** Single-quoted for sh: safe for any path. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Indices as Slurm's --array wants them: ranges joined by commas ("0-3,7,9-10"), with %N when bounded. */
export function arraySpec(indices: readonly number[], concurrency?: number): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(',') + (concurrency ? `%${concurrency}` : '');
}

/** Task logs: one file per array task, named by the array job's id and the task's index. */
export const logPattern = (slurmDir: string): string => join(slurmDir, 'logs', '%A_%a.out');
export const logPath = (slurmDir: string, jobId: string, index: number): string =>
  join(slurmDir, 'logs', `${jobId}_${index}.out`);

export function arrayScript(s: ScriptInput): string {
  const c = s.config;
  const all = Array.from({ length: s.variantCount }, (_, i) => i);
  const opt = (name: string, v: string | number | undefined): string[] =>
    v === undefined ? [] : [`#SBATCH --${name}=${v}`];
  const lines = [
    '#!/bin/bash',
    `# SOM Lab sweep "${s.sweepName.replace(/[\r\n]/g, ' ')}" (${s.sweepId}): ${s.variantCount} variants.`,
    '# Written by `somlab sweep --executor slurm`; `somlab slurm status|cancel|resubmit` follows it.',
    `#SBATCH --job-name=somlab-${s.sweepId}`,
    `#SBATCH --array=${arraySpec(all, c.concurrency)}`,
    `#SBATCH --output=${logPattern(s.slurmDir)}`,
    `#SBATCH --cpus-per-task=${c.cpusPerTask}`,
    ...opt('partition', c.partition),
    ...opt('time', c.time),
    ...opt('mem', c.mem),
    ...opt('gpus', c.gpus),
    ...opt('account', c.account),
    ...opt('qos', c.qos),
    ...c.sbatch.map((o) => `#SBATCH ${o}`),
    'set -euo pipefail',
    ...c.setup,
    `exec ${s.somlab} run --sweep ${shellQuote(s.sweepFile)} --index "$SLURM_ARRAY_TASK_ID" \\`,
    `  --project ${shellQuote(s.projectDir)}`,
    '',
  ];
  return lines.join('\n');
}
