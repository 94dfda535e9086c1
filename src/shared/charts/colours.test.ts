import { describe, expect, it } from 'vitest';
import { SCALES, classColour, extent, normalise, rgbCss } from './colours';

describe('colour scales', () => {
  it('viridis runs from #440154 to #fde725 through the table stops', () => {
    expect(SCALES.viridis(0)).toEqual([68, 1, 84]);
    expect(SCALES.viridis(1)).toEqual([253, 231, 37]);
    expect(SCALES.viridis(0.5)).toEqual([33, 144, 141]); // the middle stop of 9
    // Halfway between stop 0 and stop 1 (t = 1/16): the mean of [68,1,84] and [71,44,122].
    expect(SCALES.viridis(1 / 16)).toEqual([70, 23, 103]);
  });

  it('cividis runs from #00204d to #ffea46', () => {
    expect(SCALES.cividis(0)).toEqual([0, 32, 77]);
    expect(SCALES.cividis(1)).toEqual([255, 234, 70]);
  });

  it('clamps out-of-range and non-finite inputs', () => {
    expect(SCALES.greys(-3)).toEqual(SCALES.greys(0));
    expect(SCALES.greys(7)).toEqual([37, 37, 37]);
    expect(SCALES.greys(NaN)).toEqual([247, 247, 247]);
  });

  it('gives classes distinct colours and "no class" a light grey', () => {
    const ten = Array.from({ length: 10 }, (_, k) => rgbCss(classColour(k)));
    expect(new Set(ten).size).toBe(10);
    expect(classColour(-1)).toEqual([230, 230, 230]);
    expect(classColour(10)).toEqual([153, 77, 89]); // class 0's colour (Tol's rose) at 75 %
  });

  it('extent ignores non-finite values and widens a flat range', () => {
    expect(extent([3, NaN, -1, Infinity, 2])).toEqual([-1, 3]);
    expect(extent([5, 5])).toEqual([5, 6]);
    expect(extent([])).toEqual([0, 1]);
    expect(normalise(2, [1, 5])).toBe(0.25);
  });
});
