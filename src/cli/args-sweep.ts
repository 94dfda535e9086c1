/** The flags of `somlab sweep`, `somlab run --sweep` and `somlab slurm`: executors and Slurm resources. */
export const EXECUTORS = ['local', 'slurm'] as const;
export type Executor = (typeof EXECUTORS)[number];
export const SLURM_ACTIONS = ['status', 'cancel', 'resubmit'] as const;
export type SlurmAction = (typeof SLURM_ACTIONS)[number];

export const SWEEP_OPTIONS = {
  sweep: { type: 'string' },
  index: { type: 'string' },
  executor: { type: 'string', default: 'local' },
  parallel: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  detach: { type: 'boolean', default: false },
  'slurm-config': { type: 'string' },
  partition: { type: 'string' },
  time: { type: 'string' },
  mem: { type: 'string' },
  gpus: { type: 'string' },
  'cpus-per-task': { type: 'string' },
  account: { type: 'string' },
  qos: { type: 'string' },
} as const;

/** Slurm resources typed on the command line; they override the --slurm-config file's (SlurmConfigSchema). */
export interface SlurmFlags {
  configFile?: string;
  partition?: string;
  time?: string;
  mem?: string;
  gpus?: string;
  cpusPerTask?: string;
  account?: string;
  qos?: string;
}

export interface SweepArgs {
  sweepFile?: string;
  /** run --sweep: the variant to run. */
  index?: number;
  executor: Executor;
  /** Variants at once: local trainers, or Slurm's %N. */
  parallel?: number;
  dryRun: boolean;
  /** slurm: submit and return instead of following the tasks to the end. */
  detach: boolean;
  slurm: SlurmFlags;
  /** `somlab slurm ACTION [SWEEP_ID]`. */
  slurmAction?: SlurmAction;
  sweepId?: string;
}

type Values = Record<string, string | boolean | string[] | undefined>;
const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

function oneOf<T extends string>(flag: string, raw: string, options: readonly T[]): T {
  if (!(options as readonly string[]).includes(raw))
    throw new Error(`${flag}: expected one of ${options.join(', ')}, received "${raw}"`);
  return raw as T;
}

function count(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag}: expected a whole number ≥ ${min}, received "${raw}"`);
  return n;
}

export function sweepArgs(command: string, v: Values, positionals: string[]): SweepArgs {
  const out: SweepArgs = {
    sweepFile: str(v, 'sweep'),
    index: count('--index', str(v, 'index'), 0),
    executor: oneOf('--executor', str(v, 'executor') ?? 'local', EXECUTORS),
    parallel: count('--parallel', str(v, 'parallel'), 1),
    dryRun: v['dry-run'] === true,
    detach: v.detach === true,
    slurm: {
      configFile: str(v, 'slurm-config'),
      partition: str(v, 'partition'),
      time: str(v, 'time'),
      mem: str(v, 'mem'),
      gpus: str(v, 'gpus'),
      cpusPerTask: str(v, 'cpus-per-task'),
      account: str(v, 'account'),
      qos: str(v, 'qos'),
    },
  };
  if (command === 'sweep' && !v.preset === !out.sweepFile)
    throw new Error('sweep: give exactly one of --preset NAME or --sweep FILE');
  if (command === 'run' && out.sweepFile !== undefined && out.index === undefined)
    throw new Error('run --sweep FILE: give the variant with --index I (0-based)');
  if (command === 'run' && out.index !== undefined && out.sweepFile === undefined)
    throw new Error('run --index: give the sweep with --sweep FILE');
  if (command === 'slurm') {
    const [action, id, ...extra] = positionals;
    if (!action || extra.length) throw new Error(`slurm: give an action (${SLURM_ACTIONS.join(', ')}) and a sweep id`);
    out.slurmAction = oneOf('slurm', action, SLURM_ACTIONS);
    out.sweepId = id;
  }
  return out;
}
