/**
 * Binary codes (kWTA SDRs) as [n, N] 0/1 arrays: firing rates, mean SDR per class, class-code overlaps and
 * binned information-plane estimates I(X;T) = H(T) (distinct inputs), I(T;Y) = H(T) − H(T|Y), in bits.
 */
import { isAlwaysOn, isDead } from '../../shared/map/firing';
import { kmeans } from './kmeans';

export function firingRates(codes: Float32Array, n: number, N: number): Float32Array {
  const r = new Float32Array(N);
  for (let i = 0; i < n; i++) for (let j = 0; j < N; j++) r[j]! += codes[i * N + j]! / n;
  return r;
}

/** Entropy in bits of the normalised firing distribution p_j = rate_j / Σ rate (max log2 N: all equal). */
export function firingEntropy(rates: ArrayLike<number>): number {
  let total = 0;
  for (let j = 0; j < rates.length; j++) total += Math.max(0, rates[j]!);
  if (total <= 0) return 0;
  let h = 0;
  for (let j = 0; j < rates.length; j++) {
    const p = Math.max(0, rates[j]!) / total;
    if (p > 0) h -= p * Math.log2(p);
  }
  return h;
}

export interface FiringSummary {
  /** firingEntropy of the rates, bits. */
  entropy: number;
  /** Units that never fired / fired on every sample of the set. */
  dead: number;
  alwaysOn: number;
  /** Mean rate: the fraction of active units per sample. */
  sparsity: number;
}

export function firingSummary(rates: ArrayLike<number>): FiringSummary {
  let dead = 0,
    alwaysOn = 0,
    sum = 0;
  for (let j = 0; j < rates.length; j++) {
    const r = rates[j]!;
    sum += r;
    if (isDead(r)) dead++;
    if (isAlwaysOn(r)) alwaysOn++;
  }
  return { entropy: firingEntropy(rates), dead, alwaysOn, sparsity: rates.length ? sum / rates.length : 0 };
}

/** [C, N]: how often each neuron fires for each class. */
export function meanSdrPerClass(codes: Float32Array, labels: Int32Array, N: number, C: number): Float32Array {
  const sum = new Float32Array(C * N),
    count = new Float32Array(C);
  labels.forEach((y, i) => {
    if (y < 0 || y >= C) return;
    count[y]! += 1;
    for (let j = 0; j < N; j++) sum[y * N + j]! += codes[i * N + j]!;
  });
  for (let c = 0; c < C; c++) for (let j = 0; j < N; j++) sum[c * N + j]! /= Math.max(1, count[c]!);
  return sum;
}

/** Overlap [C, C] of the class codes: the k most frequent neurons of each class, k = mean active count. */
export function classOverlaps(meanSdr: Float32Array, C: number, N: number, k: number): Int32Array {
  const sets = Array.from(
    { length: C },
    (_, c) =>
      new Set(
        Array.from({ length: N }, (_, j) => j)
          .sort((a, b) => meanSdr[c * N + b]! - meanSdr[c * N + a]!)
          .slice(0, k),
      ),
  );
  const out = new Int32Array(C * C);
  for (let a = 0; a < C; a++)
    for (let b = 0; b < C; b++) {
      let o = 0;
      for (const j of sets[a]!) if (sets[b]!.has(j)) o++;
      out[a * C + b] = o;
    }
  return out;
}

function entropyBits(counts: Map<string | number, number>, n: number): number {
  let h = 0;
  for (const c of counts.values()) h -= (c / n) * Math.log2(c / n);
  return h;
}

/** I(X;T) = H(T) (distinct inputs) and I(T;Y) = H(T) − H(T|Y), in bits, from each sample's bin of T. */
export function infoFromBins(bins: ArrayLike<string | number>, labels: Int32Array): { ixt: number; ity: number } {
  const n = bins.length;
  if (n === 0) return { ixt: 0, ity: 0 };
  const all = new Map<string | number, number>(),
    byY = new Map<number, Map<string | number, number>>();
  for (let i = 0; i < n; i++) {
    const b = bins[i]!,
      y = labels[i]!;
    all.set(b, (all.get(b) ?? 0) + 1);
    const m = byY.get(y) ?? new Map<string | number, number>();
    m.set(b, (m.get(b) ?? 0) + 1);
    byY.set(y, m);
  }
  const hT = entropyBits(all, n);
  let hTgivenY = 0;
  for (const m of byY.values()) {
    let ny = 0;
    for (const c of m.values()) ny += c;
    hTgivenY += (ny / n) * entropyBits(m, ny);
  }
  return { ixt: hT, ity: hT - hTgivenY };
}

/** Binned MI: each unit of T is binned into `bins` equal-width bins over T's range; a sample's bin is the tuple. */
export function infoPlane(
  t: Float32Array,
  n: number,
  N: number,
  labels: Int32Array,
  bins = 2,
): { ixt: number; ity: number } {
  let lo = Infinity,
    hi = -Infinity;
  for (const v of t) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = (hi - lo) / bins || 1;
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    let k = '';
    for (let j = 0; j < N; j++)
      k += String.fromCharCode(48 + Math.min(bins - 1, Math.floor((t[i * N + j]! - lo) / width)));
    keys.push(k);
  }
  return infoFromBins(keys, labels);
}

/** MI with T quantised as whole vectors into `bins` k-means clusters (bounded by log2 bins, not log2 n). */
export function infoPlaneKMeans(
  t: Float32Array,
  n: number,
  N: number,
  labels: Int32Array,
  bins = 20,
  seed = 0,
): { ixt: number; ity: number } {
  return infoFromBins(kmeans(t, n, N, bins, seed), labels);
}
