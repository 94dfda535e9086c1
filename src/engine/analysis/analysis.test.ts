import { describe, expect, it } from 'vitest';
import {
  classOverlaps,
  contingency,
  firingRates,
  firingSummary,
  infoPlane,
  infoPlaneKMeans,
  kmeans,
  meanSdrPerClass,
  nmi,
  purity,
} from '.';

const i32 = (a: number[]) => Int32Array.from(a);

describe('clustering scores', () => {
  it('purity by hand: clusters {0:[a,a,b], 1:[b,b]} → (2 + 2) / 5', () => {
    expect(purity(i32([0, 0, 0, 1, 1]), i32([0, 0, 1, 1, 1]))).toBeCloseTo(0.8);
  });
  it('NMI is 1 for the same partition renamed, 0 for independent ones; −1 labels are ignored', () => {
    expect(nmi(i32([5, 5, 7, 7]), i32([0, 0, 1, 1]))).toBeCloseTo(1);
    expect(nmi(i32([0, 1, 0, 1]), i32([0, 0, 1, 1]))).toBeCloseTo(0);
    expect(purity(i32([0, 0, 1]), i32([1, 1, -1]))).toBe(1);
  });
});

describe('clustering scores by hand', () => {
  const assign = i32([0, 0, 0, 1, 1]),
    labels = i32([0, 0, 1, 1, 1]);
  it('contingency counts class per cluster', () => {
    const t = contingency(assign, labels);
    expect([...t.get(0)!.entries()].sort()).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect([...t.get(1)!.entries()]).toEqual([[1, 2]]);
  });
  it('NMI of a partly matching partition: 2·I/(H_A + H_L) ≈ 0.4325', () => {
    // Joint p: (0,0) 2/5, (0,1) 1/5, (1,1) 2/5; both marginals (3/5, 2/5).
    const mi = 0.8 * Math.log(5 / 3) + 0.2 * Math.log(5 / 9);
    const h = -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4));
    expect(nmi(assign, labels)).toBeCloseTo((2 * mi) / (2 * h), 10);
    expect(nmi(assign, labels)).toBeCloseTo(0.4325, 4);
  });
  it('every sample its own cluster: purity 1, NMI below 1 (H_A > H_L)', () => {
    expect(purity(i32([0, 1, 2, 3]), i32([0, 0, 1, 1]))).toBe(1);
    expect(nmi(i32([0, 1, 2, 3]), i32([0, 0, 1, 1]))).toBeCloseTo((2 * Math.log(2)) / (Math.log(4) + Math.log(2)), 10);
  });
});

describe('codes', () => {
  const codes = Float32Array.from([1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1]); // 4 samples × 3 neurons
  const labels = i32([0, 0, 1, 1]);
  it('firing rates and mean SDR per class by hand', () => {
    expect(Array.from(firingRates(codes, 4, 3))).toEqual([0.5, 0.5, 0.75]);
    expect(Array.from(meanSdrPerClass(codes, labels, 3, 2))).toEqual([0.5, 0.5, 1, 0.5, 0.5, 0.5]);
  });
  it('firing summary: dead, always-on, mean rate and entropy in bits by hand', () => {
    // p = (0, 0.5, 0.25, 0.25) → H = 0.5·1 + 2·0.25·2 = 1.5 bits.
    expect(firingSummary([0, 1, 0.5, 0.5])).toEqual({ entropy: 1.5, dead: 1, alwaysOn: 1, sparsity: 0.5 });
    expect(firingSummary([0.25, 0.25, 0.25, 0.25]).entropy).toBeCloseTo(2, 12);
  });
  it('class overlaps: the k most frequent neurons of each class, intersected', () => {
    const sdr = Float32Array.from([0.9, 0.8, 0.1, 0, /* class 1 */ 0, 0.7, 0.9, 0.1]);
    expect(Array.from(classOverlaps(sdr, 2, 4, 2))).toEqual([2, 1, 1, 2]);
  });
  it('information plane by hand: T = (0,0,1,1), Y = (0,1,1,1) → I(T;Y) = 1 − ¾·H(⅓)', () => {
    const r = infoPlane(Float32Array.from([0, 0, 1, 1]), 4, 1, i32([0, 1, 1, 1]));
    const h3 = -((1 / 3) * Math.log2(1 / 3) + (2 / 3) * Math.log2(2 / 3));
    expect(r.ixt).toBeCloseTo(1, 12);
    expect(r.ity).toBeCloseTo(1 - 0.75 * h3, 6);
  });
  it("information plane bins equal widths over T's range", () => {
    // 4 bins of width 0.25: 0 and 0.1 share bin 0, 0.5 → bin 2, 1 → the last bin → H = 1.5 bits.
    expect(infoPlane(Float32Array.from([0, 0.1, 0.5, 1]), 4, 1, i32([0, 0, 1, 1]), 4).ixt).toBeCloseTo(1.5, 12);
  });
  it('class overlaps: identical classes overlap fully', () => {
    expect(Array.from(classOverlaps(Float32Array.from([1, 0, 0, 1, 0, 0]), 2, 3, 1))).toEqual([1, 1, 1, 1]);
  });
  it('information plane: constant T gives 0, one-hot of Y gives log2 C for both', () => {
    expect(infoPlane(new Float32Array(8), 4, 2, labels)).toEqual({ ixt: 0, ity: 0 });
    const onehot = Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const r = infoPlane(onehot, 4, 2, labels);
    expect(r.ixt).toBeCloseTo(1);
    expect(r.ity).toBeCloseTo(1);
  });
});

describe('k-means information plane', () => {
  // Six 2-D points in two tight groups far apart.
  const pts = Float32Array.from([0, 0, 0.1, 0, 0, 0.1, 5, 5, 5.1, 5, 5, 5.1]);
  it('k-means finds the two groups, deterministically per seed, and caps k at n', () => {
    const a = kmeans(pts, 6, 2, 2, 7);
    expect(a[0]).toBe(a[1]);
    expect(a[1]).toBe(a[2]);
    expect(a[3]).toBe(a[4]);
    expect(a[4]).toBe(a[5]);
    expect(a[0]).not.toBe(a[3]);
    expect(Array.from(kmeans(pts, 6, 2, 2, 7))).toEqual(Array.from(a));
    expect(new Set(kmeans(pts, 2, 2, 5, 0)).size).toBe(2);
  });
  it('two clusters that are the two classes: I(X;T) = I(T;Y) = 1 bit; one label swapped per cluster: 1 − H(⅓)', () => {
    const y = i32([0, 0, 0, 1, 1, 1]);
    const r = infoPlaneKMeans(pts, 6, 2, y, 2);
    expect(r.ixt).toBeCloseTo(1, 12);
    expect(r.ity).toBeCloseTo(1, 12);
    // Labels (0,0,1 | 1,1,0): H(T|Y) = H(⅓) bits per class → I(T;Y) = 1 − H(⅓).
    const h3 = -((1 / 3) * Math.log2(1 / 3) + (2 / 3) * Math.log2(2 / 3));
    expect(infoPlaneKMeans(pts, 6, 2, i32([0, 0, 1, 1, 1, 0]), 2).ity).toBeCloseTo(1 - h3, 6);
  });
  it('is bounded by log2(bins) where per-unit bins give every distinct sample its own bin', () => {
    const n = 64,
      N = 16,
      r = new Float32Array(n * N).map((_, i) => ((i * 7919) % 13 < 3 ? 1 : 0));
    const y = Int32Array.from({ length: n }, (_, i) => i % 4);
    expect(infoPlaneKMeans(r, n, N, y, 4).ixt).toBeLessThanOrEqual(2 + 1e-9);
    expect(infoPlane(r, n, N, y).ixt).toBeGreaterThan(2);
  });
});
