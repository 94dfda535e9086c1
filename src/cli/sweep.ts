/** `somlab sweep`: a preset with variants, or a sweep file, run one after another into one group. */
import { readFile } from 'node:fs/promises';
import type { Preset } from '../shared/run-types';
import { findPreset } from '../shared/presets';
import { SweepSpecSchema } from '../shared/spec';
import { parseWith } from '../shared/validate';
import type { CliArgs } from './args';
import { table } from './list';
import { describeMetric, reproducePreset } from './reproduce';
import { ensureProject } from './run';

async function presetFromArgs(args: CliArgs): Promise<Preset> {
  if (args.preset) return findPreset(args.preset);
  const text = await readFile(args.spec!, 'utf8');
  const sweep = parseWith(SweepSpecSchema, JSON.parse(text), `sweep file ${args.spec}`);
  return {
    name: sweep.sweep,
    title: sweep.sweep,
    reproduces: '',
    spec: {} as Preset['spec'],
    variants: sweep.variants.map((v) => ({ label: v.label, patch: v.spec as Record<string, unknown> })),
  };
}

export async function sweepCommand(args: CliArgs): Promise<number> {
  await ensureProject(args.project);
  const preset = await presetFromArgs(args);
  const out = await reproducePreset(preset, { project: args.project, data: args.data, quick: false });
  const metric = preset.reference?.metric;
  console.log(
    table([
      ['VARIANT', 'RUN', 'STATUS', metric ?? 'FINAL'],
      ...out.runs.map((r) => [
        r.label,
        r.runId,
        r.status,
        metric ? describeMetric(metric, r.finalMetrics[metric]) : JSON.stringify(r.finalMetrics),
      ]),
    ]),
  );
  if (preset.reference) console.log(`verdict against the seed (${preset.reference.figure}): ${out.verdict}`);
  return out.runs.some((r) => r.status === 'failed') ? 1 : 0;
}
