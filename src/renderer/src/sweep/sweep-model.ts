/**
 * A sweep as the sweep view shows it: its variants (the newest run of each), the hyper-parameters that vary
 * between them (the spec fields that differ, shared/spec-diff), the final metrics they report, and the best
 * variant by a metric (lower is better for errors and losses, higher for accuracies).
 */
import type { RunSummary } from '../../../shared/project';
import type { ExperimentSpec } from '../../../shared/spec';
import { specDiff, type Leaf } from '../../../shared/spec-diff';

export interface SweepVariant {
  id: string;
  status: RunSummary['status'];
  /** The variant's index in its sweep file, where the run records one. */
  index?: number;
  params: Record<string, Leaf | undefined>;
  metrics: Record<string, number>;
}

export interface SweepModel {
  variants: SweepVariant[];
  /** Fields that vary between the variants, in spec order. */
  params: string[];
  /** Final metrics any variant reports, finite values only. */
  metrics: string[];
}

/** Fields that label runs without being hyper-parameters. */
const NOT_PARAMS = new Set(['name', 'preset']);

/** Groups of the run list with at least two runs (a sweep's variants), newest first, with their sizes. */
export function sweepGroups(list: readonly RunSummary[]): { group: string; runs: number }[] {
  const sizes = new Map<string, number>();
  for (const r of list) if (r.group) sizes.set(r.group, (sizes.get(r.group) ?? 0) + 1);
  return [...sizes].filter(([, n]) => n >= 2).map(([group, runs]) => ({ group, runs }));
}

/** The group's runs, one per variant: a variant run again (Slurm resubmit) counts by its newest run. */
export function variantRuns(list: readonly RunSummary[], group: string): RunSummary[] {
  const seen = new Set<string>();
  const out: RunSummary[] = [];
  for (const r of list) {
    if (r.group !== group) continue;
    const key = r.sweep ? `${r.sweep.id}#${r.sweep.index}` : r.id;
    if (seen.has(key)) continue; // the list is newest first
    seen.add(key);
    out.push(r);
  }
  return out.sort((a, b) => (a.sweep?.index ?? 0) - (b.sweep?.index ?? 0) || a.startedAt.localeCompare(b.startedAt));
}

export function buildSweep(runs: readonly RunSummary[], specs: ReadonlyMap<string, ExperimentSpec>): SweepModel {
  const known = runs.filter((r) => specs.has(r.id));
  const diff = specDiff(known.map((r) => specs.get(r.id))).filter((d) => !NOT_PARAMS.has(d.field));
  const variants = known.map((r, k) => ({
    id: r.id,
    status: r.status,
    ...(r.sweep ? { index: r.sweep.index } : {}),
    params: Object.fromEntries(diff.map((d) => [d.field, d.values[k]])),
    metrics: Object.fromEntries(Object.entries(r.finalMetrics).filter(([, v]) => Number.isFinite(v))),
  }));
  const metrics = [...new Set(variants.flatMap((v) => Object.keys(v.metrics)))];
  return { variants, params: diff.map((d) => d.field), metrics };
}

/** Errors, losses and distances go down; accuracies and scores go up. */
export const lowerIsBetter = (metric: string): boolean => !/acc|auc|f1|purity|nmi|score|precision|recall/i.test(metric);

/** The finished variant with the best value of `metric`, or undefined when none has it. */
export function bestVariant(model: SweepModel, metric: string): SweepVariant | undefined {
  const sign = lowerIsBetter(metric) ? 1 : -1;
  let best: SweepVariant | undefined;
  for (const v of model.variants) {
    const x = v.metrics[metric];
    if (v.status !== 'finished' || x === undefined) continue;
    if (!best || sign * x < sign * best.metrics[metric]!) best = v;
  }
  return best;
}

/** The metric a sweep is judged by first: accuracy where there is one, else QE, else the first. */
export function defaultMetric(metrics: readonly string[]): string | undefined {
  return ['testAccuracy', 'accuracy', 'qe', 'somQe', 'loss'].find((m) => metrics.includes(m)) ?? metrics[0];
}
