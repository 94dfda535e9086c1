/**
 * Time per epoch of a spec, from a stated throughput model rather than a constant: a measured rate (samples/s
 * that an earlier run of the same kind reached on this project's machine, kept in its run.json) scaled by
 * the work per sample. For the batch SOM that work is neurons × features: the distances of a batch are an
 * [m, D] × [D, N] product and the update sums hᵀX are [N, m] × [m, D], both m·N·D multiply-adds. So
 *
 *   rate(spec) = rate(ref) × (N_ref · D_ref) / (N · D),   seconds per epoch = train rows / rate(spec).
 *
 * Only the batch SOM kind is modelled (other kinds' cost depends on their layers): they get a reason instead.
 */
import type { ExperimentSpec } from '../spec';
import type { RunSummary } from '../project';
import { BUILTIN_SHAPES } from './admit';
import { limitedRows, type DataShape } from './estimate';

/** A finished run's measured rate and what it trained on. */
export interface ThroughputRef {
  runId: string;
  /** How the UI names the run (its name, else its id). */
  label: string;
  backend?: string;
  samplesPerSec: number;
  neurons: number;
  features: number;
}

export interface EpochEstimate {
  seconds: number;
  /** Training rows per epoch (after trainLimit). */
  rows: number;
  /** The rate predicted for this spec. */
  samplesPerSec: number;
  from: ThroughputRef;
  /** The reference trained neurons × features other than this spec's, so its rate was scaled. */
  scaled: boolean;
}

export type EpochEstimateResult = EpochEstimate | { reason: string };

const featuresOf = (d: DataShape): number => d.sample.reduce((a, b) => a * b, 1);

/** Neurons and features of a batch-SOM spec on data of this shape, or why the model does not cover it. */
export function somWork(spec: ExperimentSpec, d: DataShape): { neurons: number; features: number } | string {
  if (spec.kind !== 'som') return `no time estimate for kind "${spec.kind}": the throughput model covers the SOM kind`;
  if (spec.som.mode !== 'batch') return 'no time estimate for the online SOM rule: the model covers batch SOM';
  return { neurons: spec.som.rows * spec.som.cols, features: featuresOf(d) };
}

export function estimateEpochTime(
  spec: ExperimentSpec,
  d: DataShape,
  ref: ThroughputRef | undefined,
): EpochEstimateResult {
  const work = somWork(spec, d);
  if (typeof work === 'string') return { reason: work };
  if (!ref)
    return { reason: 'no time estimate yet: no finished batch-SOM run in this project has a measured samples/s' };
  const rate = (ref.samplesPerSec * ref.neurons * ref.features) / (work.neurons * work.features);
  const rows = limitedRows(spec, d).train;
  const scaled = ref.neurons !== work.neurons || ref.features !== work.features;
  return { seconds: rows / rate, rows, samplesPerSec: rate, from: ref, scaled };
}

/** A finished run as the project lists it, with its spec (for its map size, rule and dataset). */
export interface RunWithSpec {
  summary: Pick<
    RunSummary,
    'id' | 'name' | 'status' | 'kind' | 'backend' | 'samplesPerSec' | 'endedAt' | 'sampleShape'
  >;
  spec: ExperimentSpec;
}

/**
 * The reference for `spec`: the newest finished batch-SOM run with a measured rate, on the backend the spec
 * names (any backend under "auto": what auto picked on this machine), whose features are known (run.json's
 * sampleShape, or a built-in dataset's shape).
 */
export function pickThroughputRef(spec: ExperimentSpec, runs: readonly RunWithSpec[]): ThroughputRef | undefined {
  const ok = runs.flatMap(({ summary: s, spec: r }): (ThroughputRef & { at: string })[] => {
    if (s.status !== 'finished' || r.kind !== 'som' || r.som.mode !== 'batch' || !(s.samplesPerSec! > 0)) return [];
    if (spec.backend !== 'auto' && s.backend !== spec.backend) return [];
    const sample = s.sampleShape ?? (r.dataset.source === 'builtin' ? BUILTIN_SHAPES[r.dataset.name].sample : null);
    if (!sample) return [];
    const ref = {
      runId: s.id,
      label: s.name || s.id,
      samplesPerSec: s.samplesPerSec!,
      neurons: r.som.rows * r.som.cols,
      features: sample.reduce((a, b) => a * b, 1),
      at: s.endedAt ?? '',
    };
    return [s.backend ? { ...ref, backend: s.backend } : ref];
  });
  const newest = ok.sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!newest) return undefined;
  const { at: _at, ...ref } = newest;
  return ref;
}
