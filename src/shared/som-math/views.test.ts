import { describe, expect, it } from 'vitest';
import { makeGrid } from './grid';
import { topographicErrors } from './quality';
import { classMapOf, hitsOf, majority, uMatrixOf } from './views';

describe('map views on arrays', () => {
  it('hits count the samples each neuron won', () => {
    expect(Array.from(hitsOf([2, 0, 2, 2], 4))).toEqual([1, 0, 3, 0]);
  });

  it('class map: majority label, -1 where nothing labelled won, ties to the lower class, odd labels ignored', () => {
    // neuron 0: labels 1, 1, 0 → 1; neuron 1: 0 and 2 tie → 0; neuron 2: only label 7 (out of range) → -1.
    const winners = [0, 0, 0, 1, 1, 2];
    const labels = [1, 1, 0, 2, 0, 7];
    expect(Array.from(classMapOf(winners, labels, 4, 3))).toEqual([1, 0, -1, -1]);
    expect(Array.from(majority(Int32Array.from([0, 0, 2, 2]), 2, 2))).toEqual([-1, 0]);
  });

  it('U-matrix: mean distance to the lattice neighbours (chain 0, 1, 3 → 1, 1.5, 2)', () => {
    const u = uMatrixOf(Float32Array.from([0, 1, 3]), 1, makeGrid(1, 3, 'chain'));
    expect(Array.from(u)).toEqual([1, 1.5, 2]);
    expect(Array.from(uMatrixOf(Float32Array.from([5]), 1, makeGrid(1, 1, 'rect')))).toEqual([0]);
  });

  it('topographic error: best and second not neighbours, diagonals counting as neighbours on rect', () => {
    const g = makeGrid(3, 3, 'rect');
    // (0,1) side by side, (0,4) diagonal: fine; (0,2) two apart and (0,8) opposite corners: errors.
    expect(topographicErrors(g, [0, 1, 0, 4, 0, 2, 0, 8])).toBe(2);
    expect(topographicErrors(g, [0, 2, 0, 8], 1)).toBe(1); // only the first m pairs
    expect(topographicErrors(makeGrid(3, 3, 'torus'), [0, 2, 0, 8])).toBe(0); // both wrap round to neighbours
  });
});
