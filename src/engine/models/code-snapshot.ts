/**
 * A kWTA code's health as a lattice view: its per-unit firing (./unit-firing, the same computation and the
 * same snapshot fields as a mask layer's) on the grid codeGrid lays the code on, so the grid panel paints
 * Firing (dead ×, always-on ○), Class firing and the hit map for it as it does for a SOM mask.
 */
import type { SomSnapshot } from '../../shared/run-types';
import { codeGrid } from '../../shared/map/firing';
import type { Firing } from './unit-firing';

/** The code's snapshot; `samples` is how many evaluation samples the rates were taken on. */
export function codeSnapshot(step: number, layer: string, fired: Firing, samples: number): SomSnapshot {
  const n = fired.firing.length,
    { rows, cols } = codeGrid(n);
  const byClass = fired.firingByClass;
  return {
    step,
    layer,
    rows,
    cols,
    topology: 'rect',
    codeLayout: true,
    // Each unit's vector is its per-class firing profile (no weights live on this grid).
    shape: [byClass ? byClass.length / n : 1],
    codebook: byClass ?? fired.firing,
    // Samples the unit fired for: a kWTA unit "wins" when it is one of the k winners.
    hits: Float32Array.from(fired.firing, (r) => Math.round(r * samples)),
    umatrix: new Float32Array(n),
    firing: fired.firing,
    ...(byClass ? { firingByClass: byClass } : {}),
  };
}

/** Unit-major [N × C] rates as class-major [C × N] (the mean SDR per class). */
export function classMajor(byClass: Float32Array, n: number, c: number): Float32Array {
  const out = new Float32Array(n * c);
  for (let j = 0; j < n; j++) for (let k = 0; k < c; k++) out[k * n + j] = byClass[j * c + k]!;
  return out;
}
