/** Tiny argument parsing on node:util parseArgs, with errors that list what is accepted. */
import { totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { parseBudget } from '../shared/admission/admit';
import { PANELS } from '../shared/figure-spec';
import { SWEEP_OPTIONS, sweepArgs, type SweepArgs } from './args-sweep';
import { ROBUSTNESS_OPTIONS, robustnessArgs, type RobustnessArgs } from './args-robustness';

export const COMMANDS = [
  'run',
  'sweep',
  'slurm',
  'reproduce',
  'robustness',
  'list',
  'presets',
  'export',
  'figure',
  'help',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs extends SweepArgs, RobustnessArgs {
  command: Command;
  preset?: string;
  spec?: string;
  project: string;
  backend?: string;
  epochs?: number;
  data: string[];
  json: boolean;
  quick: boolean;
  /** reproduce: rebuild the table from the runs already in the project, without training. */
  fromProject: boolean;
  only?: string;
  out?: string;
  /** reproduce --full: the seeds' scale, resumable from the summaries. */
  full: boolean;
  seeds: number;
  workers: number;
  cifar?: string;
  summaries: string;
  /** reproduce --full --report-only: rebuild the report from the summaries, no training. */
  reportOnly: boolean;
  /** export: the panel request as typed (validated by ExportRequestSchema); figure: the spec file. */
  exportRequest: Record<string, unknown>;
  figureFile?: string;
  /** --memory-budget: bytes a spec may be estimated to need (default: half the RAM). */
  memoryBudget?: number;
}

function wholeNumber(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${flag}: expected a whole number from 1 to ${max}, received "${raw}"`);
  return n;
}

export const USAGE = `usage: somlab <command> [options]

commands:
  run        --preset NAME | --spec FILE | --sweep FILE --index I  [--project DIR] [--backend NAME] [--epochs N]
             [--data DIR]...   (--sweep: variant I of a sweep, 0-based: what each Slurm array task runs)
  sweep      --preset NAME | --sweep FILE  [--executor local|slurm] [--parallel N] [--epochs N] [--backend NAME]
             local: N trainers at once (default: the cores), the rest queued; every variant a run, grouped
             slurm: one sbatch array task per variant, N at once (%N); [--dry-run] prints the script;
             [--slurm-config FILE] [--partition P] [--time T] [--mem M] [--gpus G] [--cpus-per-task C]
             [--account A] [--qos Q] [--detach] (submit and return)
  slurm      status|cancel|resubmit [SWEEP_ID]   (a sweep's Slurm tasks; resubmit: only the failed ones)
  reproduce  [--quick] [--only NAME,NAME] [--out FILE] [--from-project]  (every seed preset; a markdown table)
  reproduce  --full [--seeds N] [--workers N] [--cifar DIR] [--summaries DIR] [--out FILE] [--report-only]
             (full MNIST, several seeds, resumable: summaries in docs/reproduction, table in docs/REPRODUCTION.md)
  robustness --run ID[,ID…] [--attack fgsm|pgd] [--eps 0,0.05,0.1] [--limit N] [--steps N] [--project DIR]
             (accuracy of finished classifier runs under attack, kept in runs/ID/robustness/; a table per ε)
  list       [--project DIR] [--json]   (runs with names, tags, status and final metrics)
  presets    [--json]
  export     --run ID --panel P --format svg|pdf|png|pgf|csv|gif [--step N] [--width 3.5in] [--dpi 300]
             [--layer L] [--x step|epoch|time] [--log] [--with ID,ID] [--frames N]   (into runs/ID/figures/)
  figure     FIGURE.json   (a composed figure spec: renders figures/NAME.{svg,pdf,png} with its provenance)
  help       this text (also --help, -h)

panels: ${PANELS.join(', ')}

--project defaults to ./somlab-project; --data adds a folder that dataset paths may point into.
--memory-budget 8G|40%: refuse specs estimated to need more (run and sweep; default: half the RAM).`;

export function parseCli(argv: string[]): CliArgs {
  const [first = 'help', ...rest] = argv;
  const command = first === '--help' || first === '-h' ? 'help' : first;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`unknown command "${command}": expected one of ${COMMANDS.join(', ')}\n\n${USAGE}`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: command === 'figure' || command === 'slurm',
    options: {
      ...SWEEP_OPTIONS,
      ...ROBUSTNESS_OPTIONS,
      run: { type: 'string' },
      panel: { type: 'string' },
      format: { type: 'string' },
      step: { type: 'string' },
      width: { type: 'string' },
      dpi: { type: 'string' },
      layer: { type: 'string' },
      x: { type: 'string' },
      log: { type: 'boolean', default: false },
      with: { type: 'string' },
      frames: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      preset: { type: 'string' },
      spec: { type: 'string' },
      project: { type: 'string', default: 'somlab-project' },
      backend: { type: 'string' },
      epochs: { type: 'string' },
      data: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      'from-project': { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      full: { type: 'boolean', default: false },
      seeds: { type: 'string' },
      workers: { type: 'string' },
      cifar: { type: 'string' },
      summaries: { type: 'string', default: 'docs/reproduction' },
      'report-only': { type: 'boolean', default: false },
      'memory-budget': { type: 'string' },
    },
  });
  let epochs: number | undefined;
  if (values.epochs !== undefined) {
    epochs = Number(values.epochs);
    if (!Number.isInteger(epochs) || epochs < 1)
      throw new Error(`--epochs: expected a whole number ≥ 1, received "${values.epochs}"`);
  }
  if (values.full && values.quick) throw new Error('reproduce: --full and --quick exclude each other');
  if (command === 'run' && [values.preset, values.spec, values.sweep].filter(Boolean).length !== 1)
    throw new Error('run: give exactly one of --preset NAME, --spec FILE or --sweep FILE --index I');
  if (command === 'export' && (!values.run || !values.panel || !values.format))
    throw new Error('export: give --run ID, --panel P and --format F');
  if (command === 'robustness' && !values.run) throw new Error('robustness: give --run ID (or ID,ID,… to compare)');
  if (command === 'figure' && positionals.length !== 1) throw new Error('figure: give one FIGURE.json file');
  return {
    ...sweepArgs(command, values, positionals),
    ...robustnessArgs(values),
    command: values.help ? 'help' : (command as Command),
    exportRequest: exportRequest(values),
    figureFile: positionals[0],
    preset: values.preset,
    spec: values.spec,
    project: values.project!,
    backend: values.backend,
    epochs,
    data: values.data!,
    json: values.json!,
    quick: values.quick!,
    fromProject: values['from-project']!,
    only: values.only,
    out: values.out,
    full: values.full!,
    seeds: wholeNumber('--seeds', values.seeds, 3, 100),
    workers: wholeNumber('--workers', values.workers, 1, 64),
    cifar: values.cifar,
    summaries: values.summaries!,
    reportOnly: values['report-only']!,
    memoryBudget: values['memory-budget'] === undefined ? undefined : parseBudget(values['memory-budget'], totalmem()),
  };
}

/** Numbers parsed, the rest as typed: ExportRequestSchema names a bad field with what it expected. */
function exportRequest(v: Record<string, string | boolean | string[] | undefined>): Record<string, unknown> {
  const num = (k: string) => (v[k] === undefined ? undefined : Number(v[k]));
  const out: Record<string, unknown> = {
    run: v.run,
    panel: v.panel,
    format: v.format,
    step: num('step'),
    width: v.width,
    dpi: num('dpi'),
    layer: v.layer,
    x: v.x,
    log: v.log || undefined,
    with: typeof v.with === 'string' ? v.with.split(',').filter(Boolean) : undefined,
    frames: num('frames'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined));
}
