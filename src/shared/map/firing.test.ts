import { describe, expect, it } from 'vitest';
import { preferredClass, unitHealth } from './firing';

describe('mask health on the lattice', () => {
  it('counts dead and always-on units', () => {
    expect(unitHealth([0, 0.0005, 0.5, 0.995, 1])).toEqual({ dead: 2, alwaysOn: 2, units: 5 });
  });
  it('finds the class each unit fires for most, and how selective it is', () => {
    // 3 units × 2 classes: unit 0 fires for class 1 only, unit 1 for both equally, unit 2 never.
    const { cls, share } = preferredClass([0, 0.8, 0.5, 0.5, 0, 0], 3);
    expect([...cls]).toEqual([1, 0, -1]);
    expect([...share]).toEqual([1, 0.5, 0]);
  });
});
