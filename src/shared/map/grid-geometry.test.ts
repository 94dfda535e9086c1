import { describe, expect, it } from 'vitest';
import { cellPolygon, gridLayout, gridToPixel, hexCentre, hitTest } from './grid-geometry';

const centre = (L: ReturnType<typeof gridLayout>, i: number): [number, number] => [
  L.centres[2 * i]!,
  L.centres[2 * i + 1]!,
];
const dist = (a: [number, number], b: [number, number]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('hex cell centres (odd rows shifted right)', () => {
  it('puts row 0 at half-integers and shifts odd rows by half a cell', () => {
    expect(hexCentre(0, 0).x).toBeCloseTo(0.5);
    expect(hexCentre(0, 2).x).toBeCloseTo(2.5);
    expect(hexCentre(1, 0).x).toBeCloseTo(1.0);
    // Rows are √3/2 apart; the first row sits one circumradius (1/√3) below the top.
    expect(hexCentre(0, 0).y).toBeCloseTo(1 / Math.sqrt(3));
    expect(hexCentre(1, 0).y - hexCentre(0, 0).y).toBeCloseTo(Math.sqrt(3) / 2);
  });

  it('gives every interior cell six neighbours at distance 1', () => {
    const p = (r: number, c: number): [number, number] => [hexCentre(r, c).x, hexCentre(r, c).y];
    // Row 2 is even (not shifted): its neighbours in the shifted rows 1 and 3 are columns c−1 and c.
    const me = p(2, 2);
    for (const q of [p(2, 1), p(2, 3), p(1, 1), p(1, 2), p(3, 1), p(3, 2)]) expect(dist(me, q)).toBeCloseTo(1);
    expect(dist(me, p(1, 3))).toBeCloseTo(Math.sqrt(1.5 ** 2 + 0.75)); // not a neighbour
    // Row 1 is odd (shifted right): its neighbours in rows 0 and 2 are columns c and c+1.
    for (const q of [p(0, 2), p(0, 3), p(2, 2), p(2, 3)]) expect(dist(p(1, 2), q)).toBeCloseTo(1);
  });
});

describe('gridLayout', () => {
  it('fits a rect grid into the box with square cells', () => {
    const L = gridLayout(2, 4, 'rect', 400, 400);
    expect(L.cell).toBe(100);
    expect([L.width, L.height]).toEqual([400, 200]);
    expect(centre(L, 0)).toEqual([50, 50]);
    expect(centre(L, 5)).toEqual([150, 150]); // row 1, col 1
  });

  it('lays a ring out on a circle with equal steps between neighbours, last next to first', () => {
    const L = gridLayout(1, 12, 'ring', 300, 300);
    const step = dist(centre(L, 0), centre(L, 1));
    for (let i = 0; i < 12; i++) expect(dist(centre(L, i), centre(L, (i + 1) % 12))).toBeCloseTo(step);
    expect(centre(L, 0)[0]).toBeCloseTo(L.width / 2); // neuron 0 at the top
    expect(centre(L, 0)[1]).toBeLessThan(centre(L, 6)[1]);
  });

  it('maps grid coordinates (also past the edge) to pixels affinely on a torus', () => {
    const L = gridLayout(4, 4, 'torus', 80, 80);
    expect(gridToPixel(L, 0, 0)).toEqual({ x: 10, y: 10 });
    expect(gridToPixel(L, 0, 4)).toEqual({ x: 90, y: 10 }); // one cell beyond the right edge
  });

  it('finds the neuron under a pixel', () => {
    const L = gridLayout(3, 3, 'rect', 90, 90);
    expect(hitTest(L, 45, 45)).toBe(4);
    expect(hitTest(L, 85, 5)).toBe(2);
  });

  it('draws hexagons whose vertices lie one circumradius from the centre', () => {
    const pts = cellPolygon('hex', 0, 0, Math.sqrt(3));
    expect(pts).toHaveLength(6);
    for (const [x, y] of pts) expect(Math.hypot(x, y)).toBeCloseTo(1);
  });
});
