import { describe, expect, it } from 'vitest';
import { addKept, bestOfRows, distinctWinners, neighbourRowsT, sumByWinner } from './step-math';

describe('the host-side pieces of the fused SOM step, by hand', () => {
  it('groups a batch by winner: distinct winners ascending, each with the sum of its samples', () => {
    const win = Int32Array.of(3, 1, 3, 3, 0); // 5 samples, 4 neurons: neuron 2 wins none
    const { units, slot } = distinctWinners(win, 4);
    expect(Array.from(units)).toEqual([0, 1, 3]);
    expect(Array.from(slot)).toEqual([0, 1, -1, 2]);
    const x = Float32Array.of(1, 10, 2, 20, 3, 30, 4, 40, 5, 50); // d = 2
    const s = new Float32Array(6).fill(99); // overwritten, not accumulated into
    sumByWinner(win, slot, x, 2, s);
    expect(Array.from(s)).toEqual([5, 50, 2, 20, 1 + 3 + 4, 10 + 30 + 40]);
  });

  it('fills A [n, K] with the neighbourhood rows of the distinct winners, scaled per neuron', () => {
    const h = Float32Array.of(1, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 1); // 3 neurons on a line
    const a = new Float32Array(6);
    neighbourRowsT(Int32Array.of(0, 2), h, 3, Float32Array.of(1, 2, 4), a);
    expect(Array.from(a)).toEqual([1, 0.25, 1, 1, 1, 4]);
  });

  it('takes the argmax of each row, the lowest index on ties', () => {
    const out = new Int32Array(2);
    bestOfRows(Float32Array.of(0, 3, 3, -1, -5, -2, -2, -9), 2, 4, out);
    expect(Array.from(out)).toEqual([1, 1]);
  });

  it('adds the kept share of the old codebook and returns the new squared row norms', () => {
    const num = Float32Array.of(1, 2, 3, 4),
      norms = new Float32Array(2);
    addKept(num, Float32Array.of(10, 10, 1, 1), Float32Array.of(0, 0.5), 2, norms);
    expect(Array.from(num)).toEqual([1, 2, 3.5, 4.5]);
    expect(Array.from(norms)).toEqual([1 + 4, 3.5 ** 2 + 4.5 ** 2]);
  });
});
