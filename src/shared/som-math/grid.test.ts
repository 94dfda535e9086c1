import { describe, expect, expectTypeOf, it } from 'vitest';
import { DECAYS, type Decay, type Neighbourhood, type Topology } from '../options';
import { areNeighbours, makeGrid, neighbourLists } from './grid';
import { decayValue } from './schedule';
import { neighbourhoodMatrix } from './neighbourhood';

const count = (lists: number[][]) => lists.map((l) => l.length);

describe('grids', () => {
  it('rect 3×3: 8-neighbourhood by default (corner 3, edge 5, centre 8), 4-neighbourhood without diagonals', () => {
    const g = makeGrid(3, 3, 'rect');
    expect(count(neighbourLists(g))).toEqual([3, 5, 3, 5, 8, 5, 3, 5, 3]);
    expect(count(neighbourLists(g, false))).toEqual([2, 3, 2, 3, 4, 3, 2, 3, 2]);
    expect(neighbourLists(g, false)[4]).toEqual([1, 3, 5, 7]);
    expect(areNeighbours(g, 0, 1)).toBe(true);
    expect([areNeighbours(g, 0, 4), areNeighbours(g, 0, 4, false)]).toEqual([true, false]); // diagonal, √2 away
    expect(areNeighbours(g, 0, 2)).toBe(false);
    expect(areNeighbours(g, 3, 3)).toBe(false);
    expect(g.dist2[0 * 9 + 4]).toBeCloseTo(2);
    expect(g.dist2[0 * 9 + 8]).toBeCloseTo(8);
    expect(Array.from(g.positions.subarray(8, 10))).toEqual([1, 1]); // neuron 4 = row 1, col 1, as (y, x)
  });

  it('torus 3×3: the corner has 4 neighbours at distance 1, two of them through the wrap', () => {
    const g = makeGrid(3, 3, 'torus');
    expect(neighbourLists(g, false)[0]).toEqual([1, 2, 3, 6]); // right, left (wrap), down, up (wrap)
    expect(Array.from(g.dist2.subarray(0, 9))).toEqual([0, 1, 1, 1, 2, 2, 1, 2, 2]);
    expect(count(neighbourLists(g, false))).toEqual(Array(9).fill(4));
    expect(count(neighbourLists(g))).toEqual(Array(9).fill(8)); // with diagonals every other unit touches
    expect(count(neighbourLists(makeGrid(4, 4, 'torus')))).toEqual(Array(16).fill(8));
    expect(makeGrid(4, 4, 'torus').dist2[0 * 16 + 10]).toBe(8); // (2,2) is 2 + 2 away either way round
  });

  it('hex 3×3 offset rows: centre has 6 neighbours at distance 1', () => {
    const g = makeGrid(3, 3, 'hex');
    // Row 1 is shifted right by ½: the centre (1,1) sits at x = 1.5, touching (0,1), (0,2), (2,1), (2,2).
    expect(neighbourLists(g)[4]).toEqual([1, 2, 3, 5, 7, 8]);
    expect(count(neighbourLists(g))).toEqual([2, 4, 3, 5, 6, 3, 2, 4, 3]);
    expect(neighbourLists(g, false)).toEqual(neighbourLists(g)); // hex has no diagonals to drop
    expect(g.positions[4 * 2]).toBeCloseTo(Math.sqrt(3) / 2); // row spacing
    expect(g.positions[4 * 2 + 1]).toBe(1.5); // odd row shifted by ½
    expect(g.dist2[4 * 9 + 1]).toBeCloseTo(1); // (¾ + ¼)
    expect(g.dist2[0 * 9 + 6]).toBeCloseTo(3); // two rows down, same column: (√3)²
  });

  it('ring of 5 wraps; chain of 5 does not', () => {
    const ring = makeGrid(1, 5, 'ring'),
      chain = makeGrid(1, 5, 'chain');
    expect(ring.dist2[0 * 5 + 4]).toBe(1);
    expect(ring.dist2[0 * 5 + 2]).toBe(4);
    expect(chain.dist2[0 * 5 + 4]).toBe(16);
    expect(count(neighbourLists(ring))).toEqual([2, 2, 2, 2, 2]);
    expect(count(neighbourLists(chain))).toEqual([1, 2, 2, 2, 1]);
    expect([areNeighbours(ring, 0, 4), areNeighbours(chain, 0, 4), areNeighbours(ring, 1, 3)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('takes only the closed table of topologies (a compile error otherwise) and refuses 2-D rings', () => {
    expectTypeOf(makeGrid).parameter(2).toEqualTypeOf<Topology>();
    expect(() => makeGrid(2, 5, 'ring')).toThrow('a ring is one-dimensional: rows must be 1, received 2');
  });
});

describe('schedules', () => {
  it.each(DECAYS)('%s starts at start and ends at end', (decay) => {
    expect(decayValue({ start: 10, end: 1, decay }, 0, 100)).toBeCloseTo(10);
    expect(decayValue({ start: 10, end: 1, decay }, 100, 100)).toBeCloseTo(1);
  });
  it('midpoints by hand', () => {
    expect(decayValue({ start: 10, end: 1, decay: 'exponential' }, 50, 100)).toBeCloseTo(Math.sqrt(10));
    expect(decayValue({ start: 10, end: 1, decay: 'linear' }, 50, 100)).toBeCloseTo(5.5);
    expect(decayValue({ start: 10, end: 1, decay: 'inverse-time' }, 50, 100)).toBeCloseTo(10 / 5.5);
  });
  it('takes only the closed table of decays (a compile error otherwise)', () => {
    expectTypeOf(decayValue).parameter(0).toHaveProperty('decay').toEqualTypeOf<Decay>();
  });
});

describe('neighbourhoods', () => {
  const d2 = new Float32Array([0, 1, 4]);
  it('gaussian, bubble and mexican hat at d = 0, σ, 2σ (σ = 1)', () => {
    const g = neighbourhoodMatrix(d2, 1, 'gaussian');
    expect(g[0]).toBe(1);
    expect(g[1]).toBeCloseTo(Math.exp(-0.5));
    expect(g[2]).toBeCloseTo(Math.exp(-2));
    expect(Array.from(neighbourhoodMatrix(d2, 1, 'bubble'))).toEqual([1, 1, 0]);
    const m = neighbourhoodMatrix(d2, 1, 'mexican-hat');
    expect(m[0]).toBe(1);
    expect(m[1]).toBeCloseTo(0);
    expect(m[2]).toBeCloseTo(-3 * Math.exp(-2));
  });
  it('σ = 2: gaussian e^(−½) and bubble 1 at d = σ, bubble 0 just beyond', () => {
    const d = new Float32Array([0, 4, 4.01]);
    expect(Array.from(neighbourhoodMatrix(d, 2, 'gaussian')).map((v) => +v.toFixed(6))).toEqual([
      1,
      +Math.exp(-0.5).toFixed(6),
      +Math.exp(-4.01 / 8).toFixed(6),
    ]);
    expect(Array.from(neighbourhoodMatrix(d, 2, 'bubble'))).toEqual([1, 1, 0]);
    expect(neighbourhoodMatrix(d, 2, 'mexican-hat')[1]).toBeCloseTo(0);
  });
  it('takes only the closed table of neighbourhoods (a compile error otherwise) and refuses σ ≤ 0', () => {
    expectTypeOf(neighbourhoodMatrix).parameter(2).toEqualTypeOf<Neighbourhood>();
    expect(() => neighbourhoodMatrix(d2, 0, 'gaussian')).toThrow('σ must be > 0, received 0');
  });
});
