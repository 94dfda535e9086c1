import { describe, expect, it } from 'vitest';
import { contingency, nmi, purity } from '.';

const i32 = (a: number[]) => Int32Array.from(a);

describe('contingency', () => {
  it('counts class per cluster over labelled samples, ids compacted and sorted', () => {
    // Cluster 9 holds only an unlabelled sample, so it does not appear.
    const t = contingency(i32([7, 3, 3, 3, 7, 9]), i32([1, 0, 0, 1, 1, -1]));
    expect(Array.from(t.clusters)).toEqual([3, 7]);
    expect(Array.from(t.classes)).toEqual([0, 1]);
    expect(Array.from(t.counts)).toEqual([2, 1, 0, 2]);
    expect(t.n).toBe(5);
  });
  it('names both arrays when their lengths differ', () => {
    expect(() => contingency(i32([0, 1]), i32([0]))).toThrow(/assign and labels.*2 and 1/);
  });
});

describe('purity', () => {
  it('by hand: clusters {0: a a b, 1: b b} → (2 + 2) / 5', () => {
    expect(purity(i32([0, 0, 0, 1, 1]), i32([0, 0, 1, 1, 1]))).toBeCloseTo(0.8, 12);
  });
  it('ignores label −1, is 1 for singletons and 0 with nothing labelled', () => {
    expect(purity(i32([0, 0, 1]), i32([1, 1, -1]))).toBe(1);
    expect(purity(i32([0, 1, 2, 3]), i32([0, 0, 1, 1]))).toBe(1);
    expect(purity(i32([0, 1]), i32([-1, -1]))).toBe(0);
  });
  it('one cluster over two even classes → 1/2', () => {
    expect(purity(i32([4, 4, 4, 4]), i32([0, 1, 0, 1]))).toBe(0.5);
  });
});

describe('nmi', () => {
  it('is 1 for the same partition up to renaming', () => {
    expect(nmi(i32([5, 5, 7, 7, 2]), i32([0, 0, 1, 1, 2]))).toBeCloseTo(1, 12);
  });
  it('is 0 for independent partitions', () => {
    expect(nmi(i32([0, 1, 0, 1]), i32([0, 0, 1, 1]))).toBeCloseTo(0, 12);
  });
  it('by hand: joint (0,0) 2/5, (0,1) 1/5, (1,1) 2/5 → 2·I/(H_A+H_L) ≈ 0.43254', () => {
    // I = 0.8·ln(5/3) + 0.2·ln(5/9) = 0.291103; H_A = H_L = −(0.6 ln 0.6 + 0.4 ln 0.4) = 0.673012.
    expect(nmi(i32([0, 0, 0, 1, 1]), i32([0, 0, 1, 1, 1]))).toBeCloseTo((2 * 0.291103) / (2 * 0.673012), 5);
    expect(nmi(i32([0, 0, 0, 1, 1]), i32([0, 0, 1, 1, 1]))).toBeCloseTo(0.43254, 5);
  });
  it('every sample its own cluster: I = H_L = ln 2, H_A = ln 4 → 2 ln2 / (ln4 + ln2) = 2/3', () => {
    expect(nmi(i32([0, 1, 2, 3]), i32([0, 0, 1, 1]))).toBeCloseTo(2 / 3, 12);
  });
  it('degenerate cases: one cluster & one class → 1; one cluster, two classes → 0; nothing labelled → 0', () => {
    expect(nmi(i32([3, 3, 3]), i32([1, 1, 1]))).toBe(1);
    expect(nmi(i32([3, 3, 3, 3]), i32([0, 1, 0, 1]))).toBe(0);
    expect(nmi(i32([0, 1, 2]), i32([1, 1, 1]))).toBe(0);
    expect(nmi(i32([0, 1]), i32([-1, -1]))).toBe(0);
  });
  it('ignores unlabelled samples', () => {
    expect(nmi(i32([5, 5, 7, 7, 5]), i32([0, 0, 1, 1, -1]))).toBeCloseTo(1, 12);
  });
});
