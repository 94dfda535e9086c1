import { describe, expect, it } from 'vitest';
import { binaryEntropy, deadAndAlwaysOn, firingCounts, firingEntropy, firingRates } from '.';

// 4 samples × 3 neurons: unit 0 always on, unit 1 dead, unit 2 on half the time.
const rows = [1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0];

describe('firing rates', () => {
  it('by hand, the same from Uint8Array and Float32Array', () => {
    expect(Array.from(firingCounts(Uint8Array.from(rows), 4, 3))).toEqual([4, 0, 2]);
    expect(Array.from(firingRates(Uint8Array.from(rows), 4, 3))).toEqual([1, 0, 0.5]);
    expect(Array.from(firingRates(Float32Array.from(rows), 4, 3))).toEqual([1, 0, 0.5]);
  });
  it('counts a value as active above 0.5 (near-binary soft codes)', () => {
    expect(Array.from(firingRates(Float32Array.from([0.9, 0.3, 0.6, 0.5]), 2, 2))).toEqual([1, 0]);
  });
  it('names the shape it expected when the data disagrees', () => {
    expect(() => firingRates(new Uint8Array(11), 4, 3)).toThrow(/4×3 = 12 values.*got 11/);
  });
});

describe('firing entropy', () => {
  it('binary entropy: 0 at 0 and 1, 1 bit at ½, 0.286397 bits at 0.05', () => {
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0.5)).toBe(1);
    expect(binaryEntropy(0.05)).toBeCloseTo(0.286397, 6);
  });
  it('rates [1, 0, ½]: mean binary (0+0+1)/3; distribution (⅔, 0, ⅓) → 0.918296 bits', () => {
    const h = firingEntropy([1, 0, 0.5]);
    expect(h.meanBinaryBits).toBeCloseTo(1 / 3, 12);
    expect(h.rateDistributionBits).toBeCloseTo(0.918296, 6);
  });
  it('four equal rates ¼: mean binary H_b(¼) = 0.811278, distribution log2 4 = 2', () => {
    const h = firingEntropy([0.25, 0.25, 0.25, 0.25]);
    expect(h.meanBinaryBits).toBeCloseTo(0.811278, 6);
    expect(h.rateDistributionBits).toBeCloseTo(2, 12);
  });
  it('one unit doing all the firing → distribution 0; nothing firing → both 0', () => {
    expect(firingEntropy([0, 0.3, 0]).rateDistributionBits).toBe(0);
    expect(firingEntropy([0, 0, 0])).toEqual({ meanBinaryBits: 0, rateDistributionBits: 0 });
  });
});

describe('dead and always-on units', () => {
  it('exact on rates from firingRates', () => {
    expect(deadAndAlwaysOn(firingRates(Uint8Array.from(rows), 4, 3))).toEqual({ dead: 1, alwaysOn: 1 });
  });
  it('eps admits EMA-style rates near 0 and 1', () => {
    const rates = [1e-9, 0.9999999, 0.5];
    expect(deadAndAlwaysOn(rates)).toEqual({ dead: 0, alwaysOn: 0 });
    expect(deadAndAlwaysOn(rates, 1e-6)).toEqual({ dead: 1, alwaysOn: 1 });
  });
});
