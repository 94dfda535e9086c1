import { describe, expect, it } from 'vitest';
import { classOverlaps, firingRates, infoPlane, meanSdrPerClass, nmi, purity } from '.';

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

describe('codes', () => {
  const codes = Float32Array.from([1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1]); // 4 samples × 3 neurons
  const labels = i32([0, 0, 1, 1]);
  it('firing rates and mean SDR per class by hand', () => {
    expect(Array.from(firingRates(codes, 4, 3))).toEqual([0.5, 0.5, 0.75]);
    expect(Array.from(meanSdrPerClass(codes, labels, 3, 2))).toEqual([0.5, 0.5, 1, 0.5, 0.5, 0.5]);
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
