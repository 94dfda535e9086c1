/**
 * Reading per-unit firing (SomSnapshot.firing / firingByClass of mask layers and kWTA codes) as health on
 * the lattice: dead units (never fire), always-on units (fire for every sample), and the class each unit
 * serves. The one definition: the kWTA run's deadUnits / alwaysOnUnits metrics count with it too.
 */

/** Never fired on the evaluation samples. */
export const isDead = (rate: number): boolean => rate <= 0;
/** Fired on every evaluation sample; rates are float32 means of 0/1 values, so allow a rounding error. */
export const isAlwaysOn = (rate: number): boolean => rate >= 1 - 1e-6;

export interface UnitHealth {
  dead: number;
  alwaysOn: number;
  units: number;
}

export function unitHealth(firing: ArrayLike<number>): UnitHealth {
  let dead = 0,
    alwaysOn = 0;
  for (let i = 0; i < firing.length; i++) {
    if (isDead(firing[i]!)) dead++;
    else if (isAlwaysOn(firing[i]!)) alwaysOn++;
  }
  return { dead, alwaysOn, units: firing.length };
}

/**
 * Per unit: the class it fires for most (-1 when dead) and its selectivity, that class's share of the
 * unit's summed per-class rates (1/classes: no preference; 1: fires for that class only).
 */
export function preferredClass(byClass: ArrayLike<number>, units: number): { cls: Int32Array; share: Float32Array } {
  const c = byClass.length / units;
  const cls = new Int32Array(units).fill(-1),
    share = new Float32Array(units);
  for (let j = 0; j < units; j++) {
    let best = -1,
      top = 0,
      sum = 0;
    for (let k = 0; k < c; k++) {
      const v = byClass[j * c + k]!;
      sum += v;
      if (v > top) [best, top] = [k, v];
    }
    if (best >= 0 && sum > 0) [cls[j], share[j]] = [best, top / sum];
  }
  return { cls, share };
}

/**
 * How a code of n units with no lattice of its own (a kWTA code) is laid on a grid to be painted: unit j at
 * row ⌊j / cols⌋, column j mod cols, rows × cols the factorisation of n nearest to square (rows ≤ cols;
 * 512 → 16 × 32, 100 → 10 × 10, a prime p → 1 × p). Grid neighbours mean nothing: the layout only shows
 * each unit once, in index order.
 */
export function codeGrid(n: number): { rows: number; cols: number } {
  if (!Number.isInteger(n) || n < 1) throw new Error(`codeGrid: expected a unit count ≥ 1, received ${n}`);
  let rows = Math.floor(Math.sqrt(n));
  while (n % rows !== 0) rows--;
  return { rows, cols: n / rows };
}

/** The marks of dead (a cross) and always-on (a ring) units, the same on the canvas and in exported SVG. */
export const DEAD_COLOUR = '#c0392b';
export const ALWAYS_ON_COLOUR = '#e67e22';
/** Cells of units that never fire, in the class-firing view. */
export const DEAD_FILL = '#eceff3';

/** Class-firing opacity: from "no preference" (share 1/classes) to "one class only" (1), never below 0.15. */
export const selectivityOpacity = (share: number, classes: number): number =>
  Math.max(0.15, (share - 1 / classes) / (1 - 1 / classes));
