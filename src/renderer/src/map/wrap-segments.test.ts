// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pathSegments, shortestStep, splitStep, wrapRule } from './wrap-segments';

describe('wrap-aware winner paths', () => {
  it('takes the short way round only on wrapping axes', () => {
    expect(shortestStep(9, 0, 10, true)).toBe(1);
    expect(shortestStep(0, 9, 10, true)).toBe(-1);
    expect(shortestStep(0, 9, 10, false)).toBe(9);
    expect(shortestStep(2, 6, 10, true)).toBe(4);
  });

  it('splits a torus step across the right edge into two one-cell stubs', () => {
    const rule = wrapRule(5, 10, 'torus');
    expect(splitStep({ row: 2, col: 9 }, { row: 2, col: 0 }, rule)).toEqual([
      [
        { row: 2, col: 9 },
        { row: 2, col: 10 },
      ],
      [
        { row: 2, col: -1 },
        { row: 2, col: 0 },
      ],
    ]);
  });

  it('splits a corner wrap on both axes of a torus', () => {
    const rule = wrapRule(4, 4, 'torus');
    expect(splitStep({ row: 0, col: 0 }, { row: 3, col: 3 }, rule)).toEqual([
      [
        { row: 0, col: 0 },
        { row: -1, col: -1 },
      ],
      [
        { row: 4, col: 4 },
        { row: 3, col: 3 },
      ],
    ]);
  });

  it('draws a long step on a plain rect grid as one straight segment', () => {
    const rule = wrapRule(5, 10, 'rect');
    expect(splitStep({ row: 0, col: 9 }, { row: 0, col: 0 }, rule)).toEqual([
      [
        { row: 0, col: 9 },
        { row: 0, col: 0 },
      ],
    ]);
  });

  it('wraps a ring laid out as a line (columns only) and skips repeated winners', () => {
    const rule = wrapRule(1, 36, 'ring');
    const segs = pathSegments([34, 35, 35, 0, 1], rule);
    expect(segs).toHaveLength(4); // 34→35, 35→0 split in two, 0→1
    expect(segs[1]).toEqual([
      { row: 0, col: 35 },
      { row: 0, col: 36 },
    ]);
    expect(segs[2]).toEqual([
      { row: 0, col: -1 },
      { row: 0, col: 0 },
    ]);
    // No segment spans more than one cell.
    for (const [a, b] of segs) expect(Math.abs(a.col - b.col)).toBeLessThanOrEqual(1);
  });
});
