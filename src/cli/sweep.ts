/**
 * `somlab sweep --sweep FILE | --preset NAME [--executor local|slurm]`: the sweep is checked whole (every
 * variant a valid spec), saved into the project (sweeps/<id>/sweep.json), then run by an executor: local
 * trainers N at once, or a Slurm array job. Every variant is a normal run in the project, grouped.
 */
import { resolve } from 'node:path';
import { findPreset } from '../shared/presets';
import type { Reference } from '../shared/run-types';
import { presetSweep, setPath, sweepId } from '../shared/sweep';
import { parseSweepSpec, type SweepSpec } from '../shared/sweep-spec';
import { checkSweep } from '../shared/sweep-validate';
import { verdict } from '../shared/verdict';
import { readSweepFile, saveSweep, sweepFile } from '../engine/runs';
import type { CliArgs } from './args';
import { table } from './list';
import { describeMetric } from './reproduce';
import { ensureProject } from './run';
import { slurmConfig } from './slurm/config';
import { follow, report, scriptOf, submit } from './slurm/submit';
import { runLocal, type LocalOutcome } from './sweep-local';
import { admitForCli } from './train-one';

/** The sweep as typed (a file or a preset), with --epochs and --backend laid over its base. */
export async function sweepFromArgs(
  args: Pick<CliArgs, 'preset' | 'sweepFile' | 'epochs' | 'backend'>,
): Promise<SweepSpec> {
  const sweep = args.preset
    ? parseSweepSpec(presetSweep(findPreset(args.preset)), `preset ${args.preset}`)
    : await readSweepFile(args.sweepFile!);
  let base = sweep.base;
  if (args.epochs) base = setPath(base, 'epochs', args.epochs);
  if (args.backend) base = setPath(base, 'backend', args.backend);
  return { ...sweep, base };
}

function outcomeTable(outcomes: readonly LocalOutcome[], reference?: Reference): string {
  const metric = reference?.metric;
  return table([
    ['INDEX', 'VARIANT', 'RUN', 'STATUS', 'WALL', metric ?? 'FINAL'],
    ...outcomes.map((r) => [
      String(r.index),
      r.label,
      r.runId,
      r.status,
      `${(r.wallMs / 1000).toFixed(1)} s`,
      metric ? describeMetric(metric, r.finalMetrics[metric]) : JSON.stringify(r.finalMetrics),
    ]),
  ]);
}

async function slurmSweep(args: CliArgs, sweep: SweepSpec, id: string): Promise<number> {
  const projectDir = resolve(args.project);
  const config = await slurmConfig(args.slurm, args.parallel);
  const s = { sweep, id, projectDir, config, sweepFile: sweepFile(projectDir, id) };
  if (args.dryRun) {
    console.log(scriptOf(s));
    return 0;
  }
  await ensureProject(projectDir);
  await saveSweep(projectDir, sweep);
  const jobId = await submit(s);
  console.error(`sweep ${id}: submitted array job ${jobId} (${sweep.name})`);
  if (args.detach) {
    console.log(`follow it with: somlab slurm status ${id} --project ${projectDir}`);
    return 0;
  }
  return report(s, await follow(s));
}

export async function sweepCommand(args: CliArgs): Promise<number> {
  const sweep = await sweepFromArgs(args);
  const { variants } = checkSweep(sweep, args.preset ? `preset ${args.preset}` : `sweep file ${args.sweepFile}`);
  const id = sweepId(sweep);
  if (args.executor === 'slurm') return slurmSweep(args, sweep, id);
  if (args.dryRun) {
    console.log(table([['INDEX', 'VARIANT'], ...variants.map((v) => [String(v.index), v.label])]));
    return 0;
  }
  for (const v of variants) admitForCli(v.parsed, args.memoryBudget); // refuse the whole sweep before any runs
  await ensureProject(args.project);
  await saveSweep(args.project, sweep);
  const outcomes = await runLocal({
    id,
    sweep,
    variants,
    project: args.project,
    data: args.data,
    parallel: args.parallel,
    memoryBudget: args.memoryBudget,
  });
  const reference = args.preset ? findPreset(args.preset).reference : undefined;
  console.log(outcomeTable(outcomes, reference));
  const failed = outcomes.some((r) => r.status === 'failed');
  if (reference && !failed) {
    const results = outcomes.map((r) => ({ label: r.label, metrics: r.finalMetrics }));
    console.log(`verdict against the seed (${reference.figure}): ${verdict(reference, results)}`);
  }
  return failed ? 1 : 0;
}
