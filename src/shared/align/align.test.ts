import { describe, expect, it } from 'vitest';
import { makeGrid } from '../som-math';
import type { Topology } from '../options';
import { mulberry32 } from '../random';
import { alignCodebooks, alignViews, permuteRows } from './align';
import { describeSymmetry, latticeSymmetries, type Lattice, type MapSymmetry } from './symmetries';

const DIM = 3;

function randomCodebook(n: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: n * DIM }, () => rand());
}

/** B is A carried by the symmetry: the vector of A's neuron i sits at B's neuron perm[i]. */
function carried(a: Float32Array, s: MapSymmetry): Float32Array {
  const b = new Float32Array(a.length);
  s.perm.forEach((j, i) => b.set(a.subarray(i * DIM, (i + 1) * DIM), j * DIM));
  return b;
}

const LATTICES: [Lattice, number][] = [
  [{ rows: 5, cols: 5, topology: 'rect' }, 8],
  [{ rows: 4, cols: 6, topology: 'rect' }, 4],
  [{ rows: 4, cols: 5, topology: 'hex' }, 2],
  [{ rows: 5, cols: 4, topology: 'hex' }, 2],
  [{ rows: 4, cols: 4, topology: 'torus' }, 8 * 16],
  [{ rows: 3, cols: 5, topology: 'torus' }, 4 * 15],
  [{ rows: 1, cols: 7, topology: 'ring' }, 2 * 7],
  [{ rows: 1, cols: 6, topology: 'chain' }, 2],
];

describe('latticeSymmetries', () => {
  it.each(LATTICES)('%o has %i symmetries, each a bijection that keeps every grid distance', (l, count) => {
    const syms = latticeSymmetries(l);
    expect(syms).toHaveLength(count);
    expect(syms[0]).toMatchObject({ op: 'identity', shift: [0, 0] });
    const g = makeGrid(l.rows, l.cols, l.topology as Topology);
    for (const s of syms) {
      expect(new Set(s.perm).size).toBe(g.n);
      for (let i = 0; i < g.n; i++)
        for (let j = 0; j < g.n; j++)
          expect(g.dist2[s.perm[i]! * g.n + s.perm[j]!]).toBeCloseTo(g.dist2[i * g.n + j]!, 4);
    }
  });

  it('keeps the parity-preserving flip of a hex grid: top–bottom with odd rows, 180° with even rows', () => {
    expect(latticeSymmetries({ rows: 5, cols: 4, topology: 'hex' }).map((s) => s.op)).toEqual(['identity', 'flip-y']);
    expect(latticeSymmetries({ rows: 4, cols: 4, topology: 'hex' }).map((s) => s.op)).toEqual(['identity', 'rot180']);
  });

  it('turns a square clockwise on screen: the top-left neuron goes to the top-right', () => {
    const rot90 = latticeSymmetries({ rows: 3, cols: 3, topology: 'rect' }).find((s) => s.op === 'rot90')!;
    expect(rot90.perm[0]).toBe(2);
    expect(rot90.perm[2]).toBe(8);
  });

  it('describes a symmetry in words', () => {
    expect(describeSymmetry({ op: 'rot90', shift: [0, 0] })).toBe('rotated 90° clockwise');
    expect(describeSymmetry({ op: 'identity', shift: [1, 2] })).toBe('shifted by 1 row and 2 columns');
    expect(describeSymmetry({ op: 'flip-x', shift: [0, 3] })).toBe('mirrored left–right, shifted by 3 columns');
  });
});

describe('alignCodebooks', () => {
  it.each(LATTICES)('finds every symmetry of %o back, at distance 0', (l) => {
    const n = l.rows * l.cols;
    const a = randomCodebook(n, 7);
    for (const s of latticeSymmetries(l)) {
      const found = alignCodebooks(a, carried(a, s), l, DIM);
      expect([found.symmetry.op, found.symmetry.shift]).toEqual([s.op, s.shift]);
      expect(found.distance).toBe(0);
      expect(Math.max(...found.diff)).toBe(0);
    }
  });

  it('reports a rotated copy as unaligned before and equal after', () => {
    const l = { rows: 6, cols: 6, topology: 'rect' };
    const a = randomCodebook(36, 3);
    const rot = latticeSymmetries(l).find((s) => s.op === 'rot270')!;
    const found = alignCodebooks(a, carried(a, rot), l, DIM);
    expect(found.description).toBe('rotated 90° anticlockwise');
    expect(found.unaligned).toBeGreaterThan(0.2);
  });

  it('finds a shifted, mirrored, slightly noisy copy on a torus; the distance is the noise', () => {
    const l = { rows: 5, cols: 6, topology: 'torus' };
    const a = randomCodebook(30, 11);
    const s = latticeSymmetries(l).find((x) => x.op === 'flip-y' && x.shift[0] === 2 && x.shift[1] === 3)!;
    const b = carried(a, s).map((v, k) => v + (k % 2 ? 0.01 : -0.01));
    const found = alignCodebooks(a, b, l, DIM);
    expect([found.symmetry.op, found.symmetry.shift]).toEqual(['flip-y', [2, 3]]);
    expect(found.distance).toBeCloseTo(Math.sqrt(3 * 0.01 ** 2), 5);
  });

  it('gives an unrelated map a large distance under every symmetry', () => {
    const l = { rows: 5, cols: 5, topology: 'rect' };
    const found = alignCodebooks(randomCodebook(25, 1), randomCodebook(25, 2), l, DIM);
    // Two independent U(0,1)³ vectors are √(3/6) ≈ 0.71 apart in RMS; the best of 8 relabellings stays far off 0.
    expect(found.distance).toBeGreaterThan(0.4);
    expect(found.distance).toBeLessThanOrEqual(found.unaligned);
  });

  it('names the map and the sizes when a codebook does not fit the lattice', () => {
    const l = { rows: 2, cols: 2, topology: 'rect' };
    expect(() => alignCodebooks(new Float32Array(12), new Float32Array(9), l, 3)).toThrow(
      /map B: expected a codebook of 2×2 neurons × 3 values \(12\), received 9/,
    );
  });
});

describe('permuteRows / alignViews', () => {
  it('relabels codebook rows and per-neuron views the same way', () => {
    const perm = Int32Array.from([2, 0, 1]);
    expect([...permuteRows(Float32Array.from([10, 11, 20, 21, 30, 31]), perm, 2)]).toEqual([30, 31, 10, 11, 20, 21]);
    const views = alignViews(
      {
        codebook: Float32Array.from([1, 2, 3]),
        hits: Float32Array.from([5, 6, 7]),
        umatrix: Float32Array.from([0.1, 0.2, 0.3]),
        classMap: Int32Array.from([0, 1, 2]),
      },
      perm,
    );
    expect([...views.codebook]).toEqual([3, 1, 2]);
    expect([...views.hits]).toEqual([7, 5, 6]);
    expect([...views.classMap!]).toEqual([2, 0, 1]);
  });
});
