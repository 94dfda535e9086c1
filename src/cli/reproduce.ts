/**
 * `somlab reproduce [--quick] [--only a,b] [--out FILE]`: runs every seed preset (sweeps variant by variant)
 * into the project and writes a markdown table: experiment, seed figure, our figure, epochs, backend, wall
 * time, verdict. --quick runs each for a few steps on a small subset: it checks that everything runs and is
 * saved, not accuracy.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Preset } from '../shared/run-types';
import { PRESETS } from '../shared/presets';
import { expandPreset } from '../shared/sweep';
import type { ExperimentSpec } from '../shared/spec';
import { parseSpec } from '../shared/validate';
import { verdict, type VariantResult } from '../shared/verdict';
import type { CliArgs } from './args';
import { listRuns, readRun } from '../engine/runs';
import { ensureProject } from './run';
import { trainOne, type TrainOutcome } from './train-one';
import { reproduceFullCommand } from './reproduce-full';

export function quickSpec(spec: ExperimentSpec): ExperimentSpec {
  const ds = spec.dataset;
  return {
    ...spec,
    epochs: 1,
    snapshotEvery: 5,
    dataset: {
      ...ds,
      trainLimit: Math.min(ds.trainLimit ?? Infinity, 256),
      testLimit: Math.min(ds.testLimit ?? Infinity, 128),
    },
    ...('featureEpochs' in spec ? { featureEpochs: 1 } : {}),
  } as ExperimentSpec;
}

const pct = (v: number): string => `${(v * 100).toFixed(2)} %`;
export function describeMetric(metric: string, v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return 'n/a';
  return /accuracy|purity|active|strength/i.test(metric) ? pct(v) : v.toPrecision(4);
}

export interface PresetOutcome {
  preset: Preset;
  runs: (TrainOutcome & { label: string; epochs: number })[];
  verdict: string;
}

export async function reproducePreset(
  p: Preset,
  o: { project: string; data: string[]; quick: boolean },
): Promise<PresetOutcome> {
  const runs: PresetOutcome['runs'] = [];
  for (const v of expandPreset(p)) {
    let spec = parseSpec(v.spec, `preset ${p.name} / ${v.label}`);
    if (o.quick) spec = quickSpec(spec);
    const out = await trainOne(spec, {
      project: o.project,
      data: o.data,
      group: p.variants ? p.name : undefined,
      progress: !o.quick,
      label: v.label,
    });
    runs.push({ ...out, label: v.label, epochs: spec.epochs });
  }
  const results: VariantResult[] = runs.map((r) => ({ label: r.label, metrics: r.finalMetrics }));
  const failed = runs.some((r) => r.status === 'failed');
  return { preset: p, runs, verdict: failed ? 'failed' : o.quick ? 'ran (quick)' : verdict(p.reference, results) };
}

/** The figures a row shows: the reference metric (and its second condition's), plus accuracy when present. */
function figures(o: PresetOutcome, r: PresetOutcome['runs'][number]): string {
  if (r.status === 'failed') return `failed (${r.error?.slice(0, 80)})`;
  const ref = o.preset.reference;
  const keys = ref
    ? [...new Set([ref.metric, ...(ref.also ? [ref.also.metric] : []), 'testAccuracy'])]
    : Object.keys(r.finalMetrics).slice(0, 3);
  return (
    keys
      .filter((k) => r.finalMetrics[k] !== undefined)
      .map((k) => `${k} ${describeMetric(k, r.finalMetrics[k])}`)
      .join(', ') || 'n/a'
  );
}

/** Rebuilds the outcomes from runs already in the project (latest run per preset variant), no training. */
export async function outcomesFromProject(project: string, presets: Preset[]): Promise<PresetOutcome[]> {
  const runs = await listRuns(project);
  const out: PresetOutcome[] = [];
  for (const p of presets) {
    const found: PresetOutcome['runs'] = [];
    for (const v of expandPreset(p)) {
      const name = (v.spec as { name?: string }).name;
      const r = runs.find(
        (x) =>
          x.preset === p.name &&
          (name === undefined ? !x.name?.includes(' / ') : x.name === name) &&
          x.status !== 'running',
      );
      if (!r) continue;
      const detail = await readRun(project, r.id);
      found.push({
        runId: r.id,
        status: r.status === 'finished' ? 'finished' : r.status === 'stopped' ? 'stopped' : 'failed',
        finalMetrics: r.finalMetrics,
        backend: r.backend ?? '?',
        wallMs: r.endedAt ? Date.parse(r.endedAt) - Date.parse(r.startedAt) : 0,
        error: r.error,
        label: v.label,
        epochs: detail.spec.epochs,
      });
    }
    if (found.length === 0) continue;
    const complete = found.length === expandPreset(p).length && found.every((r) => r.status === 'finished');
    out.push({
      preset: p,
      runs: found,
      verdict: complete
        ? verdict(
            p.reference,
            found.map((r) => ({ label: r.label, metrics: r.finalMetrics })),
          )
        : 'incomplete',
    });
  }
  return out;
}

export function reportTable(outcomes: PresetOutcome[], command: string): string {
  const lines = [
    '# Reproduction report',
    '',
    `Command: \`${command}\``,
    '',
    `Written ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}.`,
    '',
    '| experiment | seed figure | our figure | epochs | backend | wall time | verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const o of outcomes) {
    const ours = o.runs.map((r) => `${o.runs.length > 1 ? `${r.label}: ` : ''}${figures(o, r)}`).join('; ');
    const wall = o.runs.reduce((a, r) => a + r.wallMs, 0) / 1000;
    const distinct = (f: (r: (typeof o.runs)[number]) => unknown): string => [...new Set(o.runs.map(f))].join('/');
    const cells = [
      `${o.preset.name} — ${o.preset.title}`,
      o.preset.reference?.figure ?? o.preset.reproduces,
      ours,
      distinct((r) => r.epochs),
      distinct((r) => r.backend),
      `${wall.toFixed(0)} s`,
      o.verdict,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

export async function reproduceCommand(args: CliArgs): Promise<number> {
  if (args.full) return reproduceFullCommand(args);
  await ensureProject(args.project);
  const only = args.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const presets = only ? PRESETS.filter((p) => only.includes(p.name)) : PRESETS;
  if (only && presets.length !== only.length)
    throw new Error(`unknown preset in --only: ${only.filter((n) => !PRESETS.some((p) => p.name === n)).join(', ')}`);
  if (args.fromProject) {
    const table = reportTable(
      await outcomesFromProject(args.project, presets),
      `somlab reproduce --from-project --project ${args.project}`,
    );
    if (args.out) {
      await mkdir(dirname(args.out), { recursive: true });
      await writeFile(args.out, table);
    }
    console.log(table);
    return 0;
  }
  const outcomes: PresetOutcome[] = [];
  const command = [
    'somlab reproduce',
    ...(args.quick ? ['--quick'] : []),
    ...(args.only ? ['--only', args.only] : []),
    '--project',
    args.project,
  ].join(' ');
  for (const p of presets) {
    console.error(`reproduce: ${p.name} (${p.variants?.length ?? 1} run${(p.variants?.length ?? 1) > 1 ? 's' : ''})`);
    outcomes.push(await reproducePreset(p, { project: args.project, data: args.data, quick: args.quick }));
    const table = reportTable(outcomes, command);
    if (args.out) {
      await mkdir(dirname(args.out), { recursive: true });
      await writeFile(args.out, table);
    }
  }
  console.log(reportTable(outcomes, command));
  return outcomes.some((o) => o.verdict === 'failed') ? 1 : 0;
}
