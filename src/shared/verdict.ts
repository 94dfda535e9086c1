/**
 * Verdicts for the reproduction report: does a run (or a sweep's runs) match what its seed reports?
 * One seed (`verdict`): `reproduced` when the reference holds, `partially` when it holds within twice the
 * tolerance or only at the ends of an ordering, `not reproduced` otherwise. Higher metric values are better
 * in orderings. Several seeds (`verdictAcrossSeeds`): orderings are judged by the 95 % interval of the
 * paired per-seed differences, so a margin inside the noise is `same`, never a win or a loss.
 */
import type { Reference } from './run-types';
import { mean, pairedInterval, type Interval } from './stats';

export type Verdict = 'reproduced' | 'partially' | 'not reproduced' | 'no reference';
/** Across seeds a margin can also be a tie: inside the seed-to-seed noise. */
export type SeedsVerdict = Verdict | 'same';

export interface VariantResult {
  label: string;
  metrics: Record<string, number>;
}

function orderVerdict(ref: Reference, results: VariantResult[]): Verdict {
  const tol = ref.tolerance ?? 0;
  const value = (label: string): number => results.find((r) => r.label === label)?.metrics[ref.metric] ?? NaN;
  const vals = ref.order!.map(value);
  if (vals.some((v) => Number.isNaN(v))) return 'not reproduced';
  // Each variant must not fall below the next by more than the tolerance (a negative tolerance demands a
  // strict margin); within three tolerances, or right at the ends only, is partial.
  const within = (t: number) => vals.slice(1).every((v, i) => vals[i]! + t >= v);
  if (within(tol)) return 'reproduced';
  if ((tol > 0 && within(3 * tol)) || (vals.length > 2 && vals[0]! + tol >= vals[vals.length - 1]!)) return 'partially';
  return 'not reproduced';
}

export function verdict(ref: Reference | undefined, results: VariantResult[]): Verdict {
  if (!ref) return 'no reference';
  if (ref.also) {
    // Two conditions (e.g. sparsity and accuracy): both must hold; one of them is partial.
    const a = verdict({ ...ref, also: undefined }, results),
      b = verdict(ref.also, results);
    if (a === b) return a;
    return a === 'not reproduced' && b === 'not reproduced' ? 'not reproduced' : 'partially';
  }
  if (ref.order) return orderVerdict(ref, results);
  const v = (ref.variant ? results.find((r) => r.label === ref.variant) : results[0])?.metrics[ref.metric];
  if (v === undefined || Number.isNaN(v)) return 'not reproduced';
  if (ref.atMost !== undefined && v > ref.atMost) return v <= ref.atMost * 1.5 ? 'partially' : 'not reproduced';
  if (ref.atLeast !== undefined && v < ref.atLeast)
    return v >= ref.atLeast - (ref.tolerance ?? 0) ? 'partially' : 'not reproduced';
  if (ref.value !== undefined) {
    const d = Math.abs(v - ref.value),
      tol = ref.tolerance ?? 0;
    return d <= tol ? 'reproduced' : d <= 2 * tol ? 'partially' : 'not reproduced';
  }
  return 'reproduced';
}

/** One ordered pair across seeds: ahead (interval above the bar), behind (below it) or within noise. */
export type PairOutcome = 'ahead' | 'same' | 'behind';

/**
 * A claim "A better than B" clears 0; "A competitive with B" (ref.claim) clears −tolerance: A may trail by
 * up to the tolerance. The interval is of the mean paired difference A − B over the seeds.
 */
export function pairOutcome(iv: Interval, bar: number): PairOutcome {
  if (iv.mean - iv.half > bar) return 'ahead';
  if (iv.mean + iv.half < bar) return 'behind';
  return 'same';
}

const valuesOf = (perSeed: VariantResult[][], label: string, metric: string): number[] =>
  perSeed.map((rs) => rs.find((r) => r.label === label)?.metrics[metric] ?? NaN);

/** Per-variant means over the seeds, for value and bound checks. */
function meanResults(perSeed: VariantResult[][]): VariantResult[] {
  return perSeed[0]!.map(({ label }) => {
    const keys = Object.keys(perSeed[0]!.find((r) => r.label === label)!.metrics);
    return { label, metrics: Object.fromEntries(keys.map((k) => [k, mean(valuesOf(perSeed, label, k))])) };
  });
}

function orderAcrossSeeds(ref: Reference, perSeed: VariantResult[][]): SeedsVerdict {
  const order = ref.order!;
  const bar = ref.claim === 'competitive' ? -(ref.tolerance ?? 0) : 0;
  const pairs: PairOutcome[] = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const a = valuesOf(perSeed, order[i]!, ref.metric),
      b = valuesOf(perSeed, order[i + 1]!, ref.metric);
    if ([...a, ...b].some((v) => Number.isNaN(v))) return 'not reproduced';
    pairs.push(pairOutcome(pairedInterval(a, b), bar));
  }
  if (pairs.every((p) => p === 'ahead')) return 'reproduced';
  if (pairs.some((p) => p === 'behind')) return 'not reproduced';
  // A competitive claim inside the noise is not shown to hold; a strict one inside the noise is a tie.
  if (pairs.every((p) => p === 'same')) return ref.claim === 'competitive' ? 'partially' : 'same';
  return 'partially';
}

/**
 * The verdict over N seeds (perSeed[s] = every variant's result for seed s). Orderings use the paired
 * intervals above; values and bounds are checked on the seed means. One seed falls back to `verdict`.
 */
export function verdictAcrossSeeds(ref: Reference | undefined, perSeed: VariantResult[][]): SeedsVerdict {
  if (!ref) return 'no reference';
  if (perSeed.length === 0) return 'not reproduced';
  if (perSeed.length === 1) return verdict(ref, perSeed[0]!);
  if (ref.also) {
    const a = verdictAcrossSeeds({ ...ref, also: undefined }, perSeed),
      b = verdictAcrossSeeds(ref.also, perSeed);
    if (a === b) return a;
    return a === 'not reproduced' && b === 'not reproduced' ? 'not reproduced' : 'partially';
  }
  if (ref.order) return orderAcrossSeeds(ref, perSeed);
  return verdict(ref, meanResults(perSeed));
}
