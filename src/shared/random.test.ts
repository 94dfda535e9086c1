import { describe, expect, it } from 'vitest';
import { mulberry32, permutation, subSeed } from './random';

describe('seeded randomness', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = mulberry32(7),
      b = mulberry32(7),
      c = mulberry32(8);
    const sa = [a(), a(), a()],
      sb = [b(), b(), b()],
      sc = [c(), c(), c()];
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it('permutation holds each index once', () => {
    const p = permutation(1000, 3);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(p.subarray(0, 10))).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(permutation(50, 3))).toEqual(Array.from(permutation(50, 3)));
  });

  it('sub-seeds differ per stream', () => {
    expect(subSeed(1, 0)).not.toBe(subSeed(1, 1));
    expect(subSeed(1, 5)).toBe(subSeed(1, 5));
  });
});
