/**
 * Shared conventions of the metrics: matrices are flat row-major typed arrays [rows, cols] with the shape
 * passed beside them (as the datasets do), and a code value counts as active when it is above 0.5, so hard
 * 0/1 codes (Uint8Array or Float32Array) and near-binary soft kWTA outputs read the same.
 */

/** A binary code or a stack of them: 0/1 values. */
export type BinaryCodes = Uint8Array | Float32Array | Float64Array;

export const ACTIVE_THRESHOLD = 0.5;

export const isActive = (v: number): boolean => v > ACTIVE_THRESHOLD;

/** Throws unless `data` holds exactly rows × cols values. */
export function checkShape(what: string, data: ArrayLike<number>, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new Error(`${what}: expected a non-negative integer shape [rows, cols], got [${rows}, ${cols}]`);
  }
  if (data.length !== rows * cols) {
    throw new Error(`${what}: expected ${rows}×${cols} = ${rows * cols} values for shape [${rows}, ${cols}], got ${data.length}`);
  }
}

/** Throws unless the two arrays hold one value per sample each. */
export function checkSameLength(a: string, aLen: number, b: string, bLen: number): void {
  if (aLen !== bLen) throw new Error(`${a} and ${b}: expected one value per sample in both, got ${aLen} and ${bLen}`);
}

/**
 * Entropy of a count histogram, H = −Σ (c/n)·log(c/n), with n = Σ c; `log` picks the unit (Math.log: nats,
 * Math.log2: bits). Zero counts add nothing (0·log 0 = 0); an empty histogram has entropy 0.
 */
export function entropyOfCounts(counts: Iterable<number>, log: (x: number) => number = Math.log2): number {
  let n = 0;
  const cs: number[] = [];
  for (const c of counts) if (c > 0) { n += c; cs.push(c); }
  let h = 0;
  for (const c of cs) h -= (c / n) * log(c / n);
  return h;
}
