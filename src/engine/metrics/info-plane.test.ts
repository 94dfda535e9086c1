import { describe, expect, it } from 'vitest';
import { binRowKeys, entropyOfCounts, infoFromKeys, infoPlane } from '.';

const i32 = (a: number[]) => Int32Array.from(a);

/** One-hot rows of the labels, as floats. */
function oneHot(labels: number[], C: number): Float32Array {
  const t = new Float32Array(labels.length * C);
  labels.forEach((y, i) => (t[i * C + y] = 1));
  return t;
}

describe('information plane, hand cases', () => {
  it('constant T → I(X;T) = I(T;Y) = 0', () => {
    expect(infoPlane(new Float32Array(6 * 4).fill(0.3), 6, 4, i32([0, 1, 2, 0, 1, 2]), 10)).toEqual({ ixt: 0, ity: 0 });
  });
  it('T = one-hot of Y, 12 samples evenly in 3 classes → both log2 3', () => {
    const y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2];
    const r = infoPlane(oneHot(y, 3), 12, 3, i32(y), 2);
    expect(r.ixt).toBeCloseTo(Math.log2(3), 12);
    expect(r.ity).toBeCloseTo(Math.log2(3), 12);
  });
  it('T values A A B C with labels 0 0 1 1: H(T) = 1.5, H(T|Y) = ½ → I(T;Y) = 1', () => {
    const r = infoFromKeys(['A', 'A', 'B', 'C'], i32([0, 0, 1, 1]));
    expect(r.ixt).toBeCloseTo(1.5, 12);
    expect(r.ity).toBeCloseTo(1, 12);
  });
  it('every row distinct → I(X;T) = log2 n; I(T;Y) = H(Y)', () => {
    const r = infoPlane(Float32Array.from([0, 1, 2, 3]), 4, 1, i32([0, 0, 0, 1]), 4);
    expect(r.ixt).toBeCloseTo(2, 12);
    expect(r.ity).toBeCloseTo(entropyOfCounts([3, 1]), 12);
  });
  it('unlabelled samples count for I(X;T) but not for I(T;Y)', () => {
    const r = infoFromKeys(['A', 'B', 'C', 'D'], i32([0, 1, -1, -1]));
    expect(r.ixt).toBeCloseTo(2, 12);
    expect(r.ity).toBeCloseTo(1, 12);
  });
});

describe('binning', () => {
  it('equal-width bins over the range: [0, .1, .5, .9, 1] → bins 0 0 1 1 1 (2 bins), 0 0 2 3 3 (4 bins)', () => {
    const t = Float32Array.from([0, 0.1, 0.5, 0.9, 1]);
    const k2 = binRowKeys(t, 5, 1, 2), k4 = binRowKeys(t, 5, 1, 4);
    expect(k2.map((k) => k.charCodeAt(0))).toEqual([0, 0, 1, 1, 1]);
    expect(k4.map((k) => k.charCodeAt(0))).toEqual([0, 0, 2, 3, 3]);
  });
  it('the range is the whole layer, not each unit: a unit spanning 0..1 under a 0..10 layer stays in bin 0', () => {
    const keys = binRowKeys(Float32Array.from([0, 0, 0, 1, 10, 0]), 3, 2, 2);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });
  it('packed keys split rows exactly as naive joined bin tuples do (rows differing only in the last unit too)', () => {
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const [bins, N] of [[2, 40], [3, 25], [7, 9], [30, 5], [300, 3]] as const) {
      const n = 60, t = Float64Array.from({ length: n * N }, () => Math.floor(rand() * bins));
      t.copyWithin(N, 0, N); // row 1 = row 0 …
      t[2 * N - 1] = (t[N - 1]! + 1) % bins; // … except its last unit.
      t[0] = 0; t[1] = bins - 1; // pin the range to 0..bins−1 so bin = value
      const naive = Array.from({ length: n }, (_, i) => Array.from(t.subarray(i * N, (i + 1) * N)).join(','));
      const keys = binRowKeys(t, n, N, bins);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(keys[i] === keys[j]).toBe(naive[i] === naive[j]);
      const y = i32(Array.from({ length: n }, (_, i) => i % 3));
      expect(infoPlane(t, n, N, y, bins)).toEqual(infoFromKeys(naive, y));
    }
  });
  it('rejects bad bins and non-finite activations, naming them', () => {
    expect(() => infoPlane(new Float32Array(2), 2, 1, i32([0, 1]), 0)).toThrow(/bins.*got 0/);
    expect(() => infoPlane(Float32Array.from([0, NaN]), 2, 1, i32([0, 1]), 2)).toThrow(/finite.*NaN at index 1/);
    expect(() => infoPlane(new Float32Array(4), 2, 2, i32([0]), 2)).toThrow(/labels/);
  });
});
