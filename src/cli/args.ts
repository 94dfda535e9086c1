/** Tiny argument parsing on node:util parseArgs, with errors that list what is accepted. */
import { parseArgs } from 'node:util';

export const COMMANDS = ['run', 'sweep', 'reproduce', 'list', 'presets', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
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
}

export const USAGE = `usage: somlab <command> [options]

commands:
  run        --preset NAME | --spec FILE  [--project DIR] [--backend NAME] [--epochs N] [--data DIR]...
  sweep      --preset NAME | --spec FILE  (a preset with variants, or {"sweep": name, "variants": [{label, spec}]})
  reproduce  [--quick] [--only NAME,NAME] [--out FILE] [--from-project]  (every seed preset; a markdown table)
  list     [--project DIR] [--json]
  presets  [--json]

--project defaults to ./somlab-project; --data adds a folder that dataset paths may point into.`;

export function parseCli(argv: string[]): CliArgs {
  const [command = 'help', ...rest] = argv;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`unknown command "${command}": expected one of ${COMMANDS.join(', ')}\n\n${USAGE}`);
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
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
    },
  });
  let epochs: number | undefined;
  if (values.epochs !== undefined) {
    epochs = Number(values.epochs);
    if (!Number.isInteger(epochs) || epochs < 1)
      throw new Error(`--epochs: expected a whole number ≥ 1, received "${values.epochs}"`);
  }
  if ((command === 'run' || command === 'sweep') && !values.preset === !values.spec) {
    throw new Error(`${command}: give exactly one of --preset NAME or --spec FILE`);
  }
  return {
    command: command as Command,
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
  };
}
