/**
 * Per-neuron firing statistics of binary codes [n, N] (kWTA SDRs): how often each unit is active, how
 * evenly the work is spread (entropy), and how many units never fire or always fire.
 */
import { type BinaryCodes, checkShape, isActive } from './common';

/** Active count per neuron: c_j = #{i : codes[i, j] > 0.5}. */
export function firingCounts(codes: BinaryCodes, n: number, N: number): Int32Array {
  checkShape('firing codes', codes, n, N);
  const counts = new Int32Array(N);
  for (let i = 0, o = 0; i < n; i++, o += N) for (let j = 0; j < N; j++) if (isActive(codes[o + j]!)) counts[j]!++;
  return counts;
}

/** Firing rate per neuron: r_j = c_j / n ∈ [0, 1] (all 0 when n = 0). */
export function firingRates(codes: BinaryCodes, n: number, N: number): Float64Array {
  const counts = firingCounts(codes, n, N);
  return Float64Array.from(counts, (c) => (n === 0 ? 0 : c / n));
}

/** Binary entropy in bits: H_b(r) = −r log2 r − (1−r) log2 (1−r), 0 at r = 0 or 1, 1 at r = ½. */
export function binaryEntropy(r: number): number {
  if (r <= 0 || r >= 1) return 0;
  return -r * Math.log2(r) - (1 - r) * Math.log2(1 - r);
}

export interface FiringEntropy {
  /**
   * Mean over neurons of the binary entropy of each neuron's on/off variable: (1/N) Σ_j H_b(r_j), bits per
   * neuron, in [0, 1]. 0 when every unit is dead or always on; for kWTA with sparsity s and perfectly shared
   * load (r_j = s for all j) it reaches its ceiling H_b(s) (0.286 bits at s = 0.05).
   */
  meanBinaryBits: number;
  /**
   * Entropy of the normalised rate distribution p_j = r_j / Σ_k r_k, bits, in [0, log2 N]: log2 N when every
   * unit fires equally often, 0 when one unit does all the firing (0 also when nothing fires at all).
   */
  rateDistributionBits: number;
}

/** Both entropies of a firing-rate vector (see {@link FiringEntropy} for which is which). */
export function firingEntropy(rates: ArrayLike<number>): FiringEntropy {
  const N = rates.length;
  let binary = 0, total = 0;
  for (let j = 0; j < N; j++) { binary += binaryEntropy(rates[j]!); total += Math.max(0, rates[j]!); }
  let dist = 0;
  if (total > 0) {
    for (let j = 0; j < N; j++) {
      const p = Math.max(0, rates[j]!) / total;
      if (p > 0) dist -= p * Math.log2(p);
    }
  }
  return { meanBinaryBits: N === 0 ? 0 : binary / N, rateDistributionBits: dist };
}

export interface DeadAlive {
  /** Units with rate ≤ eps: never fired on the set. */
  dead: number;
  /** Units with rate ≥ 1 − eps: fired on every sample. */
  alwaysOn: number;
}

/**
 * Dead and always-on unit counts. Rates from {@link firingRates} are exact (c/n is exactly 0 or 1 only for
 * c = 0 or c = n), so eps = 0 is right for them; pass a small eps for rates averaged some other way (EMA).
 */
export function deadAndAlwaysOn(rates: ArrayLike<number>, eps = 0): DeadAlive {
  let dead = 0, alwaysOn = 0;
  for (let j = 0; j < rates.length; j++) {
    if (rates[j]! <= eps) dead++;
    if (rates[j]! >= 1 - eps) alwaysOn++;
  }
  return { dead, alwaysOn };
}
