/**
 * The forward mask of a SOM-gated layer as a lookup table: row j* holds m_j for winner j*
 * (docs/SCIENCE.md §4): m_j = exp(−d(j, j*)² / 2σ_fwd²), thresholded m·[m > θ], or exactly the K units nearest
 * the winner (the budget baselines). σ_fwd = ∞ is no mask at all (m ≡ 1).
 */
export interface MaskOptions {
  sigmaFwd: number | 'inf';
  threshold: number;
  activeUnits?: number;
  /** 'eval': training masks use θ = 0, evaluation masks θ (docs/threshold-mask.md). */
  thresholdAt?: 'train-and-eval' | 'eval';
}

export function maskTable(dist2: Float32Array, n: number, o: MaskOptions): Float32Array {
  const t = new Float32Array(n * n);
  if (o.activeUnits !== undefined) {
    if (o.activeUnits > n) throw new Error(`activeUnits is ${o.activeUnits} but the layer has only ${n} units`);
    for (let w = 0; w < n; w++) {
      // The K nearest on the grid, ties broken by index so the table is deterministic.
      const order = Array.from({ length: n }, (_, j) => j).sort(
        (a, b) => dist2[w * n + a]! - dist2[w * n + b]! || a - b,
      );
      for (const j of order.slice(0, o.activeUnits)) t[w * n + j] = 1;
    }
    return t;
  }
  if (o.sigmaFwd === 'inf') return t.fill(1);
  if (!(o.sigmaFwd > 0)) throw new Error(`sigmaFwd must be > 0 or "inf", received ${o.sigmaFwd}`);
  const s2 = 2 * o.sigmaFwd * o.sigmaFwd;
  for (let i = 0; i < n * n; i++) {
    const m = Math.exp(-dist2[i]! / s2);
    t[i] = m > o.threshold ? m : 0;
  }
  return t;
}

/** A unit counts as active when its mask is above 0.01, or above θ when a threshold is set. */
export const activeLevel = (threshold: number): number => Math.max(0.01, threshold);
