/**
 * How well a clustering (SOM winners) separates labelled classes. Labels −1 are ignored.
 * purity = Σ_clusters max_class n_{c,k} / n;  NMI = 2·I(A;L) / (H(A) + H(L)), natural logs.
 */
export function contingency(assign: Int32Array, labels: Int32Array): Map<number, Map<number, number>> {
  const t = new Map<number, Map<number, number>>();
  assign.forEach((a, i) => {
    const l = labels[i]!;
    if (l < 0) return;
    const row = t.get(a) ?? new Map<number, number>();
    row.set(l, (row.get(l) ?? 0) + 1);
    t.set(a, row);
  });
  return t;
}

export function purity(assign: Int32Array, labels: Int32Array): number {
  let n = 0,
    hit = 0;
  for (const row of contingency(assign, labels).values()) {
    let best = 0;
    for (const c of row.values()) {
      n += c;
      best = Math.max(best, c);
    }
    hit += best;
  }
  return n === 0 ? 0 : hit / n;
}

const entropy = (counts: Iterable<number>, n: number): number => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

export function nmi(assign: Int32Array, labels: Int32Array): number {
  const t = contingency(assign, labels);
  const byA = new Map<number, number>(),
    byL = new Map<number, number>();
  let n = 0;
  for (const [a, row] of t)
    for (const [l, c] of row) {
      n += c;
      byA.set(a, (byA.get(a) ?? 0) + c);
      byL.set(l, (byL.get(l) ?? 0) + c);
    }
  if (n === 0) return 0;
  let mi = 0;
  for (const [a, row] of t) for (const [l, c] of row) mi += (c / n) * Math.log((c * n) / (byA.get(a)! * byL.get(l)!));
  const h = entropy(byA.values(), n) + entropy(byL.values(), n);
  // One cluster and one class: both partitions are trivial and identical.
  return h === 0 ? 1 : (2 * mi) / h;
}
