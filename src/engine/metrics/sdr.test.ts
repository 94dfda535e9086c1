import { describe, expect, it } from 'vitest';
import { classOverlap, difference, intersection, meanSdrPerClass, overlap, sparsity, topKRows, union } from '.';

const u8 = (a: number[]) => Uint8Array.from(a);
const i32 = (a: number[]) => Int32Array.from(a);

describe('mean SDR per class', () => {
  // 5 samples × 3 units; the last one is unlabelled.
  const codes = u8([1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1]);
  const labels = i32([0, 0, 1, 1, -1]);
  it('by hand: class 0 → [1, ½, 0], class 1 → [0, ½, 1], empty class 2 → zeros', () => {
    expect(Array.from(meanSdrPerClass(codes, labels, 5, 3, 3))).toEqual([1, 0.5, 0, 0, 0.5, 1, 0, 0, 0]);
  });
  it('rejects a label outside 0..nClasses−1', () => {
    expect(() => meanSdrPerClass(codes, i32([0, 0, 1, 2, 0]), 5, 3, 2)).toThrow(/classes 0\.\.1.*got 2 at sample 3/);
  });
  it('sparsity is the mean fraction active: 2+1+2+1+3 = 9 of 15', () => {
    expect(sparsity(codes)).toBeCloseTo(9 / 15, 12);
    expect(sparsity(Float32Array.from([0.9, 0.1]))).toBe(0.5);
    expect(sparsity(new Uint8Array(0))).toBe(0);
  });
});

describe('SDR set algebra', () => {
  const a = u8([1, 0, 1, 0]), b = Float32Array.from([0, 0, 1, 1]);
  it('union, intersection, difference and overlap by hand', () => {
    expect(Array.from(union(a, b))).toEqual([1, 0, 1, 1]);
    expect(Array.from(intersection(a, b))).toEqual([0, 0, 1, 0]);
    expect(Array.from(difference(a, b))).toEqual([1, 0, 0, 0]);
    expect(overlap(a, b)).toBe(1);
    expect(overlap(a, a)).toBe(2);
  });
  it('refuses codes of different lengths', () => {
    expect(() => overlap(a, u8([1]))).toThrow(/code a and code b.*4 and 1/);
  });
});

describe('class codes and their overlaps', () => {
  it('top-k per row: ties go to the lower index, zero scores never qualify', () => {
    expect(Array.from(topKRows([0.5, 0.5, 0.2, 0, 0, 0.1, 0.9, 0], 2, 4, 2))).toEqual([1, 1, 0, 0, 0, 1, 1, 0]);
    expect(Array.from(topKRows([0, 0, 0.3, 0], 1, 4, 2))).toEqual([0, 0, 1, 0]);
  });
  it('by hand: k = 2 active per sample; codes {0,1} and {1,3} share one unit; empty class 2 shares none', () => {
    const codes = u8([1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1]);
    // Class 0 mean [1, ½, ½, 0] → top 2 = {0, 1} (tie 1 vs 2 → 1); class 1 mean [0, 1, 0, 1] → {1, 3}.
    const r = classOverlap(codes, i32([0, 0, 1, 1]), 4, 4, 3);
    expect(r.k).toBe(2);
    expect(Array.from(r.classCodes)).toEqual([1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
    expect(Array.from(r.overlap)).toEqual([2, 1, 0, 1, 2, 0, 0, 0, 0]);
  });
  it('k is the rounded mean active count over labelled samples only', () => {
    // Labelled rows have 1 and 2 active (mean 1.5 → 2); the unlabelled row with 4 active does not count.
    const codes = u8([1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1]);
    expect(classOverlap(codes, i32([0, 0, -1]), 3, 4, 1).k).toBe(2);
  });
});
