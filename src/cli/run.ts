/** `somlab run`: validate the spec, spawn the trainer process, show progress, print the final metrics. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPreset } from '../shared/presets';
import type { ExperimentSpec } from '../shared/spec';
import type { SweepRef } from '../shared/project';
import { sweepId } from '../shared/sweep';
import { checkedVariant } from '../shared/sweep-validate';
import { parseSpec } from '../shared/validate';
import { createProject, openProject, readSweepFile } from '../engine/runs';
import type { CliArgs } from './args';
import { trainOne } from './train-one';

export async function specFromArgs(args: CliArgs): Promise<ExperimentSpec> {
  let input: Record<string, unknown>;
  if (args.preset) {
    input = { ...findPreset(args.preset).spec, preset: args.preset };
  } else {
    const text = await readFile(args.spec!, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new Error(`cannot read spec file ${args.spec}: ${e.code ?? e.message}`);
    });
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new Error(`spec file ${args.spec} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (args.backend) input.backend = args.backend;
  if (args.epochs) input.epochs = args.epochs;
  return parseSpec(input, args.preset ? `preset ${args.preset}` : `spec file ${args.spec}`);
}

export async function ensureProject(dir: string): Promise<void> {
  if (existsSync(join(dir, 'somlab.json'))) await openProject(dir);
  else await createProject(dir, 'SOM Lab project');
}

/** `run --sweep FILE --index I`: one variant (a Slurm array task), grouped with its sweep. */
async function sweepVariant(args: CliArgs): Promise<{ spec: ExperimentSpec; group: string; sweep: SweepRef }> {
  const sweep = await readSweepFile(args.sweepFile!);
  const v = checkedVariant(sweep, args.index!, `sweep file ${args.sweepFile}`);
  let spec = v.parsed;
  if (args.backend || args.epochs)
    spec = parseSpec({ ...spec, backend: args.backend ?? spec.backend, epochs: args.epochs ?? spec.epochs });
  return { spec, group: sweep.name, sweep: { id: sweepId(sweep), index: v.index } };
}

export async function runCommand(args: CliArgs): Promise<number> {
  const one = args.sweepFile ? await sweepVariant(args) : { spec: await specFromArgs(args) };
  await ensureProject(args.project);
  const out = await trainOne(one.spec, {
    ...one,
    project: args.project,
    data: args.data,
    memoryBudget: args.memoryBudget,
  });
  console.log(`saved to ${join(args.project, 'runs', out.runId)}`);
  return out.status === 'failed' ? 1 : 0;
}
