/**
 * Reading a mask layer's per-unit firing (SomSnapshot.firing / firingByClass) as health on the lattice:
 * dead units (never fire), always-on units (fire for nearly every sample), and the class each unit serves.
 */
export const DEAD_BELOW = 0.001;
export const ALWAYS_ON_ABOVE = 0.99;

export interface UnitHealth {
  dead: number;
  alwaysOn: number;
  units: number;
}

export function unitHealth(firing: ArrayLike<number>): UnitHealth {
  let dead = 0,
    alwaysOn = 0;
  for (let i = 0; i < firing.length; i++) {
    if (firing[i]! < DEAD_BELOW) dead++;
    else if (firing[i]! > ALWAYS_ON_ABOVE) alwaysOn++;
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
