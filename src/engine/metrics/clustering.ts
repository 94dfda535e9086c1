/**
 * How well a clustering (e.g. SOM winner indices) separates labelled classes. Samples whose label is
 * negative (−1: unlabelled) are left out of every score; every assign value, negative or not, is a cluster id.
 */
import { checkSameLength, entropyOfCounts } from './common';

/** Dense cluster × class count table over the labelled samples. */
export interface Contingency {
  /** Distinct cluster ids met, ascending: row r of `counts` is cluster `clusters[r]`. */
  clusters: Int32Array;
  /** Distinct class labels met (≥ 0), ascending: column c of `counts` is class `classes[c]`. */
  classes: Int32Array;
  /** n_{k,c}: samples of cluster k with label c, row-major [clusters.length, classes.length]. */
  counts: Int32Array;
  /** Labelled samples counted: Σ n_{k,c}. */
  n: number;
}

function sortedIndex(ids: Set<number>): { sorted: Int32Array; at: Map<number, number> } {
  const sorted = Int32Array.from(ids).sort();
  return { sorted, at: new Map(Array.from(sorted, (id, i) => [id, i])) };
}

/** n_{k,c} = #{i : assign_i = k, labels_i = c}, labels < 0 skipped; ids are compacted, so sparse ids cost nothing. */
export function contingency(assign: Int32Array, labels: Int32Array): Contingency {
  checkSameLength('assign', assign.length, 'labels', labels.length);
  const ks = new Set<number>(), cs = new Set<number>();
  for (let i = 0; i < assign.length; i++) if (labels[i]! >= 0) { ks.add(assign[i]!); cs.add(labels[i]!); }
  const k = sortedIndex(ks), c = sortedIndex(cs);
  const counts = new Int32Array(k.sorted.length * c.sorted.length);
  let n = 0;
  for (let i = 0; i < assign.length; i++) {
    if (labels[i]! < 0) continue;
    counts[k.at.get(assign[i]!)! * c.sorted.length + c.at.get(labels[i]!)!]! += 1;
    n++;
  }
  return { clusters: k.sorted, classes: c.sorted, counts, n };
}

/** purity = (1/n) Σ_k max_c n_{k,c}: each cluster votes its majority class. 0 when nothing is labelled. */
export function purity(assign: Int32Array, labels: Int32Array): number {
  const t = contingency(assign, labels);
  if (t.n === 0) return 0;
  const C = t.classes.length;
  let hit = 0;
  for (let r = 0; r < t.clusters.length; r++) {
    let best = 0;
    for (let c = 0; c < C; c++) best = Math.max(best, t.counts[r * C + c]!);
    hit += best;
  }
  return hit / t.n;
}

/**
 * NMI = 2·I(A;L) / (H(A) + H(L)) (arithmetic normalisation, natural logs; the ratio does not depend on
 * the base), I(A;L) = Σ p_{k,c} ln(p_{k,c} / (p_k p_c)). 1 for the same partition up to renaming, 0 for
 * independent ones. Degenerate cases: one cluster and one class (H(A) = H(L) = 0) are the same trivial
 * partition → 1; only one side trivial → I = 0 → 0; nothing labelled → 0.
 */
export function nmi(assign: Int32Array, labels: Int32Array): number {
  const t = contingency(assign, labels);
  if (t.n === 0) return 0;
  const K = t.clusters.length, C = t.classes.length, n = t.n;
  const byK = new Float64Array(K), byC = new Float64Array(C);
  for (let r = 0; r < K; r++) for (let c = 0; c < C; c++) { byK[r]! += t.counts[r * C + c]!; byC[c]! += t.counts[r * C + c]!; }
  const hSum = entropyOfCounts(byK, Math.log) + entropyOfCounts(byC, Math.log);
  if (hSum === 0) return 1;
  let mi = 0;
  for (let r = 0; r < K; r++) {
    for (let c = 0; c < C; c++) {
      const nkc = t.counts[r * C + c]!;
      if (nkc > 0) mi += (nkc / n) * Math.log((nkc * n) / (byK[r]! * byC[c]!));
    }
  }
  // Rounding can push a perfect match a hair past 1 or an independent pair a hair below 0.
  return Math.min(1, Math.max(0, (2 * mi) / hSum));
}
