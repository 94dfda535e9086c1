/** The error measure of the tests that hold a kernel or a backend against a reference (naive loop, cpu). */

/** Largest |a − b| over the largest |a|: a relative error that tiny entries cannot inflate. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0,
    scale = 0;
  for (let k = 0; k < a.length; k++) {
    diff = Math.max(diff, Math.abs(a[k]! - b[k]!));
    scale = Math.max(scale, Math.abs(a[k]!));
  }
  return diff / Math.max(scale, 1e-12);
}
