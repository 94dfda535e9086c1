import { describe, expect, it } from 'vitest';
import { allPatches, foldPatches, mseAndPsnr, patchGrid, randomPatches } from './patches';

// A 3×3 single-channel image 1..9 — patches of 2×2 at stride 1 can be written down by hand.
const img = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
const s = { h: 3, w: 3, c: 1 };

describe('patches', () => {
  it('cuts every position in row-major order', () => {
    expect(patchGrid(s, 2, 1)).toEqual({ ny: 2, nx: 2 });
    expect(Array.from(allPatches(img, 1, s, 2, 1))).toEqual([1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9]);
  });

  it('folding the exact patches gives the image back (overlaps averaged)', () => {
    const p = allPatches(img, 1, s, 2, 1);
    expect(Array.from(foldPatches(p, 1, s, 2, 1))).toEqual(Array.from(img));
  });

  it('averages disagreeing overlaps: centre pixel is the mean of its 4 patches', () => {
    const p = new Float32Array(16);
    for (let i = 0; i < 4; i++) p.fill(i, i * 4, i * 4 + 4); // patch i is constant i
    const r = foldPatches(p, 1, s, 2, 1);
    expect(r[4]).toBeCloseTo((0 + 1 + 2 + 3) / 4);
    expect(r[0]).toBe(0);
    expect(r[8]).toBe(3);
  });

  it('handles channels and several images', () => {
    const two = new Float32Array(2 * 3 * 3 * 2).map((_, i) => i);
    const sc = { h: 3, w: 3, c: 2 };
    expect(Array.from(foldPatches(allPatches(two, 2, sc, 2, 1), 2, sc, 2, 1))).toEqual(Array.from(two));
  });

  it('random patches are real patches and repeat for a seed', () => {
    const a = randomPatches(img, 1, s, 2, 1, 5, 9);
    expect(Array.from(a)).toEqual(Array.from(randomPatches(img, 1, s, 2, 1, 5, 9)));
    const all = allPatches(img, 1, s, 2, 1);
    const set = new Set([0, 1, 2, 3].map((i) => Array.from(all.subarray(i * 4, i * 4 + 4)).join()));
    for (let j = 0; j < 5; j++) expect(set.has(Array.from(a.subarray(j * 4, j * 4 + 4)).join())).toBe(true);
  });

  it('rejects a patch larger than the image', () => {
    expect(() => patchGrid(s, 4, 1)).toThrow('patch size 4 is larger than the 3×3 image');
  });

  it('mse/psnr by hand', () => {
    const { mse, psnr } = mseAndPsnr(new Float32Array([0, 0]), new Float32Array([0.1, 0.1]));
    expect(mse).toBeCloseTo(0.01);
    expect(psnr).toBeCloseTo(20);
  });
});
