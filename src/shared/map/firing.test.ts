import { describe, expect, it } from 'vitest';
import { codeGrid, preferredClass, unitHealth } from './firing';

describe('unit health on the lattice', () => {
  it('counts units that never fire as dead and units that fire on every sample as always on', () => {
    // 0.0005 (one sample in 2000) is not dead and 0.995 is not always on; a float32 mean of all ones is.
    expect(unitHealth([0, 0.0005, 0.5, 0.995, 1, Math.fround(0.99999994)])).toEqual({
      dead: 1,
      alwaysOn: 2,
      units: 6,
    });
  });
  it('finds the class each unit fires for most, and how selective it is', () => {
    // 3 units × 2 classes: unit 0 fires for class 1 only, unit 1 for both equally, unit 2 never.
    const { cls, share } = preferredClass([0, 0.8, 0.5, 0.5, 0, 0], 3);
    expect([...cls]).toEqual([1, 0, -1]);
    expect([...share]).toEqual([1, 0.5, 0]);
  });
  it('lays a code of n units on the factorisation of n nearest to square, rows ≤ cols', () => {
    expect(codeGrid(512)).toEqual({ rows: 16, cols: 32 });
    expect(codeGrid(100)).toEqual({ rows: 10, cols: 10 });
    expect(codeGrid(32)).toEqual({ rows: 4, cols: 8 });
    expect(codeGrid(12)).toEqual({ rows: 3, cols: 4 });
    expect(codeGrid(13)).toEqual({ rows: 1, cols: 13 });
    expect(codeGrid(1)).toEqual({ rows: 1, cols: 1 });
    expect(() => codeGrid(0)).toThrow(/unit count ≥ 1, received 0/);
  });
});
