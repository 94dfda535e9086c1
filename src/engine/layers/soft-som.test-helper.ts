// Fixtures shared by the SoftSom test files: seeded matrices, a 2×3 grid and a relative-tolerance matcher.
import { expect } from 'vitest';
import { makeGrid } from '../../shared/som-math';
import { mulberry32 } from '../../shared/random';

export type M = number[][];
export const rand = (rows: number, cols: number, seed: number, scale = 1): M => {
  const r = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => scale * r()));
};

export function expectClose(got: M, want: M, rel: number): void {
  const scale = Math.max(1e-3, ...want.flat().map(Math.abs));
  got.flat().forEach((g, i) => expect(Math.abs(g - want.flat()[i]!)).toBeLessThan(rel * scale));
}

export const grid = makeGrid(2, 3, 'rect');
export const G = (): M => Array.from({ length: 6 }, (_, v) => [grid.positions[v * 2]!, grid.positions[v * 2 + 1]!]);
