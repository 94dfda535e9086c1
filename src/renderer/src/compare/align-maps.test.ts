import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../../../shared/run-types';
import { alignPair, alignProblem } from './align-maps';

const snap = (codebook: number[], rows = 2, cols = 2): SomSnapshot => ({
  step: 0,
  layer: 'som',
  rows,
  cols,
  topology: 'rect',
  shape: [1],
  codebook: Float32Array.from(codebook),
  hits: Float32Array.from(codebook.map((_, i) => i)),
  umatrix: new Float32Array(rows * cols),
});

describe('compare map alignment', () => {
  it('undoes a left–right flip: distance 0, the hits follow their neurons', () => {
    const a = snap([1, 2, 3, 4]);
    const b = snap([2, 1, 4, 3]);
    const p = alignPair(a, b);
    expect([...p.aligned.codebook]).toEqual([1, 2, 3, 4]);
    expect([...p.aligned.hits]).toEqual([1, 0, 3, 2]);
    expect([...p.difference.umatrix]).toEqual([0, 0, 0, 0]);
    expect(p.text).toMatch(/RMS distance 0(\.0+)? /);
  });

  it('refuses maps on different lattices, naming both', () => {
    expect(alignProblem(snap([1, 2, 3, 4]), snap([1, 2, 3, 4, 5, 6], 2, 3))).toBe(
      'different lattices (2×2 rect vs 2×3 rect)',
    );
  });
});
