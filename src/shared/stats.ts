/**
 * Small-sample statistics for repeated seeds: mean, sample standard deviation and the 95 % confidence
 * interval of a paired difference (Student's t with n − 1 degrees of freedom). Pure numbers, no tfjs.
 */

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample standard deviation (n − 1 in the denominator); 0 for a single value. */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Two-sided 95 % quantiles of Student's t for 1–30 degrees of freedom (beyond: the normal 1.96). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const t95 = (df: number): number => (df < 1 ? Infinity : (T95[df - 1] ?? 1.96));

export interface Interval {
  mean: number;
  /** Half-width of the 95 % interval: mean ± half. */
  half: number;
  n: number;
}

/** Mean and 95 % interval of the paired differences a_i − b_i (same seed, same data order). */
export function pairedInterval(a: readonly number[], b: readonly number[]): Interval {
  if (a.length !== b.length) throw new Error(`paired values need equal counts, received ${a.length} and ${b.length}`);
  const d = a.map((v, i) => v - b[i]!);
  const n = d.length;
  return { mean: mean(d), half: n < 2 ? Infinity : (t95(n - 1) * sd(d)) / Math.sqrt(n), n };
}
