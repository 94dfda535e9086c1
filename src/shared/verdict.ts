/**
 * Verdicts for the reproduction report: does a run (or a sweep's runs) match what its seed reports?
 * `reproduced` when the reference holds, `partially` when it holds within twice the tolerance or only at
 * the ends of an ordering, `not reproduced` otherwise. Higher metric values are better in orderings.
 */
import type { Reference } from './run-types';

export type Verdict = 'reproduced' | 'partially' | 'not reproduced' | 'no reference';

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
