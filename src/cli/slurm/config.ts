/**
 * What a sweep's Slurm array job asks for: partition, time, memory, GPUs, CPUs per task, account, QOS, how
 * many tasks at once (%N), lines to run before each task (module loads) and extra #SBATCH lines. From a
 * JSON config file (`--slurm-config`), overridden by flags; validated so a typo fails before sbatch runs.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseWith } from '../../shared/validate';
import type { SlurmFlags } from '../args-sweep';

/** sbatch values go into the script as they are: keep them to what Slurm accepts and no shell syntax. */
const Word = (what: string) =>
  z.string().regex(/^[A-Za-z0-9_.:,=+@/%-]{1,200}$/, `expected a Slurm ${what} (letters, digits and _.:,=+@/%-)`);

export const SlurmConfigSchema = z.object({
  partition: Word('partition name').optional(),
  /** Wall-time limit per task: minutes, MM:SS, HH:MM:SS or D-HH:MM:SS. */
  time: z
    .string()
    .regex(/^(\d+-)?\d+(:\d{2}){0,2}$/, 'expected minutes, HH:MM:SS or D-HH:MM:SS')
    .optional(),
  /** Memory per task: a number with K, M, G or T (e.g. 4G). */
  mem: z
    .string()
    .regex(/^\d+[KMGT]?$/, 'expected a size such as 4G or 512M')
    .optional(),
  /** GPUs per task: a count, or TYPE:COUNT (e.g. a100:1). */
  gpus: Word('GPU request such as 1 or a100:1').optional(),
  /** CPUs per task; each trainer is single-threaded, so 1 unless the trainer uses more workers. */
  cpusPerTask: z.number().int().min(1).max(1024).default(1),
  account: Word('account').optional(),
  qos: Word('QOS').optional(),
  /** Tasks running at once (the array's %N); default: no bound beyond the cluster's. */
  concurrency: z.number().int().min(1).max(100_000).optional(),
  /** Shell lines run before each task (e.g. "module load nodejs/20"). */
  setup: z.array(z.string().max(500)).max(50).default([]),
  /** Further #SBATCH options, as sbatch takes them (e.g. "--constraint=avx2"). */
  sbatch: z
    .array(z.string().regex(/^--[a-z][a-z-]*(=[^\s]+)?$/, 'expected one sbatch option such as --constraint=avx2'))
    .max(50)
    .default([]),
  /** How a node starts somlab (default: this Node and this checkout's bin/somlab.js, by absolute path). */
  command: z.string().min(1).max(1000).optional(),
});
export type SlurmConfig = z.infer<typeof SlurmConfigSchema>;

async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read Slurm config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`Slurm config ${file} is not JSON: ${(e as Error).message}`);
  }
}

/** The config file's settings with the flags laid over them, validated once. */
export async function slurmConfig(flags: SlurmFlags, parallel?: number): Promise<SlurmConfig> {
  const file = flags.configFile ? await readConfigFile(flags.configFile) : {};
  const typed: Record<string, unknown> = {
    partition: flags.partition,
    time: flags.time,
    mem: flags.mem,
    gpus: flags.gpus,
    cpusPerTask: flags.cpusPerTask === undefined ? undefined : Number(flags.cpusPerTask),
    account: flags.account,
    qos: flags.qos,
    concurrency: parallel,
  };
  const merged = { ...file, ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined)) };
  return parseWith(
    SlurmConfigSchema,
    merged,
    flags.configFile ? `Slurm settings (${flags.configFile} and flags)` : 'Slurm flags',
  );
}
